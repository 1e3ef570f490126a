package org.gongshi.server.ops;

import org.gongshi.server.LedgerServerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An operator's sweep from outside, stop 86: settings that converted but meant nothing the ledger could do started a node
 * that failed later or in silence, or stopped the start with a stack trace that never named them. Each is refused before
 * anything starts, in one line that names the setting, the value and what to give instead.
 */
class SettingValuesTest {

    /** The refusal of {@code settings} (name, value, name, value …), as the start reports it: its one line. */
    private static String refusal(String... settings) {
        MockEnvironment environment = new MockEnvironment();
        for (int i = 0; i < settings.length; i += 2) environment.setProperty(settings[i], settings[i + 1]);
        Throwable refused = catchThrowable(() -> SettingValues.check(environment));
        assertThat(refused).as(String.join(" ", settings)).isInstanceOf(IllegalArgumentException.class);
        FailureAnalysis analysis = new SettingValueFailureAnalyzer().analyze(refused);
        assertThat(analysis).as("said in one line by the analyzer").isNotNull();
        assertThat(analysis.getDescription()).isEqualTo(refused.getMessage()).doesNotContain("\n");
        return analysis.getDescription();
    }

    private static void accepted(String... settings) {
        MockEnvironment environment = new MockEnvironment();
        for (int i = 0; i < settings.length; i += 2) environment.setProperty(settings[i], settings[i + 1]);
        assertThat(catchThrowable(() -> SettingValues.check(environment))).as(String.join(" ", settings)).isNull();
    }

    /** D3: a negative skew started, then every token was refused "iat lies in the future". */
    @Test
    void a_negative_token_clock_skew_is_refused() {
        assertThat(refusal("gongshi.security.jwt-clock-skew", "-PT60S")).contains("gongshi.security.jwt-clock-skew", "-PT60S", "0 or more");
        accepted("gongshi.security.jwt-clock-skew", "PT0S");
        accepted("gongshi.security.jwt-clock-skew", "30s");
    }

    /** D8: an empty gongshi.roles served nothing and reported UP. */
    @Test
    void a_node_with_no_role_is_refused() {
        assertThat(refusal("gongshi.roles", "")).contains("gongshi.roles", "at least one of command,projections,api");
        assertThat(refusal("gongshi.roles", " , ")).contains("gongshi.roles");
        accepted("gongshi.roles", "api");
    }

    /** D4: dev-tokens=maybe turned /dev/tokens off without a word; every boolean setting reads alike. */
    @Test
    void every_boolean_setting_is_true_or_false() {
        for (String setting : SettingValues.BOOLEANS) {
            assertThat(refusal(setting, "maybe")).contains(setting, "'maybe'", "neither true nor false");
            assertThat(refusal(setting, "yes")).contains(setting);
            accepted(setting, "true");
            accepted(setting, "FALSE");
        }
    }

