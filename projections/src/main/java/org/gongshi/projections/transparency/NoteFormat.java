package org.gongshi.projections.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The text rules of the C2SP signed-note format shared by signers and verifiers, as Go's
 * {@code golang.org/x/mod/sumdb/note} writes them: key names, key hashes, key encodings, strict base64
 * and which characters a note may hold.
 */
final class NoteFormat {

    /** The signature-algorithm byte for Ed25519 in note keys. */
    static final byte ALG_ED25519 = 0x01;

    private NoteFormat() {
    }

    /** First four bytes of {@code SHA-256(name || "\n" || 0x01 || rawPublicKey)}, big-endian. */
    static int keyHash(String name, byte[] rawPublicKey) {
        return keyHashOfEncoded(name, algorithmAndKey(rawPublicKey));
    }

    /** The key hash of {@code name} and an encoded key {@code algorithm byte || key}. */
    static int keyHashOfEncoded(String name, byte[] algorithmAndKey) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(name.getBytes(StandardCharsets.UTF_8));
            d.update((byte) '\n');
            d.update(algorithmAndKey);
            return ByteBuffer.wrap(d.digest()).getInt();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** {@code 0x01 || raw32}: an Ed25519 key as note keys encode it. */
    static byte[] algorithmAndKey(byte[] raw32) {
        byte[] out = new byte[33];
        out[0] = ALG_ED25519;
        System.arraycopy(raw32, 0, out, 1, 32);
        return out;
    }

    /** A key hash as eight lowercase hex digits. */
    static String hex(int keyHash) {
        return String.format("%08x", keyHash);
    }

    /** Eight hex digits (either case), or null. */
    static Integer parseKeyHash(String hex8) {
        if (hex8.length() != 8 || !hex8.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        return (int) Long.parseLong(hex8, 16);
    }

    /** Go's {@code isValidName}: non-empty, no Unicode white space, no '+'. */
    static boolean isValidName(String name) {
        if (name == null || name.isEmpty() || name.indexOf('+') >= 0) {
            return false;
        }
        return name.codePoints().noneMatch(NoteFormat::isSpace);
    }

    static void requireValidName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid key name \"" + name
                    + "\": it must be non-empty, without spaces or '+'");
        }
    }

    /** Go's {@code unicode.IsSpace}. */
    private static boolean isSpace(int cp) {
        if (cp <= 0xff) {
            return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xa0;
        }
        return Character.isSpaceChar(cp);
    }

    /** Strict standard base64 with padding (as Go's {@code base64.StdEncoding}), or null. */
    static byte[] decodeBase64(String s) {
        if (s.length() % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Go's {@code chop}: before and after the first {@code sep}; after is "" when absent. */
    static String[] chop(String s, char sep) {
        int i = s.indexOf(sep);
        return i < 0 ? new String[] {s, ""} : new String[] {s.substring(0, i), s.substring(i + 1)};
    }

    /** Whether {@code s} has no control characters but newlines, as note text must. */
    static boolean noControlCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') {
                return false;
            }
        }
        return true;
    }
}
