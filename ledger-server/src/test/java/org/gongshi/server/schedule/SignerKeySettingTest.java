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
}
