package org.gongshi.projections.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * C2SP {@code tlog-cosignature} v1 for Ed25519 witnesses: a note signature line on a checkpoint,
 * {@code — <witness name> base64(key ID || u64 timestamp || Ed25519 signature)}, over the message
 * {@code "cosignature/v1\ntime <seconds>\n" + checkpoint body}. The key ID is the first four bytes of
 * {@code SHA-256(name || "\n" || 0x04 || public key)}, and a witness's public key is published as the
 * verifier key {@code <name>+<key ID hex>+base64(0x04 || public key)}. A witness signs with an
 * ordinary Ed25519 {@link NoteSigner} key; only the key ID and the signed message differ.
 */
public final class Cosignatures {

    /** The signature type of cosignature/v1 (Ed25519). */
    public static final byte ALG_COSIGNATURE_V1 = 0x04;

    private Cosignatures() {
    }

    /** A witness's public key, for checking its cosignatures. */
    public record Witness(String name, int keyId, NoteVerifier key) {

        /** {@code <name>+<key ID>+base64(0x04 || public key)}. */
        public String verifierKey() {
            return name + "+" + NoteFormat.hex(keyId) + "+" + Base64.getEncoder().encodeToString(encoded(key.rawPublicKey()));
        }

        /**
         * Parses {@code <name>+<key ID>+base64(0x04 || key)}.
         *
         * @throws IllegalArgumentException for a malformed key, another signature type or a wrong key ID
         */
        public static Witness parse(String verifierKey) {
            String[] nameRest = NoteFormat.chop(verifierKey.strip(), '+');
            String[] idKey = NoteFormat.chop(nameRest[1], '+');
            Integer id = NoteFormat.parseKeyHash(idKey[0]);
            byte[] key = NoteFormat.decodeBase64(idKey[1]);
            if (id == null || key == null || key.length != 33 || !NoteFormat.isValidName(nameRest[0])) {
                throw new IllegalArgumentException("malformed witness key: " + verifierKey);
            }
            if (key[0] != ALG_COSIGNATURE_V1) {
                throw new IllegalArgumentException("not a cosignature/v1 key (type " + (key[0] & 0xff) + "): " + verifierKey);
            }
            if (id != NoteFormat.keyHashOfEncoded(nameRest[0], key)) {
                throw new IllegalArgumentException("invalid witness key ID: " + verifierKey);
            }
            return new Witness(nameRest[0], id, NoteVerifier.of(nameRest[0], Arrays.copyOfRange(key, 1, 33)));
        }

        /** The witness whose private key is {@code signer}. */
        public static Witness of(NoteSigner signer) {
            byte[] raw = signer.verifier().rawPublicKey();
            return new Witness(signer.name(), NoteFormat.keyHashOfEncoded(signer.name(), encoded(raw)), signer.verifier());
        }

        /** Whether {@code signatureLine} names this witness (its name and key ID), whatever it signs. */
        public boolean named(String signatureLine) {
            Line line = Line.parse(signatureLine);
            return line != null && line.name.equals(name) && line.blob.length >= 4 && ByteBuffer.wrap(line.blob).getInt() == keyId;
        }

        /**
         * The time of this witness's valid cosignature of {@code body} in {@code signatureLine}, if the line is
         * this witness's (name and key ID) and its signature verifies.
         */
        public Optional<Long> verify(String body, String signatureLine) {
            Line line = Line.parse(signatureLine);
            if (line == null || !line.name.equals(name) || line.blob.length != 4 + 8 + 64) return Optional.empty();
            ByteBuffer blob = ByteBuffer.wrap(line.blob);
            if (blob.getInt() != keyId) return Optional.empty();
            long time = blob.getLong();
            byte[] signature = Arrays.copyOfRange(line.blob, 12, 76);
            return time >= 0 && key.verify(message(body, time), signature) ? Optional.of(time) : Optional.empty();
        }
    }

    /** {@code — <name> base64(key ID || timestamp || signature)\n}: the witness's cosignature of a checkpoint body. */
    public static String cosign(NoteSigner witnessKey, String checkpointBody, long timeSeconds) {
        SignedNote.requireText(checkpointBody);
        Witness witness = Witness.of(witnessKey);
        byte[] signature = witnessKey.signature(message(checkpointBody, timeSeconds));
        byte[] blob = ByteBuffer.allocate(4 + 8 + signature.length).putInt(witness.keyId()).putLong(timeSeconds).put(signature).array();
        return "\u2014 " + witness.name() + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /** Who a signature line says signed it: {@code <name> (key ID <hex>)}, or the line's start when it is no signature line. */
    public static String signer(String signatureLine) {
        Line line = Line.parse(signatureLine);
        if (line == null) return signatureLine.strip().substring(0, Math.min(40, signatureLine.strip().length()));
        return line.name + (line.blob.length >= 4 ? " (key ID " + NoteFormat.hex(ByteBuffer.wrap(line.blob).getInt()) + ")" : "");
    }

    /** The body (text before the blank line) and the signature lines of a signed note, each with its newline. */
    public record Split(String body, List<String> signatureLines) {}

    /** Splits a signed note (checkpoint and signatures), checking its form only. */
    public static Split split(String note) {
        SignedNote parsed = SignedNote.parse(note.getBytes(StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        parsed.signatures().forEach(s -> lines.add(s.line()));
        return new Split(parsed.text(), lines);
    }

    static byte[] message(String body, long timeSeconds) {
        return ("cosignature/v1\ntime " + timeSeconds + "\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encoded(byte[] raw32) {
        byte[] out = new byte[33];
        out[0] = ALG_COSIGNATURE_V1;
        System.arraycopy(raw32, 0, out, 1, 32);
        return out;
    }

    private record Line(String name, byte[] blob) {
        static Line parse(String line) {
            String l = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
            if (!l.startsWith("\u2014 ")) return null;
            String[] nameSig = NoteFormat.chop(l.substring(2), ' ');
            byte[] blob = NoteFormat.decodeBase64(nameSig[1]);
            return blob == null ? null : new Line(nameSig[0], blob);
        }
    }
}
