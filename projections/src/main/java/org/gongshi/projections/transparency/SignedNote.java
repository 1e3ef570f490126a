package org.gongshi.projections.transparency;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note, parsed or to be written: its text, a blank line, then one line per signature,
 * {@code — <key name> <base64(4-byte key hash || signature)>} (U+2014 EM DASH, a space). Only the
 * structure: {@link NoteVerifier} checks signatures, {@link NoteSigner} makes them.
 *
 * @param text       the signed text, UTF-8 without control characters but newlines, ending in a newline
 * @param signatures the signature lines in order
 */
record SignedNote(String text, List<Signature> signatures) {

    /** The most signature lines a note may carry (as Go's {@code note.Open}). */
    static final int MAX_SIGNATURES = 100;
    private static final String SIGNATURE_PREFIX = "\u2014 ";

    /** One signature line: the key's name and hash, and the signature bytes. */
    record Signature(String keyName, int keyHash, byte[] signature) {

        /** {@code — <name> <base64(key hash || signature)>\n}. */
        String line() {
            byte[] blob = ByteBuffer.allocate(4 + signature.length).putInt(keyHash).put(signature).array();
            return SIGNATURE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(blob) + "\n";
        }
    }

    SignedNote {
        requireText(text);
        signatures = List.copyOf(signatures);
    }

    /** Rejects note text that does not end with a newline or holds control characters. */
    static void requireText(String text) {
        if (text == null || !text.endsWith("\n") || !NoteFormat.noControlCharacters(text)) {
            throw new IllegalArgumentException("malformed note text: it must end with a newline and contain no control characters");
        }
    }

    /** The note as sent: text, blank line, signature lines. */
    String format() {
        StringBuilder b = new StringBuilder(text).append('\n');
        signatures.forEach(s -> b.append(s.line()));
        return b.toString();
    }

    /**
     * Splits a note into its text and signature lines, checking only its form.
     *
     * @throws IllegalArgumentException starting with "malformed note", saying what is wrong
     */
    static SignedNote parse(byte[] note) {
        String msg = decodeStrictUtf8(note);
        if (msg == null || !NoteFormat.noControlCharacters(msg)) {
            throw new IllegalArgumentException("malformed note: not UTF-8 text without control characters");
        }
        int split = msg.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("malformed note: no blank line before the signatures");
        }
        String text = msg.substring(0, split + 1);
        String sigs = msg.substring(split + 2);
        if (sigs.isEmpty() || !sigs.endsWith("\n")) {
            throw new IllegalArgumentException("malformed note: the signature block must end with a newline");
        }
        List<Signature> signatures = new ArrayList<>();
        for (String line : sigs.substring(0, sigs.length() - 1).split("\n", -1)) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new IllegalArgumentException("malformed note: not a signature line: " + line);
            }
            String[] nameSig = NoteFormat.chop(line.substring(SIGNATURE_PREFIX.length()), ' ');
            byte[] blob = NoteFormat.decodeBase64(nameSig[1]);
            if (blob == null || !NoteFormat.isValidName(nameSig[0]) || nameSig[1].isEmpty() || blob.length < 5) {
                throw new IllegalArgumentException("malformed note: bad signature line: " + line);
            }
            if (signatures.size() == MAX_SIGNATURES) {
                throw new IllegalArgumentException("malformed note: more than " + MAX_SIGNATURES + " signatures");
            }
            signatures.add(new Signature(nameSig[0], ByteBuffer.wrap(blob, 0, 4).getInt(), Arrays.copyOfRange(blob, 4, blob.length)));
        }
        return new SignedNote(text, signatures);
    }

    private static String decodeStrictUtf8(byte[] bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
