package org.gongshi.projections.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the ledger's tree-head key comes from, and which keys it lists. */
class SigningKeysTest {

    private static final String NAME = "gongshi.example/feed/v1";

    @TempDir
    Path dir;

    @Test
    void the_first_start_generates_a_key_file_readable_only_by_its_owner_and_later_starts_reuse_it() throws Exception {
        Path keys = dir.resolve("keys");
        SigningKeys first = SigningKeys.loadOrCreate(keys, NAME, List.of());
        Path file = keys.resolve(SigningKeys.KEY_FILE_NAME);
        assertThat(file).exists();
        if (Files.getFileStore(keys).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(Files.readString(file).strip()).startsWith("PRIVATE+KEY+" + NAME + "+");
        try (var listing = Files.list(keys)) {
            assertThat(listing.toList()).containsExactly(file);
        }

        SigningKeys again = SigningKeys.loadOrCreate(keys, NAME, List.of());
        assertThat(again.currentVerifierKey()).isEqualTo(first.currentVerifierKey());
        assertThat(again.current().name()).isEqualTo(NAME);
    }

    @Test
    void a_configured_signer_key_wins_and_no_file_is_written() {
        NoteSigner configured = NoteSigner.generate(NAME);
        SigningKeys keys = SigningKeys.load("  " + configured.signerKey() + "\n", dir.resolve("unused"), NAME, List.of());
        assertThat(keys.currentVerifierKey()).isEqualTo(configured.verifierKey());
        assertThat(dir.resolve("unused")).doesNotExist();
        assertThat(SigningKeys.load("", dir, NAME, List.of()).current().name()).isEqualTo(NAME);
        // one made for another origin is refused, naming both and the command that makes the right one (a sweep from outside)
        NoteSigner another = NoteSigner.generate("gongshi.zj/feed");
        assertThatThrownBy(() -> SigningKeys.load(another.signerKey(), dir.resolve("unused"), NAME, List.of()))
                .hasMessageContaining("named \"gongshi.zj/feed\", not after the log's origin \"" + NAME + "\"")
                .hasMessageContaining("keygen " + NAME);
    }

    @Test
    void retired_keys_are_listed_after_the_current_one_and_still_open_old_checkpoints() {
        NoteSigner old = NoteSigner.generate(NAME);
        NoteSigner current = NoteSigner.generate(NAME);
        SigningKeys keys = SigningKeys.fromSignerKey(current.signerKey(), List.of(old.verifierKey()));
        assertThat(keys.retiredVerifierKeys()).containsExactly(old.verifierKey());
        assertThat(keys.verifiers()).extracting(NoteVerifier::verifierKey)
                .containsExactly(current.verifierKey(), old.verifierKey());

        String oldCheckpoint = new Checkpoint(NAME, 3, Rfc6962.emptyRoot()).sign(old);
        assertThat(Checkpoint.open(oldCheckpoint, keys.verifiers()).size()).isEqualTo(3);
    }

    @Test
    void malformed_configuration_is_refused_at_start() {
        NoteSigner current = NoteSigner.generate(NAME);
        assertThatThrownBy(() -> SigningKeys.fromSignerKey(current.signerKey(), List.of("not-a-key")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed verifier id");
        assertThatThrownBy(() -> SigningKeys.fromSignerKey(current.signerKey(), List.of(current.verifierKey())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("also listed as retired");
        assertThatThrownBy(() -> SigningKeys.fromSignerKey(current.verifierKey(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PRIVATE+KEY+");
    }

    @Test
    void a_stored_key_with_another_name_is_not_silently_used() {
        SigningKeys.loadOrCreate(dir, "old.example/log", List.of());
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(dir, NAME, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("named \"old.example/log\"");
    }
}
