package org.gongshi.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The first argument is a command or an option: a mistyped command is refused, never taken for "run the ledger". */
class CommandLineTest {

    @Test
    void a_word_that_is_no_command_is_refused_with_the_commands_instead_of_starting_a_ledger() {
        assertThat(LedgerServerApplication.notACommand(new String[]{"verfy", "--url", "http://x"})).hasValueSatisfying(m ->
                assertThat(m).startsWith("unknown command 'verfy'").contains("verify").contains("mirror").contains("witness"));
        for (String help : new String[]{"help", "--help", "-h"}) { // --help started a whole ledger (outside audit)
            assertThat(LedgerServerApplication.notACommand(new String[]{help})).as(help).hasValueSatisfying(m -> assertThat(m).startsWith("usage:"));
        }
        // an auditor's sweep: options before the command started a ledger on port 8080 with a new ./data
        assertThat(LedgerServerApplication.notACommand(new String[]{"--url", "http://x", "verify"})).hasValueSatisfying(m ->
                assertThat(m).startsWith("'http://x' is no option of the ledger"));
        assertThat(LedgerServerApplication.notACommand(new String[]{"--url=http://x", "verify"})).hasValueSatisfying(m ->
                assertThat(m).contains("a command comes first: java -jar ledger-server.jar verify"));
        assertThat(LedgerServerApplication.notACommand(new String[]{"--server.port", "9090"})).isPresent();
        for (String[] runs : new String[][]{{}, {"--gongshi.demo=true"}, {"-Dx=y"}, {"verify", "--url", "u"}, {"generate"},
                {"--gongshi.demo=true", "--server.port=9090", "--spring.config.additional-location=file:bureaus.properties"}}) {
            assertThat(LedgerServerApplication.notACommand(runs)).as(String.join(" ", runs)).isEmpty();
        }
    }

    /** keygen: an origin no note can name, none, or a help flag is usage, never a stack trace or a key named --help (a sweep). */
    @Test
    void keygen_names_what_is_wrong_with_its_origin_and_makes_a_key_for_a_good_one() {
        for (String[] wrong : new String[][]{{}, {"--x"}, {"bad origin"}, {"a+b"}, {"a", "b"}}) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            assertThat(LedgerServerApplication.keygen(wrong, new java.io.PrintStream(out), new java.io.PrintStream(err)))
                    .as(String.join(" ", wrong)).isEqualTo(2);
            assertThat(out.toString()).isEmpty();
            assertThat(err.toString()).contains("usage: java -jar ledger-server.jar keygen <origin>");
        }
        java.io.ByteArrayOutputStream help = new java.io.ByteArrayOutputStream();
        assertThat(LedgerServerApplication.keygen(new String[]{"--help"}, new java.io.PrintStream(help), System.err)).isZero();
        assertThat(help.toString()).contains("usage: java -jar ledger-server.jar keygen <origin>");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertThat(LedgerServerApplication.keygen(new String[]{"gongshi.zj/feed"}, new java.io.PrintStream(out), System.err)).isZero();
        assertThat(out.toString()).contains("verifier key (publish)").contains("gongshi.zj/feed+");
    }
}