    /**
     * Every boolean {@code gongshi.*} setting of the sources, read with {@code @Value} or by a condition, is one the check
     * knows: a new one left out would fall back in silence again.
     */
    @Test
    void the_check_knows_every_boolean_setting_the_sources_read() throws Exception {
        Pattern value = Pattern.compile("@Value\\(\"\\$\\{(gongshi\\.[a-z.-]+)(?::[^}]*)?\\}\"\\)\\s*(?:final\\s+)?(?:boolean|Boolean)\\b");
        Pattern condition = Pattern.compile("@(?:[\\w.]+\\.)?ConditionalOnProperty\\(name\\s*=\\s*\"(gongshi\\.[a-z.-]+)\",\\s*havingValue");
        List<String> found = new ArrayList<>();
        Path root = Path.of("").toAbsolutePath().getParent();
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                String text = Files.readString(source);
                for (Pattern pattern : List.of(value, condition)) {
                    Matcher m = pattern.matcher(text);
                    while (m.find()) found.add(m.group(1));
                }
            }
        }
        assertThat(found).contains("gongshi.security.dev-tokens", "gongshi.clock.settable", "gongshi.traffic.enabled");
        assertThat(SettingValues.BOOLEANS).containsAll(found);
    }

    /** D9: a poll interval of PT0S spun 69 % of a core; the other durations refuse what breaks them. */
    @Test
    void a_zero_or_negative_interval_is_refused() {
        assertThat(refusal("gongshi.feed.poll-interval", "PT0S")).contains("gongshi.feed.poll-interval", "PT0S", "10ms or more");
        assertThat(refusal("gongshi.feed.poll-interval", "-1s")).contains("gongshi.feed.poll-interval");
        assertThat(refusal("gongshi.read-your-writes.poll", "0ms")).contains("gongshi.read-your-writes.poll");
        assertThat(refusal("gongshi.deadlines.poll", "PT0S")).contains("gongshi.deadlines.poll");
        assertThat(refusal("gongshi.feed.heartbeat", "0s")).contains("gongshi.feed.heartbeat");
        assertThat(refusal("gongshi.commands.timeout", "PT0S")).contains("gongshi.commands.timeout");
        assertThat(refusal("gongshi.idempotency.ttl", "-PT1H")).contains("gongshi.idempotency.ttl");
        assertThat(refusal("gongshi.security.jwt-max-lifetime", "PT0S")).contains("gongshi.security.jwt-max-lifetime");
        accepted("gongshi.feed.poll-interval", "PT0.05S");
        accepted("gongshi.feed.poll-interval", "10ms");
        accepted("gongshi.deadlines.initial-delay", "P3650D");
        accepted("gongshi.read-your-writes.wait", "PT0S");
        accepted("gongshi.feed.poll-interval", "zz"); // no duration: named where it is read, with the form it takes
        accepted("gongshi.deadlines.initial-delay", "");
    }

    /** D1: a token key file that is a directory, no base64, too short or empty: 60 to 84 frames, the setting never named. */
    @Test
    void a_token_key_file_that_holds_no_key_is_named_with_what_it_must_hold(@TempDir Path dir) throws Exception {
        Path notBase64 = Files.writeString(dir.resolve("garbage"), "not base64 !!!\n");
        Path shortKey = Files.writeString(dir.resolve("short"), "c2hvcnQ=\n");
        Path empty = Files.writeString(dir.resolve("empty"), "");
        for (Path file : List.of(dir, notBase64, shortKey, empty)) {
            assertThat(refusal("gongshi.security.jwt-secret-file", file.toString()))
                    .startsWith("The setting gongshi.security.jwt-secret-file names " + file)
                    .contains("at least 32 bytes written in base64");
        }
        assertThat(refusal("gongshi.security.jwt-secret-file", dir.toString())).contains("a directory");
        assertThat(refusal("gongshi.security.jwt-secret-file", shortKey.toString())).contains("a key of 5 bytes");

        Path good = Files.writeString(dir.resolve("good"), Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        accepted("gongshi.security.jwt-secret-file", good.toString());
        accepted("gongshi.security.jwt-secret-file", dir.resolve("not-yet").toString()); // made at the start
        // to be made under a file (a re-test, stop 86: 78 stack frames)
        assertThat(refusal("gongshi.security.jwt-secret-file", good.resolve("jwt").toString())).contains("which is a file");
        accepted("gongshi.security.jwt-secret-file", dir.toString(), "gongshi.security.jwt-secret", "x".repeat(32)); // the secret wins
    }

    /** D2: a malformed witness key: 67 frames, "malformed witness key". */
    @Test
    void a_malformed_witness_key_is_named_by_its_setting() {
        assertThat(refusal("gongshi.witness.verifier-keys", "garbage"))
                .startsWith("The setting gongshi.witness.verifier-keys: malformed witness key: garbage").contains("name+keyID+base64");
        accepted("gongshi.witness.verifier-keys", "");
    }

    /** D6: a database name MongoDB refuses: 152 frames. */
    @Test
    void a_database_name_mongodb_refuses_is_named_by_its_setting() {
        for (String name : List.of("bad/name", "a.b", "with space", "x".repeat(64), "$x")) {
            assertThat(refusal("gongshi.mongodb.database", name)).contains("gongshi.mongodb.database", name);
        }
        accepted("gongshi.mongodb.database", "gongshi_staging");
    }

    /** D7: an empty origin blamed gongshi.feed.signer-key. */
    @Test
    void an_origin_no_log_can_be_named_is_named_by_its_own_setting() {
        for (String setting : SettingValues.ORIGINS) {
            assertThat(refusal(setting, "")).startsWith("The setting " + setting + " is ''").doesNotContain("signer-key");
            assertThat(refusal(setting, "a b")).contains(setting);
            assertThat(refusal(setting, "a+b")).contains(setting);
        }
        accepted("gongshi.feed.origin", "ip.example.gov.cn/feed", "gongshi.ledger.origin", "ip.example.gov.cn/ledger");
    }

    /** D11: an unknown profile was reported as a missing token key. */
    @Test
    void an_unknown_profile_is_named_with_the_profiles_this_jar_has() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("bogus");
        Throwable refused = catchThrowable(() -> SettingValues.check(environment));
        assertThat(refused).hasMessageStartingWith("The profile 'bogus' (spring.profiles.active) is none of this jar's")
                .hasMessageContaining("embedded, distributed");
        assertThat(new SettingValueFailureAnalyzer().analyze(refused)).as("said in one line").isNotNull();
        environment.setActiveProfiles("distributed");
        assertThat(catchThrowable(() -> SettingValues.check(environment))).isNull();
    }

    /** The check runs at the start, before any bean (and before the data directory is made). */
    @Test
    void a_start_with_a_bad_value_stops_before_anything_starts(@TempDir Path dir) {
        Path data = dir.resolve("data");
        for (String[] args : List.of(new String[] {"--gongshi.security.jwt-clock-skew=-PT60S"}, new String[] {"--spring.profiles.active=bogus"},
                new String[] {"--gongshi.roles="}, new String[] {"--gongshi.feed.poll-interval=PT0S"})) {
            List<String> all = new ArrayList<>(List.of("--gongshi.data-dir=" + data, "--server.port=0"));
            all.addAll(List.of(args));
            SpringApplication application = new SpringApplication(LedgerServerApplication.class);
            Throwable refused = catchThrowable(() -> application.run(all.toArray(String[]::new)));
            FailureAnalysis analysis = new SettingValueFailureAnalyzer().analyze(refused);
            assertThat(analysis).as(args[0] + ": " + refused).isNotNull();
            assertThat(analysis.getDescription()).doesNotContain("\n");
            assertThat(data).as(args[0]).doesNotExist();
        }
    }
}
