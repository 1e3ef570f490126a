package org.gongshi.api.security;

import org.springframework.security.oauth2.jwt.Jwt;
import java.util.List;
import java.util.Set;

import org.gongshi.ledger.identity.Division;

/**
 * Who is calling, from the bearer token's claims (API.md, "Authentication and roles"). What the
 * caller may read is decided by {@link Access}.
 */
public record Caller(String sub, String bureau, String division, Set<String> roles) {

    public static Caller of(Jwt jwt) {
        if (jwt == null) return new Caller(null, null, null, Set.of());
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new Caller(jwt.getSubject(), jwt.getClaimAsString("bureau"), jwt.getClaimAsString("division"),
                roles == null ? Set.of() : Set.copyOf(roles));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /**
     * The division prefix a supervisor or auditor reads: the region of its division code
     * (110000 → 11), or null when the token has no valid division claim.
     */
    public Division divisionPrefix() {
        if (!Division.isFullCode(division)) return null;
        return new Division(division).region();
    }
}
