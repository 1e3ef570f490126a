package org.gongshi.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token is accepted only with the claims a caller is known by in their shapes (a sweep from outside, stop 71: a signed token
 * whose sub held a line break and 3,000 characters, whose bureau was {@code <b>x</b>} and division {@code abc}, filed and
 * published a case that carried them into the public record and the feed).
 */
class TokenRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final TokenRules RULES = new TokenRules(TokenRules.DEFAULT_MAX_LIFETIME, null, null, Duration.ofSeconds(30));

    private static Jwt token(Map<String, Object> changed) {
        Map<String, Object> claims = new HashMap<>(Map.of("sub", "officer-zhang", "bureau", "111101050000000191", "division", "110105",
                "roles", List.of("officer")));
        claims.putAll(changed);
        claims.values().removeIf(v -> v == NO_CLAIM);
        return new Jwt("t", NOW, NOW.plus(Duration.ofHours(1)), Map.of("alg", "HS256"), claims);
    }

    private static final Object NO_CLAIM = new Object();

    private static String refusal(Map<String, Object> changed) {
        var result = RULES.check(token(changed), NOW);
        return result.hasErrors() ? result.getErrors().iterator().next().getDescription() : null;
    }

    @Test
    void a_token_s_claims_are_in_the_shapes_the_contract_gives_them() {
        assertThat(refusal(Map.of())).isNull();
        assertThat(refusal(Map.of("bureau", NO_CLAIM, "division", NO_CLAIM))).as("a platform's token may name no bureau").isNull();
        assertThat(refusal(Map.of("sub", "x".repeat(3000)))).contains("sub must have at most 64 characters");
        assertThat(refusal(Map.of("sub", "officer\nzhang"))).contains("no control character");
        assertThat(refusal(Map.of("sub", "officer\u0000"))).contains("no control character");
        // the actor the log of record names is visible and written one way (security sweeps, stop 75)
        for (String invisible : List.of("\u200b", "ad\u200dmin", "张执法员\u200f", "\u200eadmin", "\u061cadmin", "\ufeffadmin", "ad\u2060min",
                "ad\u00admin", "admin\udb40\udc41", "\u202eadmin", "ad\ue000min", "ad\ufdd0min", "ad\ud800min")) {
            assertThat(refusal(Map.of("sub", invisible))).as(invisible).contains("sub must have no invisible, private-use or unassigned character");
        }
        assertThat(refusal(Map.of("sub", " admin"))).contains("must not begin or end with a space");
        assertThat(refusal(Map.of("sub", "\u0301admin"))).contains("must not begin with a combining mark");
        assertThat(refusal(Map.of("sub", "e\u0301"))).contains("NFKC");
        assertThat(refusal(Map.of("sub", "ａｄｍｉｎ"))).contains("sub must be written as Unicode NFKC writes it");
        assertThat(refusal(Map.of("sub", "张执法员"))).isNull();
        assertThat(refusal(Map.of("bureau", "<b>x</b>"))).contains("bureau is no valid unified social credit code");
        assertThat(refusal(Map.of("bureau", "111101050000000192"))).contains("bureau is no valid unified social credit code");
        assertThat(refusal(Map.of("bureau", 42))).contains("bureau must be a unified social credit code");
        assertThat(refusal(Map.of("division", "abc"))).contains("6-digit division code");
        assertThat(refusal(Map.of("division", "1101050"))).contains("6-digit division code");
        assertThat(refusal(Map.of("division", "11"))).as("a prefix is no bureau's division").contains("6-digit division code");
        assertThat(refusal(Map.of("division", "１１０１０５"))).as("full-width digits").contains("6-digit division code");
        assertThat(refusal(Map.of("roles", "officer"))).contains("roles must be a list");
        assertThat(refusal(Map.of("roles", List.of("officer", 7)))).contains("roles must be a list");
        assertThat(refusal(Map.of("roles", java.util.Collections.nCopies(51, "officer")))).contains("at most 50 role names");
        assertThat(refusal(Map.of("roles", java.util.Collections.nCopies(50, "officer")))).isNull();
    }
}
