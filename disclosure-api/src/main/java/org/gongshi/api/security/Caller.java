package org.gongshi.api.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Set;

/** Who is calling, from the bearer token's claims (API.md, "Authentication and roles"). */
public record Caller(String sub, String bureau, String division, Set<String> roles) {

    public static final Set<String> ROLES = Set.of("officer", "reviewer", "supervisor", "auditor", "platform", "admin");

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

    /** What a reader lists: a bureau's own records (optionally narrowed to a division), or a division prefix. */
    public record ReadScope(String bureau, String divisionPrefix) {}

    /**
     * The scope of a list read: supervisors and auditors read their division prefix, or a narrower
     * {@code division} they name; a bureau's officers read their bureau's records.
     *
     * @throws org.gongshi.api.problem.InvalidRequest for a malformed division
     * @throws org.gongshi.api.problem.Forbidden      for a division outside the caller's, or a token without the claim
     */
    public ReadScope readScope(String division) {
        if (division != null && !division.matches("\\d{1,6}")) {
            throw org.gongshi.api.problem.InvalidRequest.of("division", "must be a division code or prefix of 1 to 6 digits (GB/T 2260)");
        }
        if (readsDivision()) {
            String own = divisionPrefix();
            if (own == null) throw new org.gongshi.api.problem.Forbidden("The token has no division claim");
            String prefix = division == null ? own : division;
            if (!prefix.startsWith(own)) throw new org.gongshi.api.problem.Forbidden("Division " + division + " is outside your division " + this.division);
            return new ReadScope(null, prefix);
        }
        if (bureau == null) throw new org.gongshi.api.problem.Forbidden("The token has no bureau claim");
        return new ReadScope(bureau, division);
    }

    public boolean maySee(String caseBureau, String caseDivision) {
        if (bureau != null && bureau.equals(caseBureau)) return true;
        String prefix = divisionPrefix();
        return readsDivision() && prefix != null && caseDivision != null && caseDivision.startsWith(prefix);
    }
}
