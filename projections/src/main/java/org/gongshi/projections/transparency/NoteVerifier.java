package org.gongshi.projections.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An Ed25519 verifier key of the C2SP signed-note format, as Go's {@code golang.org/x/mod/sumdb/note},
 * Trillian Tessera and Rekor use it: {@code <name>+<8 hex key hash>+<base64(0x01 || 32-byte public key)>},
 * where the key hash is the first four bytes of {@code SHA-256(name || "\n" || 0x01 || public key)}.
 *
 * <p>{@link #open(String, Collection)} parses a signed note and checks its signatures with the rules of
 * Go's {@code note.Open}: signatures by unknown keys are ignored, a known key's bad signature rejects the
 * note, and at least one known key must have signed it.
 */
public final class NoteVerifier {

    /** The DER prefix of an Ed25519 X.509 SubjectPublicKeyInfo, followed by the 32-byte raw key (RFC 8410). */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String name;
    private final int keyHash;
    private final byte[] rawPublicKey;
    private final PublicKey publicKey;

    private NoteVerifier(String name, byte[] rawPublicKey) {
        this.name = name;
        this.rawPublicKey = rawPublicKey.clone();
        this.keyHash = NoteFormat.keyHash(name, rawPublicKey);
        this.publicKey = publicKeyFromRaw(rawPublicKey);
    }

    /** A verifier for {@code name} and a 32-byte raw Ed25519 public key. */
    public static NoteVerifier of(String name, byte[] rawPublicKey) {
        NoteFormat.requireValidName(name);
        if (rawPublicKey == null || rawPublicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        return new NoteVerifier(name, rawPublicKey);
    }

    /** A verifier for {@code name} and a Java Ed25519 public key. */
    public static NoteVerifier of(String name, PublicKey publicKey) {
        return of(name, rawPublicKey(publicKey));
    }

    /**
     * Parses {@code <name>+<hash hex>+<base64(0x01 || key)>}.
     *
     * @throws IllegalArgumentException for a malformed key, an unknown algorithm or a key hash that does
     *                                  not match the name and key
     */
    public static NoteVerifier parse(String verifierKey) {
        if (verifierKey == null) {
            throw new IllegalArgumentException("malformed verifier id: null");
        }
        String[] nameRest = NoteFormat.chop(verifierKey, '+');
        String[] hashKey = NoteFormat.chop(nameRest[1], '+');
        String name = nameRest[0];
        Integer hash = NoteFormat.parseKeyHash(hashKey[0]);
        byte[] key = NoteFormat.decodeBase64(hashKey[1]);
        if (hash == null || key == null || key.length == 0 || !NoteFormat.isValidName(name)) {
            throw new IllegalArgumentException("malformed verifier id: " + verifierKey);
        }
        if (hash != NoteFormat.keyHashOfEncoded(name, key)) {
            throw new IllegalArgumentException("invalid verifier hash: " + verifierKey);
        }
        if (key[0] != NoteFormat.ALG_ED25519) {
            throw new IllegalArgumentException("unknown verifier algorithm " + (key[0] & 0xff) + ": " + verifierKey);
        }
        if (key.length != 33) {
            throw new IllegalArgumentException("malformed verifier id (Ed25519 key must be 32 bytes): " + verifierKey);
        }
        return new NoteVerifier(name, Arrays.copyOfRange(key, 1, 33));
    }

    public String name() {
        return name;
    }

    /** The key hash as the big-endian integer of its four bytes. */
    public int keyHash() {
        return keyHash;
    }

    /** The key hash as eight lowercase hex digits, the id used in key strings and error messages. */
    public String keyHashHex() {
        return NoteFormat.hex(keyHash);
    }

    /** The 32-byte raw Ed25519 public key. */
    public byte[] rawPublicKey() {
        return rawPublicKey.clone();
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** {@code <name>+<hash hex>+<base64(0x01 || key)>}. */
    public String verifierKey() {
        return name + "+" + keyHashHex() + "+" + Base64.getEncoder().encodeToString(NoteFormat.algorithmAndKey(rawPublicKey));
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
    public boolean verify(byte[] message, byte[] signature) {
        if (signature == null || signature.length != 64) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey);
            s.update(message);
            return s.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required of Java 15 and later", e);
        }
    }

    /** Opens a note that this key must have signed; returns its text (the signed body). */
    public String open(String signedNote) {
        return open(signedNote, List.of(this));
    }

    /** {@link #open(byte[], Collection)} of the note's UTF-8 bytes. */
    public static String open(String signedNote, Collection<NoteVerifier> known) {
        Objects.requireNonNull(signedNote, "signedNote");
        return open(signedNote.getBytes(StandardCharsets.UTF_8), known);
    }

    /**
     * Parses a signed note and checks its signatures against the known verifiers; returns the text.
     *
     * @throws InvalidNoteException if the note is malformed, a known key's signature is invalid, or no
     *                              known key signed it
     */
    public static String open(byte[] signedNote, Collection<NoteVerifier> known) {
        Objects.requireNonNull(signedNote, "signedNote");
        Objects.requireNonNull(known, "known");
        SignedNote note;
        try {
            note = SignedNote.parse(signedNote);
        } catch (IllegalArgumentException e) {
            throw new InvalidNoteException(e.getMessage());
        }
        byte[] textBytes = note.text().getBytes(StandardCharsets.UTF_8);
        Set<NoteVerifier> seen = new HashSet<>();
        int verified = 0;
        for (SignedNote.Signature sig : note.signatures()) {
            NoteVerifier verifier = find(known, sig.keyName(), sig.keyHash());
            if (verifier == null || !seen.add(verifier)) {
                continue; // unknown key (a witness, a rotated key): ignored; repeated signature: ignored
            }
            if (!verifier.verify(textBytes, sig.signature())) {
                throw new InvalidNoteException("invalid signature for key " + sig.keyName() + "+" + NoteFormat.hex(sig.keyHash()));
            }
            verified++;
        }
        if (verified == 0) {
            throw new InvalidNoteException("note has no verifiable signatures");
        }
        return note.text();
    }

    private static NoteVerifier find(Collection<NoteVerifier> known, String name, int hash) {
        NoteVerifier found = null;
        for (NoteVerifier v : known) {
            if (v.name.equals(name) && v.keyHash == hash) {
                if (found != null && !found.equals(v)) {
                    throw new InvalidNoteException("ambiguous key " + name + "+" + NoteFormat.hex(hash));
                }
                found = v;
            }
        }
        return found;
    }

    /** Rejected signed note: malformed, wrongly signed, or not signed by a known key. */
    public static final class InvalidNoteException extends RuntimeException {
        public InvalidNoteException(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- Ed25519 keys in X.509 form

    /** The 32-byte raw key inside a Java Ed25519 public key (the last 32 bytes of its X.509 encoding). */
    private static byte[] rawPublicKey(PublicKey key) {
        byte[] der = key == null ? null : key.getEncoded();
        if (der == null || der.length != X509_PREFIX.length + 32
                || !Arrays.equals(der, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 X.509 public key");
        }
        return Arrays.copyOfRange(der, X509_PREFIX.length, der.length);
    }

    private static PublicKey publicKeyFromRaw(byte[] raw32) {
        byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(raw32, 0, der, X509_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("invalid Ed25519 public key", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteVerifier v && v.name.equals(name) && Arrays.equals(v.rawPublicKey, rawPublicKey);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(rawPublicKey);
    }

    @Override
    public String toString() {
        return verifierKey();
    }

    /** Unmodifiable list of parsed verifier keys. */
    static List<NoteVerifier> parseAll(Collection<String> verifierKeys) {
        List<NoteVerifier> out = new ArrayList<>(verifierKeys.size());
        for (String k : verifierKeys) {
            out.add(parse(k));
        }
        return List.copyOf(out);
    }
}
