package org.gongshi.projections.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * An Ed25519 signer of C2SP signed notes, interoperable with Go's {@code golang.org/x/mod/sumdb/note}.
 *
 * <p>Signer key string (secret, for configuration): {@code PRIVATE+KEY+<name>+<8 hex key hash>+<base64(0x01 || 32-byte seed)>}.
 * A signed note is the text, a blank line, then {@code — <name> <base64(4-byte key hash || 64-byte signature)>}
 * (U+2014 EM DASH, a space), the signature covering exactly the text bytes.
 */
public final class NoteSigner {

    /** PKCS#8 v1 DER prefix of an Ed25519 private key, followed by the 32-byte seed (RFC 8410). */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");
    private static final String SIGNER_KEY_PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final byte[] seed;
    private final PrivateKey privateKey;
    private final NoteVerifier verifier;

    private NoteSigner(String name, byte[] seed) {
        this.name = name;
        this.seed = seed.clone();
        this.privateKey = privateKeyFromSeed(seed);
        this.verifier = NoteVerifier.of(name, publicKeyFromSeed(seed));
    }

    /** A new random key for {@code name} (the log's origin, by C2SP convention). */
    public static NoteSigner generate(String name) {
        NoteFormat.requireValidName(name);
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return new NoteSigner(name, seed);
    }

    /** The signer for {@code name} with a 32-byte Ed25519 seed (RFC 8032 private key). */
    public static NoteSigner fromSeed(String name, byte[] seed) {
        NoteFormat.requireValidName(name);
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        return new NoteSigner(name, seed);
    }

    /**
     * Parses {@code PRIVATE+KEY+<name>+<hash>+<base64(0x01 || seed)>}, checking the hash against the
     * public key derived from the seed. Error messages never repeat the key.
     */
    public static NoteSigner parse(String signerKey) {
        if (signerKey == null || !signerKey.startsWith(SIGNER_KEY_PREFIX)) {
            throw new IllegalArgumentException("malformed signer key: must start with " + SIGNER_KEY_PREFIX);
        }
        String[] nameRest = NoteFormat.chop(signerKey.substring(SIGNER_KEY_PREFIX.length()), '+');
        String[] hashKey = NoteFormat.chop(nameRest[1], '+');
        String name = nameRest[0];
        Integer hash = NoteFormat.parseKeyHash(hashKey[0]);
        byte[] key = NoteFormat.decodeBase64(hashKey[1]);
        if (hash == null || key == null || key.length == 0 || !NoteFormat.isValidName(name)) {
            throw new IllegalArgumentException("malformed signer key for \"" + name + "\"");
        }
        try {
            if (key[0] != NoteFormat.ALG_ED25519) {
                throw new IllegalArgumentException("unknown signer algorithm " + (key[0] & 0xff) + " for \"" + name + "\"");
            }
            if (key.length != 33) {
                throw new IllegalArgumentException("malformed signer key for \"" + name + "\": Ed25519 seed must be 32 bytes");
            }
            NoteSigner signer = new NoteSigner(name, Arrays.copyOfRange(key, 1, 33));
            if (signer.keyHash() != hash) {
                throw new IllegalArgumentException("invalid signer key hash for \"" + name + "\": the key is "
                        + name + "+" + signer.verifier.keyHashHex());
            }
            return signer;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    public String name() {
        return name;
    }

    public int keyHash() {
        return verifier.keyHash();
    }

    /** The public half, for verifying and for publishing as a verifier key string. */
    public NoteVerifier verifier() {
        return verifier;
    }

    /** {@code <name>+<hash>+<base64(0x01 || public key)>}: safe to publish. */
    public String verifierKey() {
        return verifier.verifierKey();
    }

    /** {@code PRIVATE+KEY+<name>+<hash>+<base64(0x01 || seed)>}: secret, for configuration or a key file. */
    public String signerKey() {
        return SIGNER_KEY_PREFIX + name + "+" + verifier.keyHashHex() + "+"
                + Base64.getEncoder().encodeToString(NoteFormat.algorithmAndKey(seed));
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    public byte[] signature(byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /**
     * Signs a note text (UTF-8, ending in a newline, no control characters but newlines) and returns the
     * signed note: the text, a blank line and this key's signature line.
     */
    public String sign(String text) {
        return note(text, signature(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The signed note of {@code text} with its {@code signature} by this key, already made ({@link #signature}). */
    public String note(String text, byte[] signature) {
        SignedNote.requireText(text);
        return new SignedNote(text, List.of(new SignedNote.Signature(name, keyHash(), signature))).format();
    }

    @Override
    public String toString() {
        return "NoteSigner[" + verifier.verifierKey() + "]"; // never the seed
    }

    // ---------------------------------------------------------------- JDK Ed25519 encodings

    /** The PKCS#8 v1 encoding of a seed is a fixed 16-byte prefix followed by the seed. */
    private static PrivateKey privateKeyFromSeed(byte[] seed) {
        byte[] der = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + 32);
        System.arraycopy(seed, 0, der, PKCS8_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decode an Ed25519 PKCS#8 key", e);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /**
     * The JDK has no public "public key from seed" call, but its Ed25519 key-pair generator reads the
     * 32-byte private key from its random source and derives the public key from it; we feed it the seed
     * and check the generated private key is exactly that seed.
     */
    private static java.security.PublicKey publicKeyFromSeed(byte[] seed) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] generated = ((EdECPrivateKey) pair.getPrivate()).getBytes()
                    .orElseThrow(() -> new IllegalStateException("the JDK hid the Ed25519 private key bytes"));
            boolean same = Arrays.equals(generated, seed);
            Arrays.fill(generated, (byte) 0);
            if (!same) {
                throw new IllegalStateException("the JDK did not derive the Ed25519 key pair from the given seed");
            }
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required of Java 15 and later", e);
        }
    }

    /** A "random" source that yields the seed once, for deterministic key-pair derivation. */
    private static final class FixedBytes extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient byte[] bytes;
        private transient boolean used;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public synchronized void nextBytes(byte[] out) {
            if (used || out.length != bytes.length) {
                throw new IllegalStateException("unexpected request for " + out.length + " random bytes");
            }
            used = true;
            System.arraycopy(bytes, 0, out, 0, out.length);
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
