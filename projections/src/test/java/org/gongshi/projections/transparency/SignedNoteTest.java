package org.gongshi.projections.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Signed notes against the published vectors of Go's {@code golang.org/x/mod/sumdb/note}
 * ({@code note_test.go}: the PeterNeumann and EnochRoot keys, their signatures of the same text,
 * and the malformed messages {@code note.Open} rejects).
 */
class SignedNoteTest {

    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    private final NoteVerifier peter = NoteVerifier.parse(PETER_VKEY);
    private final NoteVerifier enoch = NoteVerifier.parse(ENOCH_VKEY);

    @Test
    void the_key_hash_is_the_first_four_bytes_of_sha256_of_name_newline_0x01_and_key() {
        assertThat(peter.name()).isEqualTo("PeterNeumann");
        assertThat(peter.keyHashHex()).isEqualTo("c74f20a3");
        assertThat(peter.keyHash()).isEqualTo(0xc74f20a3);
        assertThat(enoch.keyHashHex()).isEqualTo("af0cfe78");
        assertThat(NoteVerifier.of("PeterNeumann", peter.rawPublicKey()).verifierKey()).isEqualTo(PETER_VKEY);
        assertThat(peter.verifierKey()).isEqualTo(PETER_VKEY);
        assertThat(enoch.verifierKey()).isEqualTo(ENOCH_VKEY);
    }

