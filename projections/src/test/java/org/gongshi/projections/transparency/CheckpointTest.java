package org.gongshi.projections.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The C2SP tlog-checkpoint body and its signed note. */
class CheckpointTest {

    private static final String ORIGIN = "gongshi.example/feed/v1";
    private static final byte[] ROOT = Rfc6962.emptyRoot();

    @Test
    void the_body_is_origin_size_and_base64_root_each_on_its_own_line() {
        Checkpoint cp = new Checkpoint(ORIGIN, 20852163, ROOT);
        assertThat(cp.body()).isEqualTo(ORIGIN + "\n20852163\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
    }

    @Test
    void a_body_parses_back_to_the_same_checkpoint_with_its_extension_lines() {
        Checkpoint plain = new Checkpoint(ORIGIN, 0, ROOT);
        Checkpoint extended = new Checkpoint(ORIGIN, 7, ROOT, List.of("extension one", "— two"));
        assertThat(Checkpoint.parse(plain.body())).isEqualTo(plain);
        assertThat(Checkpoint.parse(extended.body())).isEqualTo(extended);
        assertThat(Checkpoint.parse(extended.body()).extensions()).containsExactly("extension one", "— two");
    }

    @Test
    void the_heads_time_is_an_extension_line_of_epoch_milliseconds_that_reads_back() {
        Instant at = Instant.parse("2026-11-29T19:30:00.456Z");
        Checkpoint cp = Checkpoint.timestamped(ORIGIN, 3, ROOT, at);
        assertThat(cp.body()).isEqualTo(ORIGIN + "\n3\n" + Base64.getEncoder().encodeToString(ROOT) + "\ntimestamp 1795980600456\n");
        assertThat(Checkpoint.parse(cp.body()).timestamp()).contains(at);
        assertThat(new Checkpoint(ORIGIN, 3, ROOT).timestamp()).isEmpty();
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, 3, ROOT, List.of("timestamp soon")).timestamp())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timestamp \"soon\" is not a decimal number of milliseconds");
    }

    @Test
    void the_c2sp_example_body_parses() {
        Checkpoint cp = Checkpoint.parse("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n");
        assertThat(cp.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(cp.size()).isEqualTo(20852163L);
        assertThat(Base64.getEncoder().encodeToString(cp.rootHash())).isEqualTo("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
    }

    @Test
    void malformed_bodies_are_refused() {
        String root = Base64.getEncoder().encodeToString(ROOT);
        List<String> bad = List.of(
                ORIGIN + "\n1\n" + root,                    // no final newline
                ORIGIN + "\n1\n",                           // no root line
                "\n1\n" + root + "\n",                      // empty origin
                ORIGIN + "\n01\n" + root + "\n",            // leading zero
                ORIGIN + "\n-1\n" + root + "\n",            // negative
                ORIGIN + "\n+1\n" + root + "\n",            // sign
                ORIGIN + "\n99999999999999999999\n" + root + "\n", // overflow
                ORIGIN + "\n1\nnot base64!\n",               // bad base64
                ORIGIN + "\n1\n" + root.substring(0, 40) + "\n", // short hash
                ORIGIN + "\n1\n" + root + "\n\n",           // empty extension line
                ORIGIN + "\n1\n" + root.replace("=", "") + "\n"); // unpadded
        for (String body : bad) {
            assertThatThrownBy(() -> Checkpoint.parse(body)).as("%s", body).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new Checkpoint("", 1, ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, -1, ROOT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, 1, new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_signed_checkpoint_opens_with_the_log_key_and_not_with_another() {
        NoteSigner log = NoteSigner.generate(ORIGIN);
        Checkpoint cp = new Checkpoint(ORIGIN, 42, ROOT);
        String note = cp.sign(log);
        assertThat(note).startsWith(cp.body() + "\n\u2014 " + ORIGIN + " ").endsWith("\n");
        assertThat(Checkpoint.open(note, List.of(log.verifier()))).isEqualTo(cp);
        assertThatThrownBy(() -> Checkpoint.open(note, List.of(NoteSigner.generate(ORIGIN).verifier())))
                .isInstanceOf(NoteVerifier.InvalidNoteException.class);
        assertThatThrownBy(() -> Checkpoint.open(note.replace("\n42\n", "\n43\n"), List.of(log.verifier())))
                .isInstanceOf(NoteVerifier.InvalidNoteException.class);
    }

    @Test
    void an_auditor_checks_two_signed_checkpoints_are_consistent() {
        NoteSigner log = NoteSigner.generate(ORIGIN);
        List<byte[]> entries = new ArrayList<>();
        MerkleProofs tree = new MerkleProofs(LeafHashes.of(entries));
        for (int i = 0; i < 1000; i++) {
            entries.add(Rfc6962.leafHash(("{\"sequence\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        String older = new Checkpoint(ORIGIN, 600, tree.rootHash(600)).sign(log);
        String newer = new Checkpoint(ORIGIN, 1000, tree.rootHash(1000)).sign(log);

        Checkpoint a = Checkpoint.open(older, List.of(log.verifier()));
        Checkpoint b = Checkpoint.open(newer, List.of(log.verifier()));
        List<byte[]> proof = tree.consistencyProof(a.size(), b.size());
        assertThat(Rejections.consistency(a.size(), b.size(), a.rootHash(), b.rootHash(), proof)).isEmpty();
        assertThat(Rejections.inclusion(entries.get(599), 599, b.size(), tree.inclusionProof(599, b.size()), b.rootHash()))
                .isEmpty();
    }
}
