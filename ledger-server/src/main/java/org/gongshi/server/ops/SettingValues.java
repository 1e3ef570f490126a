package org.gongshi.server.ops;

import org.gongshi.server.roles.RoleCondition;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.env.ConfigurableEnvironment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings whose value converts but means nothing the ledger can do, checked before anything starts, each refused in one
 * line that names the setting, the value and what to give instead (an operator's sweep from outside, stop 86: a negative
 * token clock skew started and then refused every token; {@code gongshi.security.dev-tokens=maybe} turned {@code /dev/tokens}
 * off without a word; {@code gongshi.feed.poll-interval=PT0S} spun a core; an empty {@code gongshi.roles} served nothing and
 * reported UP; a bad key file, witness key, database name or origin stopped the start with 60 to 150 stack frames that never
 * named the setting; an unknown profile was reported as a missing token key). Whole numbers out of range are
 * {@link SettingBounds}'s, the data directory is {@link org.gongshi.server.embedded.DataDirectory}'s, a value that does not
 * convert is named by {@link SettingValueFailureAnalyzer}, which also shows these refusals as one line.
 */
public final class SettingValues implements EnvironmentPostProcessor {

    /** The profiles this jar has (its application-*.properties); the embedded default runs without one. */
    static final List<String> PROFILES = List.of("embedded", "distributed");

    /**
     * Every boolean setting of the ledger: read with {@code @Value} one took "yes", "on" or "1" for true, read by a condition
     * ({@code @ConditionalOnProperty(havingValue = "true")}) any word but "true" was false; either way a typo fell back in
     * silence. Each is true or false (in any case), or the start stops.
     */
    static final List<String> BOOLEANS = List.of("gongshi.security.dev-tokens", "gongshi.clock.settable", "gongshi.demo",
            "gongshi.traffic.enabled", "gongshi.signing.generate-keys", "gongshi.generate.deadlines");

    /**
     * The durations, with the least each may be: an interval of 0 polls without pause (a core spun at PT0S), a lease, a
     * timeout or a lifetime of 0 or less refuses everything, a negative skew or delay means nothing.
     */
    static final Map<String, Duration> DURATIONS = durations();

    private static Map<String, Duration> durations() {
        Map<String, Duration> least = new LinkedHashMap<>();
        least.put("gongshi.feed.poll-interval", Duration.ofMillis(10));
        least.put("gongshi.read-your-writes.poll", Duration.ofMillis(10));
        least.put("gongshi.feed.sign-interval", Duration.ofMillis(10));
        least.put("gongshi.deadlines.poll", Duration.ofMillis(10));
        least.put("gongshi.feed.heartbeat", Duration.ofMillis(100));
        least.put("gongshi.feed.full-check-interval", Duration.ofSeconds(1));
        least.put("gongshi.commands.timeout", Duration.ofMillis(100));
        least.put("gongshi.traffic.request-timeout", Duration.ofMillis(1));
        least.put("gongshi.idempotency.lease", Duration.ofSeconds(1));
        least.put("gongshi.idempotency.ttl", Duration.ofSeconds(1));
        least.put("gongshi.feed.sign-lease", Duration.ofSeconds(1));
        least.put("gongshi.deadlines.lease", Duration.ofSeconds(1));
        least.put("gongshi.security.jwt-max-lifetime", Duration.ofSeconds(1));
        least.put("gongshi.security.jwt-clock-skew", Duration.ZERO);
        least.put("gongshi.read-your-writes.wait", Duration.ZERO);
        least.put("gongshi.feed.sign-initial-delay", Duration.ZERO);
        least.put("gongshi.deadlines.initial-delay", Duration.ZERO);
        return java.util.Collections.unmodifiableMap(least);
    }