    @Test
    void a_note_splits_into_its_text_and_signature_lines_and_formats_back_byte_for_byte() {
        String note = TEXT + "\n" + PETER_SIG + ENOCH_SIG;
        SignedNote parsed = SignedNote.parse(note.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.text()).isEqualTo(TEXT);
        assertThat(parsed.signatures()).extracting(SignedNote.Signature::keyName).containsExactly("PeterNeumann", "EnochRoot");
        assertThat(parsed.signatures()).extracting(SignedNote.Signature::keyHash).containsExactly(0xc74f20a3, 0xaf0cfe78);
        assertThat(parsed.signatures().get(0).signature()).hasSize(64);
        assertThat(parsed.format()).isEqualTo(note);
        assertThatThrownBy(() -> SignedNote.parse((TEXT + PETER_SIG).getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("malformed note: no blank line before the signatures");
    }

    @Test
    void the_published_signer_key_derives_the_published_verifier_key() {
        NoteSigner signer = NoteSigner.parse(PETER_SKEY);
        assertThat(signer.name()).isEqualTo("PeterNeumann");
        assertThat(signer.verifierKey()).isEqualTo(PETER_VKEY);
        assertThat(signer.signerKey()).isEqualTo(PETER_SKEY);
        assertThat(signer.toString()).doesNotContain("AYEKFALV");
    }

    @Test
    void signing_the_published_text_reproduces_the_published_note_byte_for_byte() {
        String signed = NoteSigner.parse(PETER_SKEY).sign(TEXT);
        assertThat(signed).isEqualTo(TEXT + "\n" + PETER_SIG);
    }

    @Test
    void the_published_note_opens_with_the_published_verifier_key() {
        assertThat(peter.open(TEXT + "\n" + PETER_SIG)).isEqualTo(TEXT);
    }

    @Test
    void signatures_by_unknown_keys_are_ignored_but_one_known_signature_is_required() {
        String both = TEXT + "\n" + PETER_SIG + ENOCH_SIG;
        assertThat(NoteVerifier.open(both, List.of(peter))).isEqualTo(TEXT);
        assertThat(NoteVerifier.open(both, List.of(enoch))).isEqualTo(TEXT);
        assertThat(NoteVerifier.open(both, List.of(peter, enoch))).isEqualTo(TEXT);
        assertThatThrownBy(() -> NoteVerifier.open(both, List.of()))
                .isInstanceOf(NoteVerifier.InvalidNoteException.class)
                .hasMessage("note has no verifiable signatures");
        assertThatThrownBy(() -> enoch.open(TEXT + "\n" + PETER_SIG))
                .isInstanceOf(NoteVerifier.InvalidNoteException.class)
                .hasMessage("note has no verifiable signatures");
    }

    @Test
    void a_modified_body_is_rejected() {
        String tampered = (TEXT + "\n" + PETER_SIG).replace("cryptography", "cryptographY");
        assertThatThrownBy(() -> peter.open(tampered))
                .isInstanceOf(NoteVerifier.InvalidNoteException.class)
                .hasMessage("invalid signature for key PeterNeumann+c74f20a3");
    }

    @Test
    void a_corrupted_signature_of_a_known_key_is_rejected() {
        String corrupted = TEXT + "\n" + PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
        assertThatThrownBy(() -> peter.open(corrupted))
                .isInstanceOf(NoteVerifier.InvalidNoteException.class)
                .hasMessage("invalid signature for key PeterNeumann+c74f20a3");
    }

    @Test
    void a_note_signed_by_another_key_of_the_same_name_is_rejected() {
        NoteSigner impostor = NoteSigner.generate("PeterNeumann");
        assertThat(impostor.keyHash()).isNotEqualTo(peter.keyHash());
        String forged = impostor.sign(TEXT);
        assertThatThrownBy(() -> peter.open(forged))
                .isInstanceOf(NoteVerifier.InvalidNoteException.class)
                .hasMessage("note has no verifiable signatures");
        // the impostor's signature relabelled with Peter's key hash is a bad signature by Peter's key
        byte[] blob = Base64.getDecoder().decode(forged.substring(forged.lastIndexOf(' ') + 1).strip());
        System.arraycopy(HexFormat.of().parseHex("c74f20a3"), 0, blob, 0, 4);
        String claimed = TEXT + "\n\u2014 PeterNeumann " + Base64.getEncoder().encodeToString(blob) + "\n";
        assertThatThrownBy(() -> peter.open(claimed))
                .isInstanceOf(NoteVerifier.InvalidNoteException.class)
                .hasMessage("invalid signature for key PeterNeumann+c74f20a3");
    }

    @Test
    void repeated_signatures_are_accepted_once() {
        String repeated = TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG;
        assertThat(peter.open(repeated)).isEqualTo(TEXT);
    }

    @Test
    void malformed_notes_are_rejected() {
        List<String> bad = List.of(
                TEXT,
                TEXT + "\n",
                TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
                "\u0001" + TEXT + "\n" + PETER_SIG,
                TEXT + "\n" + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
                TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
                TEXT + "\n" + "- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                TEXT + "\n" + PETER_SIG.repeat(101));
        for (String msg : bad) {
            assertThatThrownBy(() -> peter.open(msg)).as("%s", msg)
                    .isInstanceOf(NoteVerifier.InvalidNoteException.class)
                    .hasMessageStartingWith("malformed note");
        }
        byte[] invalidUtf8 = (TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
        byte[] withFf = new byte[invalidUtf8.length + 1];
        withFf[0] = (byte) 0xff;
        System.arraycopy(invalidUtf8, 0, withFf, 1, invalidUtf8.length);
        assertThatThrownBy(() -> NoteVerifier.open(withFf, List.of(peter)))
                .isInstanceOf(NoteVerifier.InvalidNoteException.class).hasMessageStartingWith("malformed note");
    }

    @Test
    void every_mangling_of_the_published_verifier_key_is_refused() {
        for (String mangled : manglings(PETER_VKEY)) {
            assertThatThrownBy(() -> NoteVerifier.parse(mangled)).as("%s", mangled)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        // wrong key length and unknown algorithm, each with a key hash adjusted to match (note_test.go)
        assertThatThrownBy(() -> NoteVerifier.parse("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> NoteVerifier.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown verifier algorithm");
    }

    @Test
    void every_mangling_of_the_published_signer_key_is_refused() {
        for (String mangled : manglings(PETER_SKEY)) {
            assertThatThrownBy(() -> NoteSigner.parse(mangled)).as("%s", mangled)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void signing_and_opening_round_trip_for_a_generated_key() {
        NoteSigner signer = NoteSigner.generate("gongshi.example/feed");
        NoteVerifier verifier = NoteVerifier.parse(signer.verifierKey());
        assertThat(verifier).isEqualTo(signer.verifier());
        assertThat(NoteSigner.parse(signer.signerKey()).verifierKey()).isEqualTo(signer.verifierKey());
        String text = "gongshi.example/feed\n3\n" + "公示".repeat(3) + "\n";
        assertThat(verifier.open(signer.sign(text))).isEqualTo(text);
        byte[] sig = signer.signature("hi".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify("hi".getBytes(StandardCharsets.UTF_8), sig)).isTrue();
        sig[0]++;
        assertThat(verifier.verify("hi".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
        assertThatThrownBy(() -> signer.sign("no trailing newline")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteSigner.generate("bad name")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteSigner.generate("a+b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jdk_ed25519_keys_convert_to_and_from_raw_note_keys() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        assertThat(HexFormat.of().formatHex(Arrays.copyOf(pkcs8, 16))).isEqualTo("302e020100300506032b657004220420");
        byte[] seed = Arrays.copyOfRange(pkcs8, 16, 48);
        byte[] x509 = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(x509, x509.length - 32, x509.length);

        NoteSigner signer = NoteSigner.fromSeed("jdk", seed);
        NoteVerifier fromJdkPublic = NoteVerifier.of("jdk", pair.getPublic());
        assertThat(signer.verifier().rawPublicKey()).isEqualTo(raw);
        assertThat(fromJdkPublic.rawPublicKey()).isEqualTo(raw);
        assertThat(fromJdkPublic.publicKey().getEncoded()).isEqualTo(x509);

        byte[] message = "tree head".getBytes(StandardCharsets.UTF_8);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(pair.getPrivate());
        jdk.update(message);
        byte[] jdkSig = jdk.sign();
        assertThat(signer.signature(message)).as("Ed25519 is deterministic").isEqualTo(jdkSig);
        assertThat(fromJdkPublic.verify(message, jdkSig)).isTrue();
    }

    /** Every proper substring, and every single-character increment, as note_test.go mangles keys. */
    private static List<String> manglings(String key) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= b.length; i++) {
            for (int j = i + 1; j <= b.length; j++) {
                if (i != 0 || j != b.length) {
                    out.add(new String(b, i, j - i, StandardCharsets.UTF_8));
                }
            }
        }
        for (int i = 0; i < b.length; i++) {
            b[i]++;
            out.add(new String(b, StandardCharsets.UTF_8));
            b[i]--;
        }
        return out;
    }
}
