package org.gongshi.api.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Set;

/** Who is calling, from the bearer token's claims (API.md, "Authentication and roles"). */
public record Caller(String sub, String bureau, String division, Set<String> roles) {

    public static final Set<String> ROLES = Set.of("officer", "reviewer", "supervisor", "auditor", "platform");

    public static Caller of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new Caller(jwt.getSubject(), jwt.getClaimAsString("bureau"), jwt.getClaimAsString("division"),
                roles == null ? Set.of() : Set.copyOf(roles));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Supervisors and auditors read every case under their division prefix. */
    public boolean readsDivision() {
        return has("supervisor") || has("auditor");
    }

    /** The division prefix a supervisor reads: its division code without trailing "00" pairs (110000 → 11). */
    public String divisionPrefix() {
        if (division == null) return null;
        String prefix = division;
        while (prefix.endsWith("00") && prefix.length() > 2) prefix = prefix.substring(0, prefix.length() - 2);
        return prefix;
    }

    public boolean maySee(String caseBureau, String caseDivision) {
        if (bureau != null && bureau.equals(caseBureau)) return true;
        String prefix = divisionPrefix();
        return readsDivision() && prefix != null && caseDivision != null && caseDivision.startsWith(prefix);
    }
}