    /** The logs' origins: each names its log in every signed head, a key name of signed notes (C2SP). */
    static final List<String> ORIGINS = List.of("gongshi.feed.origin", "gongshi.ledger.origin");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        check(environment);
    }

    /** Refuses the first setting of {@code environment} whose value the ledger cannot serve with. */
    static void check(ConfigurableEnvironment environment) {
        profiles(environment.getActiveProfiles());
        roles(environment.getProperty(RoleCondition.PROPERTY));
        for (String setting : BOOLEANS) bool(setting, environment.getProperty(setting));
        DURATIONS.forEach((setting, least) -> duration(setting, environment.getProperty(setting), least));
        for (String setting : ORIGINS) origin(setting, environment.getProperty(setting));
        witnessKeys(environment.getProperty("gongshi.witness.verifier-keys"));
        mongoDatabase(environment.getProperty("gongshi.mongodb.database"));
        String secret = environment.getProperty("gongshi.security.jwt-secret");
        String dataDir = environment.getProperty("gongshi.data-dir");
        // an empty data directory is DataDirectory's to refuse: the key file under it would be read at the file system's root
        if ((secret == null || secret.isBlank()) && (dataDir == null || !dataDir.isBlank())) {
            jwtSecretFile(environment.getProperty("gongshi.security.jwt-secret-file"), dataDir);
        }
    }

    static void profiles(String[] active) {
        for (String profile : active) {
            if (!PROFILES.contains(profile.strip())) {
                throw new IllegalArgumentException("The profile '" + profile + "' (spring.profiles.active) is none of this jar's: give "
                        + "--spring.profiles.active=distributed, or none for the embedded default (profiles: " + String.join(", ", PROFILES) + ")");
            }
        }
    }

    static void roles(String value) {
        if (value == null) return;
        if (RoleCondition.roles(value).isEmpty()) { // an unknown role is refused there, naming it
            throw new IllegalArgumentException("The setting gongshi.roles is empty ('" + value + "'): a node with no role serves nothing;"
                    + " name at least one of command,projections,api (comma-separated), or leave it out for all three");
        }
    }

    static void bool(String setting, String value) {
        if (value == null || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) return;
        throw new IllegalArgumentException("The setting " + setting + " has the value '" + value + "', which is neither true nor false:"
                + " give --" + setting + "=true or --" + setting + "=false, or leave it out for its default");
    }

    static void duration(String setting, String value, Duration least) {
        if (value == null || value.isBlank()) return;
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(value.strip());
        } catch (IllegalArgumentException notADuration) {
            return; // named, with the form it takes, by SettingValueFailureAnalyzer where it is read
        }
        if (duration.compareTo(least) < 0) {
            throw new IllegalArgumentException("The setting " + setting + " is " + value.strip() + ", less than it may be: give "
                    + (least.isZero() ? "0 or more" : least.toMillis() + "ms or more") + " (a duration like 500ms, 30s or PT1M), or"
                    + " leave it out for its default");
        }
    }

    /** Go's {@code isValidName}, as signed notes take a key's name: not empty, no white space, no '+'. */
    static void origin(String setting, String value) {
        if (value == null) return;
        boolean valid = !value.isEmpty() && value.indexOf('+') < 0 && value.codePoints().noneMatch(c -> Character.isWhitespace(c)
                || Character.isSpaceChar(c) || c == 0x85);
        if (!valid) {
            throw new IllegalArgumentException("The setting " + setting + " is '" + value + "', which no log can be named: give the log's"
                    + " origin, a name without spaces or '+' (like gongshi.example/" + setting.split("\\.")[1] + "), or leave it out"
                    + " for its default");
        }
    }

    static void witnessKeys(String value) {
        if (value == null || value.isBlank()) return;
        try {
            org.gongshi.api.web.WitnessKeys.parse(value);
        } catch (RuntimeException malformed) {
            throw new IllegalArgumentException("The setting gongshi.witness.verifier-keys: " + malformed.getMessage() + "; give each"
                    + " witness's verifier key as the witness tool prints it (name+keyID+base64, comma-separated), or leave it"
                    + " out", malformed);
        }
    }

    /** MongoDB's rules for a database's name: not empty, under 64 bytes, none of {@code /\. "$*<>:|?} nor NUL. */
    static void mongoDatabase(String value) {
        if (value == null || value.isBlank()) return; // the URI's, or gongshi
        String name = value.strip();
        String bad = "/\\. \"$*<>:|?\0";
        int found = -1;
        for (int i = 0; i < name.length() && found < 0; i++) if (bad.indexOf(name.charAt(i)) >= 0) found = i;
        if (found >= 0 || name.getBytes(StandardCharsets.UTF_8).length > 63) {
            throw new IllegalArgumentException("The setting gongshi.mongodb.database is '" + value + "', which MongoDB takes as no"
                    + " database's name: give a name of at most 63 bytes without / \\ . space \" $ * < > : | ? (like gongshi_staging),"
                    + " or leave it out");
        }
    }

    /**
     * A token key file the operator names, or one made before, must hold a key: at least 32 bytes in base64. One that does not
     * exist yet is made (the embedded default's {@code <data-dir>/jwt-secret}).
     */
    static void jwtSecretFile(String value, String dataDir) {
        if (value == null || value.isBlank()) return;
        Path file = Path.of(value).toAbsolutePath().normalize();
        Path existing = file;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        // in the data directory (the embedded default's <data-dir>/jwt-secret) it is made with it, which DataDirectory checks
        boolean inTheDataDirectory = dataDir != null && file.startsWith(Path.of(dataDir).toAbsolutePath().normalize());
        String problem;
        // one to be made under a file cannot be (a re-test from outside, stop 86: 78 stack frames)
        if (existing != null && !existing.equals(file)) problem = Files.isDirectory(existing) || inTheDataDirectory ? null
                : "a file to be made under " + existing + ", which is a file";
        else if (Files.isDirectory(file)) problem = "a directory";
        else if (!Files.isReadable(file)) problem = "a file this process may not read";
        else {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            } catch (IOException | RuntimeException unreadable) {
                text = null;
            }
            byte[] key = null;
            try {
                if (text != null) key = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException notBase64) {
                key = null;
            }
            if (text == null) problem = "a file that cannot be read as text";
            else if (text.isEmpty()) problem = "an empty file";
            else if (key == null) problem = "a file whose text is not base64";
            else if (key.length < 32) problem = "a key of " + key.length + " bytes, too short for HS256";
            else problem = null;
        }
        if (problem != null) {
            throw new IllegalArgumentException("The setting gongshi.security.jwt-secret-file names " + file + ", " + problem + ": it must"
                    + " name a file holding the token key, at least 32 bytes written in base64 (e.g. head -c 32 /dev/urandom | base64);"
                    + " or name a file that does not exist yet, which the embedded default makes, or set gongshi.security.jwt-secret");
        }
    }
}
