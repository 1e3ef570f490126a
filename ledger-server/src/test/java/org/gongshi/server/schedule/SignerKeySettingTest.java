package org.gongshi.server.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An operator's sweep, stop 74: a malformed signer key stopped the start with a bean's stack trace that named no setting. */
class SignerKeySettingTest {

    @Test
    void a_malformed_signer_key_is_refused_naming_its_setting_and_how_to_make_one(@TempDir Path keys) {
        assertThatThrownBy(() -> TreeHeadSigner.keys("gongshi.ledger", "garbage", "", keys, "gongshi.local/ledger"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("gongshi.ledger.signer-key or gongshi.ledger.retired-verifier-keys: malformed signer key")
                .hasMessageContaining("keygen gongshi.local/ledger");
    }

    /**
     * A review of the distributed profile, stop 77: a projections node started without keys made its own, published them and
     * retired the cluster's; where keys are not made (the distributed profile) a node without one is refused at its start.
     */
    @Test
    void where_keys_are_not_made_a_node_without_a_configured_key_is_refused_naming_the_setting(@TempDir Path keys) {
        assertThatThrownBy(() -> TreeHeadSigner.keys("gongshi.feed", "", "", keys, "gongshi.example/feed", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("gongshi.feed.signer-key is not set, and this profile signs with a configured key only")
                .hasMessageContaining("keygen gongshi.example/feed");
        org.assertj.core.api.Assertions.assertThat(keys).isEmptyDirectory();
        org.assertj.core.api.Assertions.assertThat(TreeHeadSigner.keys("gongshi.feed", "", "", keys, "gongshi.example/feed", true)
                .currentVerifierKey()).startsWith("gongshi.example/feed+");
    }
}
