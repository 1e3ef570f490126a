package org.gongshi.api.dev;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gongshi.api.limits.Bounds;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.security.Access;
import org.gongshi.api.security.BureauRegistry;
import org.gongshi.api.security.Caller;
import org.gongshi.api.security.TokenRules;
import org.hibernate.validator.constraints.CodePointLength;
import org.springframework.beans.factory.annotation.Value;
import org.gongshi.ledger.identity.Uscc;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /dev/tokens}: mints a bearer token so a newcomer can try the API. Exists only in the
 * embedded default (registered by the server when {@code gongshi.security.dev-tokens=true}), and only
 * on a server that listens on a loopback address: with any other {@code server.address}, or none
 * (every interface), the application refuses to start. Tokens follow {@link TokenRules}: they expire
 * within the maximum lifetime and carry the configured issuer and audience.
 */
@RestController
public class DevTokenController {

    private final JwtEncoder encoder;
    private final TokenRules rules;
    /** The bureaus' registration, where the node serves the API (a node that only generates a ledger has none). */
    private final org.springframework.beans.factory.ObjectProvider<BureauRegistry> bureaus;

    public DevTokenController(JwtEncoder encoder, TokenRules tokenRules, org.springframework.beans.factory.ObjectProvider<BureauRegistry> bureaus,
                              @Value("${server.address:}") String serverAddress) {
        requireLoopback(serverAddress);
        this.encoder = encoder;
        this.rules = tokenRules;
        this.bureaus = bureaus;
    }

    /** /dev/tokens mints any role for anyone who can reach it: only processes on this machine may. */
    public static void requireLoopback(String serverAddress) {
        String refusal = "gongshi.security.dev-tokens=true mints tokens for anyone who can reach the server, so it needs"
                + " server.address to be a loopback address (127.0.0.1 or ::1)";
        if (serverAddress == null || serverAddress.isBlank()) {
            throw new IllegalStateException(refusal + "; server.address is not set, so the server would listen on every interface."
                    + " Set server.address=127.0.0.1, or gongshi.security.dev-tokens=false");
        }
        boolean loopback;
        try {
            InetAddress[] addresses = InetAddress.getAllByName(serverAddress.strip());
            loopback = Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new IllegalStateException(refusal + "; server.address is " + serverAddress
                    + ". Set server.address=127.0.0.1, or gongshi.security.dev-tokens=false");
        }
    }

    public record TokenRequest(@NotBlank @CodePointLength(max = Bounds.ID) String sub, @NotBlank @CodePointLength(max = Bounds.ID) String bureau,
                               @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit division code (GB/T 2260)") String division,
                               @NotEmpty @Size(max = Bounds.LIST, message = Bounds.ITEMS) List<@NotNull String> roles) {}

    @PostMapping("/dev/tokens")
    Map<String, String> token(ServerHttpRequest http, @Valid @RequestBody TokenRequest request) {
        DevCallers.require(http, "/dev/tokens");
        // never a token the ledger would then refuse (a re-test from outside, stop 75: ａｄｍｉｎ was minted, then 401)
        TokenRules.subProblem(request.sub()).ifPresent(p -> {
            throw InvalidRequest.of("sub", p);
        });
        Uscc.problem(request.bureau()).ifPresent(p -> {
            throw InvalidRequest.of("bureau", p);
        });
        for (String role : request.roles()) {
            if (!Access.ROLES.contains(role)) {
                throw InvalidRequest.of("roles", "unknown role '" + role + "'; roles are " + Access.ROLES.stream().sorted().toList());
            }
        }
        // nor a bureau's token outside the bureau's division, which every private path then refuses (BureauDivisionGuard)
        java.util.Optional.ofNullable(bureaus.getIfAvailable())
                .flatMap(registry -> registry.divisionProblem(new Caller(request.sub(), request.bureau(), request.division(), java.util.Set.copyOf(request.roles()))))
                .filter(problem -> request.roles().contains(Access.OFFICER) || request.roles().contains(Access.REVIEWER))
                .ifPresent(problem -> {
                    throw InvalidRequest.of("division", problem);
                });
        Instant now = Instant.now();
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder();
        if (rules.audience() != null) builder.audience(List.of(rules.audience()));
        JwtClaimsSet claims = builder
                .issuer(rules.issuer() != null ? rules.issuer() : "gongshi-dev")
                .subject(request.sub())
                .issuedAt(now)
                .expiresAt(now.plus(rules.maxLifetime()))
                .claim("bureau", request.bureau())
                .claim("division", request.division())
                .claim("roles", request.roles())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
        return Map.of("token", token);
    }
}
