package org.gongshi.server.ops;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's sweep, stop 74: {@code --gongshi.dev-tokens=false} and a misspelt policy override were taken without a word,
 * the default left in force. A setting is read when the node asked for its name in one of Spring's relaxed forms.
 */
class SettingNamesTest {

    private static final Set<String> ASKED = Set.of("gongshi.security.dev-tokens", "gongshi.traffic.capacity",
            "gongshi.policy.disclosure.lower-amount-fine-natural-person", "gongshi.bureaus.registered", "gongshi.data-dir");

    @Test
    void a_setting_is_read_in_any_of_its_relaxed_forms_and_a_map_with_any_key() {
        assertThat(SettingNames.read("gongshi.traffic.capacity", ASKED)).isTrue();
        assertThat(SettingNames.read("gongshi.security.devTokens", ASKED)).isTrue();
        assertThat(SettingNames.read("gongshi.security.dev_tokens", ASKED)).isTrue();
        assertThat(SettingNames.read("gongshi.bureaus.registered.111101050000000191", ASKED)).isTrue();
        assertThat(SettingNames.read("gongshi.traffic.capacty", ASKED)).isFalse();
        assertThat(SettingNames.read("gongshi.dev-tokens", ASKED)).isFalse();
        assertThat(SettingNames.read("gongshi.policy.disclosure.lower-amount-fine-natral-person", ASKED)).isFalse();
        assertThat(SettingNames.read("gongshi.policy", ASKED)).as("a record's name is no setting of its own").isFalse();
    }

    @Test
    void a_setting_nothing_reads_is_told_the_nearest_one_that_is() {
        assertThat(SettingNames.nearest("gongshi.traffic.capacty", ASKED)).contains("gongshi.traffic.capacity");
        assertThat(SettingNames.nearest("gongshi.dev-tokens", ASKED)).as("the same last word").contains("gongshi.security.dev-tokens");
        assertThat(SettingNames.nearest("gongshi.policy.disclosure.lower-amount-fine-natral-person", ASKED))
                .contains("gongshi.policy.disclosure.lower-amount-fine-natural-person");
        assertThat(SettingNames.nearest("gongshi.something.else.entirely", ASKED)).isEmpty();
        assertThat(SettingNames.nearest("gongshi.jwt.secret", Set.of("GONGSHI_JWT_SECRET")))
                .as("never a variable a placeholder named, two edits away").isEmpty();
    }

    /**
     * The distributed profile's own file takes {@code GONGSHI_JWT_SECRET} through a placeholder: read, though no setting is
     * named so; a variable nothing asked for is named with the setting it would be; the node's own files are never checked.
     */
    @Test
    void what_the_operator_gave_that_nothing_read_is_named_with_its_source() {
        var environment = new org.springframework.core.env.StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.remove(org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(org.springframework.core.env.StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addLast(new org.springframework.core.env.SystemEnvironmentPropertySource("systemEnvironment", java.util.Map.of(
                "GONGSHI_JWT_SECRET", "x", "GONGSHI_TRAFFIC_CAPACITY", "5", "GONGSHI_TRAFIC_CAPACITY", "5", "PATH", "/bin")));
        sources.addFirst(new org.springframework.core.env.SimpleCommandLinePropertySource("--gongshi.traffic.capacty=5", "--gongshi.data-dir=d"));
        sources.addLast(new org.springframework.core.env.MapPropertySource("Config resource 'class path resource [application.properties]'",
                java.util.Map.of("gongshi.whatever.the-jar-sets", "1")));
        Set<String> asked = new java.util.HashSet<>(ASKED);
        asked.add("GONGSHI_JWT_SECRET");

        assertThat(SettingNames.unread(environment, asked)).extracting(SettingNames.Unread::source, SettingNames.Unread::problem).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("commandLineArgs", "gongshi.traffic.capacty is no setting this node reads; did you mean gongshi.traffic.capacity?"),
                org.assertj.core.groups.Tuple.tuple("systemEnvironment", "GONGSHI_TRAFIC_CAPACITY (gongshi.trafic.capacity) is no setting this node reads; did you mean gongshi.traffic.capacity?"));
    }

    /**
     * A deployer's sweep, stop 80: compose gives every ledger service the same environment and the bureaus' file, and every
     * start of a node of another role warned to remove the settings the node that reads them needs, once for each bureau.
     */
    @Test
    void a_setting_of_a_role_this_node_does_not_play_is_no_mistake_and_a_typo_still_is() {
        for (String roles : java.util.List.of("command", "api", "projections")) {
            var environment = new org.springframework.core.env.StandardEnvironment();
            var sources = environment.getPropertySources();
            sources.remove(org.springframework.core.env.StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
            sources.remove(org.springframework.core.env.StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
            sources.addLast(new org.springframework.core.env.SystemEnvironmentPropertySource("systemEnvironment", java.util.Map.of(
                    "GONGSHI_ROLES", roles, "GONGSHI_FEED_ORIGIN", "ip.example.gov.cn/feed", "GONGSHI_FEED_ORIGN", "x")));
            sources.addLast(new org.springframework.core.env.MapPropertySource("Config resource 'file [config/application.properties]'",
                    java.util.Map.of("gongshi.bureaus.registered.111101050000000191", "北京市朝阳区市场监督管理局")));
            Set<String> asked = new java.util.HashSet<>(ASKED);
            asked.add("gongshi.roles");
            // what each role itself reads: the projections node the feed's origin, the api node the bureaus
            if (roles.equals("projections")) asked.add("gongshi.feed.origin");
            if (roles.equals("api")) asked.add("gongshi.bureaus.registered");
            assertThat(SettingNames.unread(environment, asked)).as(roles).extracting(SettingNames.Unread::problem).singleElement()
                    .satisfies(problem -> assertThat(problem).startsWith("GONGSHI_FEED_ORIGN (gongshi.feed.orign) is no setting this node reads"));
        }
    }

    @Test
    void an_environment_variable_names_the_setting_its_underscores_stand_for() {
        assertThat(SettingNames.fromEnvironmentVariable("GONGSHI_TRAFFIC_CAPACITY", ASKED)).isEqualTo("gongshi.traffic.capacity");
        assertThat(SettingNames.fromEnvironmentVariable("GONGSHI_SECURITY_DEVTOKENS", ASKED)).isEqualTo("gongshi.security.dev-tokens");
        assertThat(SettingNames.fromEnvironmentVariable("GONGSHI_BUREAUS_REGISTERED_111101050000000191", ASKED)).isEqualTo("gongshi.bureaus.registered");
        assertThat(SettingNames.fromEnvironmentVariable("GONGSHI_TRAFIC_CAPACITY", ASKED)).isEqualTo("gongshi.trafic.capacity");
        assertThat(SettingNames.fromEnvironmentVariable("PATH", ASKED)).isNull();
    }
}
