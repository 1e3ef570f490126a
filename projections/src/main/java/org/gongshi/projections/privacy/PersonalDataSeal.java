package org.gongshi.projections.privacy;

import org.gongshi.ledger.privacy.PersonalData;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals one personal text with its data subject's key: AES-256-GCM, a fresh 96-bit nonce per value,
 * the subject id as associated data (a sealed value moved to another subject does not open). The
 * sealed form is one string, {@code gongshi-sealed:v1:<subjectId>:<base64(nonce || ciphertext+tag)>},
 * so it fits wherever the text was. Opening gives the text, or {@link PersonalData#SHREDDED} once the
 * key is gone.
 */
public class PersonalDataSeal {

    public static final String PREFIX = "gongshi-sealed:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SubjectKeys keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataSeal(SubjectKeys keys) {
        this.keys = keys;
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String seal(String subjectId, String plaintext) {
        if (subjectId == null || subjectId.isBlank() || subjectId.contains(":")) {
            throw new IllegalArgumentException("a data subject id is required, without ':' (was " + subjectId + ")");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, keys.sealingKey(subjectId), nonce, subjectId)
                .apply(plaintext.getBytes(StandardCharsets.UTF_8));
        return PREFIX + subjectId + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce).put(sealed).array());
    }

    /**
     * A free text about the subject ({@link PersonalData#ifSubjectIsNaturalPerson}): sealed when the subject has a key (a
     * natural person: its filing sealed its name), {@link PersonalData#SHREDDED} when its key was deleted (nothing of it is
     * stored again), in clear when it never had one (an organisation).
     */
    public String sealIfNaturalPerson(String subjectId, String text) {
        return switch (keys.state(subjectId)) {
            case KEY -> seal(subjectId, text);
            case SHREDDED -> PersonalData.SHREDDED;
            case NONE -> text;
        };
    }

    /**
     * The subject's message named it as no natural person (an organisation party): unless a key is known for it, it has
     * none ({@link SubjectKeys#rememberNoKey}).
     */
    public void noteNoNaturalPerson(String subjectId) {
        keys.rememberNoKey(subjectId);
    }

    /** Whether the subject never had a key: its free texts are kept in clear ({@link #sealIfNaturalPerson}). */
    public boolean subjectIsNoNaturalPerson(String subjectId) {
        return keys.state(subjectId) == SubjectKeys.State.NONE;
    }

    /** The subject whose sealed values this thread reads as shredded ({@link #readingShredded}), or null. */
    private static final ThreadLocal<String> READING_SHREDDED = new ThreadLocal<>();

    /**
     * What {@code read} gives when every value sealed for {@code subjectId} reads {@link PersonalData#SHREDDED} on this
     * thread, as it will once the subject's key is deleted, whether it is yet or not: the case view folds an erased
     * subject's stored events so, to learn which of their texts were sealed (an organisation's are only once it has a key).
     */
    public static <T> T readingShredded(String subjectId, java.util.function.Supplier<T> read) {
        String before = READING_SHREDDED.get();
        READING_SHREDDED.set(subjectId);
        try {
            return read.get();
        } finally {
            if (before == null) READING_SHREDDED.remove();
            else READING_SHREDDED.set(before);
        }
    }

    /** The text a sealed value holds, or {@link PersonalData#SHREDDED} once its subject's key was deleted. */
    public String open(String sealed) {
        int split = sealed.lastIndexOf(':');
        String subjectId = sealed.substring(PREFIX.length(), split);
        if (subjectId.equals(READING_SHREDDED.get())) return PersonalData.SHREDDED;
        Optional<SecretKey> key = keys.openingKey(subjectId);
        if (key.isEmpty()) return PersonalData.SHREDDED;
        byte[] all = Base64.getDecoder().decode(sealed.substring(split + 1));
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
        return new String(cipher(Cipher.DECRYPT_MODE, key.get(), nonce, subjectId).apply(body), StandardCharsets.UTF_8);
    }

    private static java.util.function.UnaryOperator<byte[]> cipher(int mode, SecretKey key, byte[] nonce, String subjectId) {
        return input -> {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
                return cipher.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("sealed personal data of subject " + subjectId + " does not open: it was altered or moved", e);
            }
        };
    }
}
