package org.gongshi.api.security;

import org.gongshi.api.limits.Bounds;
import org.gongshi.ledger.identity.Division;
import org.gongshi.ledger.identity.Uscc;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a bearer token must carry to be accepted (issue 11 item 4): an {@code exp} no further than
 * {@code maxLifetime} after its {@code iat} (or after now, without one), not expired, and the
 * configured {@code iss} and {@code aud} when they are configured. Configured by
 * {@code gongshi.security.jwt-max-lifetime} (default 12 h), {@code gongshi.security.jwt-issuer} and
 * {@code gongshi.security.jwt-audience}.
 */
public record TokenRules(Duration maxLifetime, String issuer, String audience, Duration clockSkew) {

    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofHours(12);

    public TokenRules {
        if (maxLifetime == null || maxLifetime.isZero() || maxLifetime.isNegative()) {
            throw new IllegalArgumentException("gongshi.security.jwt-max-lifetime must be a positive duration, e.g. PT12H");
        }
        issuer = issuer == null || issuer.isBlank() ? null : issuer.strip();
        audience = audience == null || audience.isBlank() ? null : audience.strip();
    }

    public OAuth2TokenValidator<Jwt> validator(Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(jwt -> check(jwt, clock.instant()));
        validators.add(timestamps);
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    OAuth2TokenValidatorResult check(Jwt jwt, Instant now) {
        Instant exp = jwt.getExpiresAt();
        if (exp == null) return invalid("The token has no exp (expiry) claim; tokens live at most " + maxLifetime);
        Instant from = jwt.getIssuedAt() != null ? jwt.getIssuedAt() : now;
        if (jwt.getIssuedAt() != null && jwt.getIssuedAt().isAfter(now.plus(clockSkew))) {
            return invalid("The token's iat (issued at) lies in the future");
        }
        if (Duration.between(from, exp).compareTo(maxLifetime.plus(clockSkew)) > 0) {
            return invalid("The token lives longer than the allowed " + maxLifetime + " (exp - iat)");
        }
        if (issuer != null && !issuer.equals(jwt.getClaimAsString("iss"))) {
            return invalid("The token's iss (issuer) is not " + issuer);
        }
        if (audience != null && (jwt.getAudience() == null || !jwt.getAudience().contains(audience))) {
            return invalid("The token's aud (audience) does not name " + audience);
        }
        return claims(jwt);
    }

    /**
     * The claims a caller is known by, in the shapes API.md gives them (a sweep from outside, stop 71: a signed token with a
     * {@code sub} of 3,000 characters or holding a line break, a {@code bureau} of {@code <b>x</b>} and a {@code division} of
     * {@code abc} filed and published a case, which then carried them into the public record and the feed): {@code sub} at
     * most {@value Bounds#ID} characters with no control character, {@code bureau} a valid unified social credit code,
     * {@code division} six digits (GB/T 2260), {@code roles} a list of names; each when present.
     */
    static OAuth2TokenValidatorResult claims(Jwt jwt) {
        String sub = jwt.getSubject();
        if (sub != null) {
            java.util.Optional<String> problem = subProblem(sub);
            if (problem.isPresent()) return invalid("The token's sub " + problem.get());
        }
        Object bureau = jwt.getClaims().get("bureau");
        if (bureau != null) {
            if (!(bureau instanceof String code)) return invalid("The token's bureau must be a unified social credit code");
            java.util.Optional<String> problem = Uscc.problem(code);
            if (problem.isPresent()) return invalid("The token's bureau is no valid unified social credit code: " + problem.get());
        }
        Object division = jwt.getClaims().get("division");
        if (division != null && !(division instanceof String code && Division.isFullCode(code))) {
            return invalid("The token's division must be a 6-digit division code (GB/T 2260)");
        }
        Object roles = jwt.getClaims().get("roles");
        if (roles != null && !(roles instanceof java.util.Collection<?> names && names.stream().allMatch(String.class::isInstance))) {
            return invalid("The token's roles must be a list of role names");
        }
        // the bound /dev/tokens keeps (a security sweep, stop 73: a signed token with 300 roles was taken)
        if (roles instanceof java.util.Collection<?> names && names.size() > Bounds.LIST) {
            return invalid("The token's roles must be at most " + Bounds.LIST + " role names");
        }
        return OAuth2TokenValidatorResult.success();
    }

    /**
     * Why a {@code sub} is refused, if it is: the actor the log of record names, so at most {@value Bounds#ID} characters, no
     * control, format (zero-width, bidirectional marks, soft hyphen, tags …), private-use or unassigned character, no space
     * at either end, no combining mark first, and written as Unicode NFKC writes it: one way of writing each name, so that no
     * actor can look like another (security sweeps, stop 75: a zero-width space, ａｄｍｉｎ in full-width letters, ad\u200dmin
     * and 张执法员 with a right-to-left mark each filed cases under that name). {@code /dev/tokens} asks the same.
     */
    public static java.util.Optional<String> subProblem(String sub) {
        if (sub.length() > Bounds.ID) return java.util.Optional.of("must have at most " + Bounds.ID + " characters");
        if (sub.isBlank()) return java.util.Optional.of("must name someone (it is blank)");
        for (int i = 0; i < sub.length(); ) {
            int cp = sub.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.CONTROL) return java.util.Optional.of("must have no control character");
            if (type == Character.FORMAT || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.SURROGATE) {
                return java.util.Optional.of("must have no invisible, private-use or unassigned character (found U+"
                        + String.format("%04X", cp) + ")");
            }
        }
        if (!sub.equals(sub.strip())) return java.util.Optional.of("must not begin or end with a space");
        int first = Character.getType(sub.codePointAt(0));
        if (first == Character.NON_SPACING_MARK || first == Character.COMBINING_SPACING_MARK || first == Character.ENCLOSING_MARK) {
            return java.util.Optional.of("must not begin with a combining mark");
        }
        if (!java.text.Normalizer.isNormalized(sub, java.text.Normalizer.Form.NFKC)) {
            return java.util.Optional.of("must be written as Unicode NFKC writes it (no full-width or other compatibility characters):"
                    + " it names the actor in the log of record");
        }
        // what Text.problem would add is covered above: lone surrogates (SURROGATE), noncharacters (UNASSIGNED), bidirectional
        // controls (FORMAT), a text of blanks only
        return java.util.Optional.empty();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
