package org.gongshi.api.security;

import org.gongshi.api.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;

import org.springframework.http.HttpCookie;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import javax.crypto.SecretKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Bearer-token security for the bureau API (API.md): HS256 JWTs with {@code sub}, {@code bureau},
 * {@code division} and {@code roles}, checked by {@link TokenRules}; public pages, the feed and health
 * need no token. Commands need a writer role, private reads a reading role ({@link Access} decides the
 * scope), the admin API the role admin. Every response carries a strict Content-Security-Policy and
 * the usual nosniff / frame / referrer headers. 401 and 403 answer as RFC 9457 problems.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecretKey jwtSigningKey(@Value("${gongshi.security.jwt-secret:}") String secret,
                            @Value("${gongshi.security.jwt-secret-file:}") String secretFile) {
        if (!secret.isBlank()) return JwtKeys.fromSecret(secret);
        if (!secretFile.isBlank()) return JwtKeys.fromFile(Path.of(secretFile));
        // named as the distributed profile and compose take it (a deployer's sweep, stop 80: this named another variable)
        throw new IllegalStateException("No token key: set GONGSHI_JWT_SECRET (gongshi.security.jwt-secret), the identity provider's"
                + " HS256 secret of at least 32 bytes, used as its UTF-8 text (not base64-decoded)");
    }

    @Bean
    TokenRules tokenRules(@Value("${gongshi.security.jwt-max-lifetime:PT12H}") Duration maxLifetime,
                          @Value("${gongshi.security.jwt-issuer:}") String issuer,
                          @Value("${gongshi.security.jwt-audience:}") String audience,
                          @Value("${gongshi.security.jwt-clock-skew:PT60S}") Duration clockSkew) {
        return new TokenRules(maxLifetime, issuer, audience, clockSkew);
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecretKey jwtSigningKey, TokenRules tokenRules) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(jwtSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(tokenRules.validator(Clock.systemUTC()));
        // Spring's claim converter makes up an iat of exp minus a second for a token without one; TokenRules counts such a
        // token's lifetime from now (README), and the made-up iat read as one in the future: the token was refused
        MappedJwtClaimSetConverter defaults = MappedJwtClaimSetConverter.withDefaults(java.util.Map.of());
        decoder.setClaimSetConverter(claims -> {
            java.util.Map<String, Object> converted = defaults.convert(claims);
            if (claims.containsKey(JwtClaimNames.IAT) || converted == null) return converted;
            java.util.Map<String, Object> withoutIat = new java.util.HashMap<>(converted);
            withoutIat.remove(JwtClaimNames.IAT);
            return withoutIat;
        });
        return decoder;
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return NimbusJwtEncoder.withSecretKey(jwtSigningKey).algorithm(MacAlgorithm.HS256).build();
    }

    /**
     * The token from {@code Authorization: Bearer}, or, for the auditor's pages under /audit/ only, from the
     * cookie {@code /audit/login} set (a browser cannot send the header).
     */
    static ServerAuthenticationConverter bearerOrAuditCookie() {
        ServerBearerTokenAuthenticationConverter header = new ServerBearerTokenAuthenticationConverter();
        return exchange -> header.convert(exchange).switchIfEmpty(Mono.defer(() -> {
            if (!exchange.getRequest().getPath().value().startsWith("/audit/")) return Mono.empty();
            HttpCookie cookie = exchange.getRequest().getCookies().getFirst(AUDIT_COOKIE);
            return cookie == null || cookie.getValue().isBlank() ? Mono.empty()
                    : Mono.just(new BearerTokenAuthenticationToken(cookie.getValue()));
        }));
    }

    /** The audit pages' cookie (the audit feature's AuditPagesController sets it under this name). */
    public static final String AUDIT_COOKIE = "gongshi_audit_token";

    /**
     * Spring Security's strict firewall, with one allowance: a slash encoded in a path segment ({@code %2F}). A republished
     * record's id holds a slash ({@code <decisionId>/2}); a client that fills {@code /penalties/{recordId}} from a URI
     * template encodes it, and was refused with an empty 400 (audit). Routes match on the segments as sent, so an encoded
     * slash never reaches another route; encoded periods, backslashes and the rest stay refused.
     */
    @Bean
    org.springframework.security.web.server.firewall.ServerWebExchangeFirewall exchangeFirewall() {
        var firewall = new org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        // its own rules, tested a character at a time (its regular expressions were 4.6 % of the server's CPU under load)
        firewall.setAllowedHeaderNames(FirewallCharacters.NAMES);
        firewall.setAllowedHeaderValues(FirewallCharacters.HEADER_VALUES);
        firewall.setAllowedParameterNames(FirewallCharacters.NAMES);
        return firewall;
    }

    /**
     * No observation of Spring Security's filters, authentications and authorizations: with the actuator's registry it wrapped
     * every filter of every request in one (5.2 % of the server's CPU samples under 8 clients writing commands, a JFR of stop
     * 86), for spans nobody collects and timers nothing reads. The requests' own metrics ({@code http.server.requests}) stay.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /** The open doors inside the areas that need a token: public answers, the event ledger's tree, the audit sign-in and sign-out. */
    static final ServerWebExchangeMatcher OPEN_INSIDE = new OrServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers("/api/v1/public/**"),
            // the event ledger's tree heads, checkpoints and proofs are public, as the feed's (no personal data in leaves)
            // and witnesses hand in cosignatures there unauthenticated: each is checked against the witness keys
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/api/v1/audit/ledger/**"),
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/v1/audit/ledger/checkpoint/cosignatures"),
            ServerWebExchangeMatchers.pathMatchers("/audit/login"),
            // signing out needs no token that still verifies: one expired or revoked is cleared all the same
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/audit/logout"),
            // the audit area's own address and a sign-out link followed lead to the sign-in form (a re-test from outside, stop 79:
            // they answered a browser with a JSON 401 and 405)
            ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/audit", "/audit/", "/audit/logout"));
    /** The areas that need a token: the bureau API, the auditor's pages, the operators' metrics. */
    static final ServerWebExchangeMatcher TOKEN_AREAS = ServerWebExchangeMatchers.pathMatchers("/api/v1/**", "/audit/**",
            "/actuator/metrics", "/actuator/metrics/**");

    /**
     * Whether anyone may use this request without a token: outside the token areas, or at an open door inside them. A
     * token sent there that does not verify (expired, garbled, another issuer's) is ignored and the request answered as
     * the public's, not refused (API.md: public endpoints need no token; a credit platform whose token ran out still reads
     * the feed, a browser with a stale header still sees the pages). A valid token still counts there (health details).
     */
    static Mono<Boolean> open(ServerWebExchange exchange) {
        return OPEN_INSIDE.matches(exchange).flatMap(inside -> inside.isMatch() ? Mono.just(true)
                : TOKEN_AREAS.matches(exchange).map(area -> !area.isMatch()));
    }

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);

        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> {
            if (exchange.getRequest().getPath().value().startsWith("/audit/")) return redirectToLogin(exchange);
            exchange.getResponse().getHeaders().set(org.springframework.http.HttpHeaders.WWW_AUTHENTICATE, challenge(e));
            return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Send 'Authorization: Bearer <token>' with a valid, unexpired token (" + e.getMessage() + ")");
        };
        ServerAccessDeniedHandler denied = (exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                "Not allowed", "Your token's roles do not allow " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath() + ": commands need the role officer or reviewer; reads need officer or"
                        + " reviewer (own bureau), supervisor or auditor (own division); the admin API needs admin");

        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(org.gongshi.api.problem.SecurityHeaders.CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(exchanges -> exchanges
                        .matchers(OPEN_INSIDE).permitAll()
                        .pathMatchers("/api/v1/admin/**").hasRole(Access.ADMIN)
                        // processor names, lags and command counts are operators' data, like health details
                        .pathMatchers("/actuator/metrics", "/actuator/metrics/**").hasRole(Access.ADMIN)
                        .pathMatchers(HttpMethod.POST, "/api/v1/cases", "/api/v1/cases/**", "/api/v1/listings", "/api/v1/listings/**")
                        .hasAnyRole(Access.WRITERS)
                        .pathMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole(Access.PRIVATE_READERS)
                        .pathMatchers("/api/v1/**").authenticated()
                        // the auditor's pages: the login form is open (OPEN_INSIDE), the rest needs the token (header or audit cookie)
                        .pathMatchers("/audit/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(oauth -> oauth
                        .bearerTokenConverter(bearerOrAuditCookie())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter)))
                        .authenticationEntryPoint(unauthenticated)
                        .authenticationFailureHandler((filter, e) -> open(filter.getExchange()).flatMap(open -> open
                                ? filter.getChain().filter(filter.getExchange()) : unauthenticated.commence(filter.getExchange(), e)))
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .build();
    }

    /**
     * The challenge of a 401 (RFC 9110 §11.6.1, RFC 6750 §3): the scheme, and {@code error="invalid_token"} when a token was sent
     * and refused (outside audit: a 401 named no scheme).
     */
    static String challenge(org.springframework.security.core.AuthenticationException e) {
        String error = e instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException oauth
                && oauth.getError() != null && oauth.getError().getErrorCode() != null ? oauth.getError().getErrorCode() : null;
        return "Bearer realm=\"gongshi\"" + (error == null || !error.matches("[a-z_]{1,40}") ? "" : ", error=\"" + error + "\"");
    }

    /**
     * A request Spring Security's firewall refuses (an encoded {@code ..} or {@code /} in the path, {@code ;} parameters, a
     * {@code //}, TRACE …) is answered as every other refusal: a problem with the security headers, before any filter that writes
     * them has run (outside audit: an empty 400 with no Content-Type and no headers).
     */
    @Bean
    org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler firewallRefusal() {
        return (exchange, rejected) -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            org.gongshi.api.problem.SecurityHeaders.ALL.forEach(headers::set);
            headers.setCacheControl("no-store");
            if (org.gongshi.api.problem.BrowserPages.browsing(exchange)) return org.gongshi.api.problem.BrowserPages.writeBadPath(exchange);
            return Problems.write(exchange, HttpStatus.BAD_REQUEST, "Request refused", Problems.FIREWALL_REFUSAL);
        };
    }

    /** An unauthenticated browser on an audit page goes to the login form, and back after it. */
    private static Mono<Void> redirectToLogin(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
        // a token that was sent and did not verify (garbled, expired, another issuer's) is said on the form, which otherwise
        // came back as it was and the auditor went round in a loop (an auditor's sweep)
        HttpCookie sent = exchange.getRequest().getCookies().getFirst(AUDIT_COOKIE);
        boolean rejected = sent != null && !sent.getValue().isBlank()
                || exchange.getRequest().getHeaders().getFirst(org.springframework.http.HttpHeaders.AUTHORIZATION) != null;
        // the page asked for, with the instant it was asked as of, where the form leads after the sign-in (checked again there)
        String page = exchange.getRequest().getPath().value();
        String asOf = exchange.getRequest().getQueryParams().getFirst("asOf");
        String next = AuditNext.safe(asOf == null ? page : page + "?asOf=" + asOf);
        if (next.equals("/audit/login")) next = AuditNext.safe(page);
        exchange.getResponse().getHeaders().setLocation(java.net.URI.create("/audit/login?next="
                + AuditNext.parameter(next) + (rejected ? "&rejected=true" : "")));
        return exchange.getResponse().setComplete();
    }
}
