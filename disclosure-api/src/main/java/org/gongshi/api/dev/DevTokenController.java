package org.gongshi.api.dev;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.security.Caller;
import org.gongshi.ledger.identity.Uscc;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /dev/tokens}: mints a bearer token so a newcomer can try the API. Exists only in the
 * embedded default (registered by the server when {@code gongshi.security.dev-tokens=true}), which
 * listens on 127.0.0.1 unless {@code server.address} is set.
 */
@RestController
public class DevTokenController {

    private final JwtEncoder encoder;

    public DevTokenController(JwtEncoder encoder) {
        this.encoder = encoder;
    }

    public record TokenRequest(@NotBlank String sub, @NotBlank String bureau,
                               @NotBlank @Pattern(regexp = "\\d{6}", message = "must be a 6-digit division code (GB/T 2260)") String division,
                               @NotEmpty List<String> roles) {}

    @PostMapping("/dev/tokens")
    Map<String, String> token(@Valid @RequestBody TokenRequest request) {
        Uscc.problem(request.bureau()).ifPresent(p -> {
            throw InvalidRequest.of("bureau", p);
        });
        for (String role : request.roles()) {
            if (!Caller.ROLES.contains(role)) throw InvalidRequest.of("roles", "unknown role '" + role + "'; roles are " + Caller.ROLES);
        }
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("gongshi-dev")
                .subject(request.sub())
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(12)))
                .claim("bureau", request.bureau())
                .claim("division", request.division())
                .claim("roles", request.roles())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
        return Map.of("token", token);
    }
}
