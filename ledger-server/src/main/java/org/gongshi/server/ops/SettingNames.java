package org.gongshi.server.ops;

import org.gongshi.server.roles.RoleCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A setting of the ledger ({@code gongshi.*}) that nothing of this node reads is a typo, a setting of another profile or
 * role, or one that no longer exists: given on the command line it stops the start, naming it and the nearest setting the
 * node reads; given in the environment, a system property or a configuration file of the operator's, it is named in a
 * warning (the distributed profile gives every role the same environment). An operator's sweep, stop 74:
 * {@code --gongshi.dev-tokens=false} left {@code /dev/tokens} minting tokens, and a misspelt policy override left the legal
 * default in force, without a word.
 *
 * <p>What the node reads is what it asked its environment for while it started: {@link #postProcessEnvironment} puts first
 * a source that answers nothing and notes every {@code gongshi.*} name asked of it (every {@code @Value}, condition and
 * {@code Binder} asks each source in turn); {@link #check} compares once every singleton is made, before the web server
 * starts.
 */
public final class SettingNames implements EnvironmentPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(SettingNames.class);
    static final String PREFIX = "gongshi.";
    /** The ledger's environment variables, which its own configuration files may also take by name ({@code ${GONGSHI_JWT_SECRET:}}). */
    static final String VARIABLE_PREFIX = "GONGSHI_";
    private static final String READ = "gongshi-settings-read";
    /** Settings whose names go on past their own: a map's keys (a bureau's USCC). */
    static final List<String> MAPS = List.of("gongshi.bureaus.registered");
    /**
     * Settings only a node of one role reads ({@code gongshi.roles}), by that role: given to a node that does not play it, they
     * are another role's, not a mistake (compose gives every ledger service the same environment and the bureaus' file; a
     * deployer's sweep, stop 80: every start warned to remove them, once for each bureau, advice that would break the node
     * that reads them).
     */
    static final Map<String, String> OF_ONE_ROLE = Map.of("gongshi.feed.origin", "projections", "gongshi.feed.signer-key", "projections",
            "gongshi.ledger.signer-key", "projections", "gongshi.bureaus.registered", "api");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getPropertySources().contains(READ)) environment.getPropertySources().addFirst(new Read());
    }

    /** Answers nothing; notes every {@code gongshi.*} name asked of it. */
    static final class Read extends PropertySource<Set<String>> {
        Read() {
            super(READ, ConcurrentHashMap.newKeySet());
        }

        @Override
        public Object getProperty(String name) {
            if (name.startsWith(PREFIX) || name.startsWith(VARIABLE_PREFIX)) getSource().add(name);
            return null;
        }
    }

    /** The check, once every singleton of the node is made (registered by {@link Operations}). */
    public static SmartInitializingSingleton check(ConfigurableEnvironment environment) {
        return () -> {
            if (!(environment.getPropertySources().get(READ) instanceof Read read)) return;
            // noted enough: what the node reads it has read, and the source need not stand first in every later lookup
            environment.getPropertySources().remove(READ);
            List<String> refused = new ArrayList<>();
            for (Unread unread : unread(environment, Set.copyOf(read.getSource()))) {
                if (unread.source().equals("commandLineArgs")) refused.add(unread.problem());
                else log.warn("{} (given in {}); it has no effect: correct it or remove it (README lists the settings)",
                        unread.problem(), unread.source());
            }
            if (!refused.isEmpty()) {
                throw new IllegalStateException(String.join("\n", refused) + "\nCorrect the command line, or remove what this node does"
                        + " not read (README lists the settings)");
            }
        };
    }

    /** A setting given in {@code source} that nothing read, and what to say of it. */
    record Unread(String source, String problem) {}

    /**
     * The settings the operator gave (on the command line, in a system property, the environment or a configuration file of
     * theirs; the node's own files in the jar set what every role may read) that are none of those {@code asked}. An
     * environment variable is read when the node asked for it by its own name too: the distributed profile's files take
     * {@code GONGSHI_JWT_SECRET} through a placeholder.
     */
    static List<Unread> unread(ConfigurableEnvironment environment, Set<String> asked) {
        List<Unread> unread = new ArrayList<>();
        Set<String> roles = RoleCondition.roles(environment.getProperty(RoleCondition.PROPERTY, "command,projections,api"));
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> names) || source.getName().contains("class path resource")) continue;
            boolean environmentVariables = source.getName().equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
            for (String name : names.getPropertyNames()) {
                if (environmentVariables && asked.contains(name)) continue;
                String setting = environmentVariables ? fromEnvironmentVariable(name, asked) : name;
                if (setting == null || !setting.startsWith(PREFIX) || read(setting, asked) || anotherRoles(setting, roles)) continue;
                String given = environmentVariables ? name + " (" + setting + ")" : setting;
                unread.add(new Unread(source.getName(), given + " is no setting this node reads" + nearest(setting, asked)
                        .map(n -> "; did you mean " + n + "?").orElse(" (a typo, a setting of another profile or role, or one"
                                + " that no longer exists)")));
            }
        }
        return unread;
    }

    /** Whether {@code setting} (or the map it is a key of) is read only by a role this node does not play. */
    static boolean anotherRoles(String setting, Set<String> roles) {
        ConfigurationPropertyName given = name(setting);
        if (given == null) return false;
        return OF_ONE_ROLE.entrySet().stream().filter(e -> !roles.contains(e.getValue())).map(e -> name(e.getKey()))
                .anyMatch(other -> other.equals(given) || other.isAncestorOf(given));
    }

    /** Whether {@code setting} is one of the names asked for (in Spring's relaxed forms), or a key of a map asked for. */
    static boolean read(String setting, Set<String> asked) {
        ConfigurationPropertyName given = name(setting);
        if (given == null) return false;
        for (String name : asked) {
            ConfigurationPropertyName read = name(name);
            if (read != null && read.equals(given)) return true;
        }
        return MAPS.stream().map(SettingNames::name).anyMatch(map -> map != null && map.isAncestorOf(given) && asked.stream()
                .map(SettingNames::name).anyMatch(map::equals));
    }

    /**
     * The setting an environment variable names ({@code GONGSHI_TRAFFIC_CAPACITY}), as one of the names asked for when it is
     * one, else in the dotted form its underscores give; null for a variable that is none of the ledger's.
     */
    static String fromEnvironmentVariable(String variable, Set<String> asked) {
        if (!variable.startsWith(VARIABLE_PREFIX)) return null;
        for (String name : asked) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (variable.equals(upper.replace('.', '_').replace('-', '_')) || variable.equals(upper.replace('.', '_').replace("-", ""))) {
                return name;
            }
        }
        for (String map : MAPS) { // GONGSHI_BUREAUS_REGISTERED_<USCC>
            if (variable.startsWith(map.toUpperCase(Locale.ROOT).replace('.', '_') + "_") && asked.contains(map)) return map;
        }
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static ConfigurationPropertyName name(String setting) {
        return ConfigurationPropertyName.isValid(setting) ? ConfigurationPropertyName.of(setting)
                : ConfigurationPropertyName.adapt(setting, '.');
    }

    /**
     * The name asked for nearest {@code setting}: within a third of its length in edits, or ending in the same word
     * ({@code gongshi.dev-tokens}: {@code gongshi.security.dev-tokens}); the fewest edits first.
     */
    static java.util.Optional<String> nearest(String setting, Set<String> asked) {
        String given = setting.toLowerCase(Locale.ROOT);
        String lastWord = given.substring(given.lastIndexOf('.') + 1);
        return asked.stream().filter(n -> n.startsWith(PREFIX)) // a setting, not a variable a placeholder named
                .filter(n -> distance(given, n.toLowerCase(Locale.ROOT)) <= Math.max(2, given.length() / 3)
                        || n.toLowerCase(Locale.ROOT).endsWith("." + lastWord))
                .min(Comparator.<String>comparingInt(n -> distance(given, n.toLowerCase(Locale.ROOT))).thenComparing(n -> n));
    }

    /** Levenshtein's distance between two names. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1], current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
