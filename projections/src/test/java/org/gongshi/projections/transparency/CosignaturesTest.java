package org.gongshi.projections.transparency;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** C2SP tlog-cosignature v1: key ID over type 0x04, the timestamped signature over "cosignature/v1\ntime t\n" + body. */
class CosignaturesTest {

    static final String BODY = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    final NoteSigner key = NoteSigner.fromSeed("witness.example.com/w1", new byte[32]);

    @Test
    void the_key_id_is_the_first_four_bytes_of_sha256_of_name_newline_0x04_and_the_public_key() throws Exception {
        Cosignatures.Witness witness = Cosignatures.Witness.of(key);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("witness.example.com/w1\n".getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0x04);
        sha.update(key.verifier().rawPublicKey());
        assertThat(witness.keyId()).isEqualTo(ByteBuffer.wrap(sha.digest()).getInt()).isNotEqualTo(key.keyHash());
        assertThat(Cosignatures.Witness.parse(witness.verifierKey())).isEqualTo(witness);
        assertThatThrownBy(() -> Cosignatures.Witness.parse(key.verifierKey())).hasMessageContaining("not a cosignature/v1 key");
    }

    @Test
    void a_cosignature_is_a_timestamped_ed25519_signature_of_the_cosignature_v1_message() {
        String line = Cosignatures.cosign(key, BODY, 1679315147L);
        assertThat(line).startsWith("\u2014 witness.example.com/w1 ").endsWith("\n");
        byte[] blob = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1).strip());
        assertThat(blob).hasSize(4 + 8 + 64);
        assertThat(ByteBuffer.wrap(blob, 4, 8).getLong()).isEqualTo(1679315147L);
        byte[] message = ("cosignature/v1\ntime 1679315147\n" + BODY).getBytes(StandardCharsets.UTF_8);
        assertThat(key.verifier().verify(message, Arrays.copyOfRange(blob, 12, 76))).isTrue();

        Cosignatures.Witness witness = Cosignatures.Witness.of(key);
        assertThat(witness.verify(BODY, line)).contains(1679315147L);
        assertThat(witness.verify(BODY.replace("20852163", "20852164"), line)).isEmpty();
        assertThat(Cosignatures.Witness.of(NoteSigner.fromSeed("witness.example.com/w1", new byte[32])).verify(BODY, line)).isPresent();
        assertThat(Cosignatures.Witness.of(NoteSigner.generate("witness.example.com/w1")).verify(BODY, line)).isEmpty();
    }

    @Test
    void a_cosigned_checkpoint_still_opens_with_the_log_key_alone() {
        NoteSigner log = NoteSigner.fromSeed("example.com/behind-the-sofa", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        String note = log.sign(BODY) + Cosignatures.cosign(key, BODY, 1L);
        assertThat(NoteVerifier.open(note, java.util.List.of(log.verifier()))).isEqualTo(BODY);
        assertThat(Cosignatures.split(note).signatureLines()).hasSize(2);
    }
}
