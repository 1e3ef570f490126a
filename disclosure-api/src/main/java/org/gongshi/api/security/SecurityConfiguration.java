package org.gongshi.api.security;

import org.gongshi.api.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

import javax.crypto.SecretKey;
import java.nio.file.Path;

/**
 * Bearer-token security for the bureau API (API.md): HS256 JWTs with {@code sub}, {@code bureau},
 * {@code division} and {@code roles}; public pages, the feed and health need no token. 401 and 403
 * answer as RFC 9457 problems.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    public static final String[] WRITER_ROLES = {"officer", "reviewer"};
    /** Operators: dead letters and rebuilds ({@code /api/v1/admin/**}). */
    public static final String ADMIN_ROLE = "admin";

    @Bean
    SecretKey jwtSigningKey(@Value("${gongshi.security.jwt-secret:}") String secret,
                            @Value("${gongshi.security.jwt-secret-file:}") String secretFile) {
        if (!secret.isBlank()) return JwtKeys.fromSecret(secret);
        if (!secretFile.isBlank()) return JwtKeys.fromFile(Path.of(secretFile));
        throw new IllegalStateException("No token key: set gongshi.security.jwt-secret (at least 32 bytes, e.g. env GONGSHI_SECURITY_JWT_SECRET)");
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(SecretKey jwtSigningKey) {
        return NimbusReactiveJwtDecoder.withSecretKey(jwtSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return NimbusJwtEncoder.withSecretKey(jwtSigningKey).algorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http) {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);

        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> Problems.write(exchange, HttpStatus.UNAUTHORIZED,
                "Authentication required", "Send 'Authorization: Bearer <token>' with a valid, unexpired token ("
                        + e.getMessage() + ")");
        ServerAccessDeniedHandler denied = (exchange, e) -> Problems.write(exchange, HttpStatus.FORBIDDEN,
                "Not allowed", "Your token's roles do not allow " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath() + "; commands need the role officer or reviewer, /api/v1/admin the role admin");

        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/v1/cases", "/api/v1/cases/**", "/api/v1/listings", "/api/v1/listings/**")
                        .hasAnyRole(WRITER_ROLES)
                        .pathMatchers("/api/v1/admin/**").hasRole(ADMIN_ROLE)
                        .pathMatchers("/api/v1/public/**").permitAll()
                        .pathMatchers("/api/v1/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(converter)))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .build();
    }
}
