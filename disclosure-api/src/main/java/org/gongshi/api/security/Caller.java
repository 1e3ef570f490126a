package org.gongshi.api.security;

import org.springframework.security.oauth2.jwt.Jwt;
import java.util.List;
import java.util.Set;

import org.gongshi.api.problem.Forbidden;
import org.gongshi.ledger.identity.Division;

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

    /** The division a supervisor reads: the region of its division code (110000 → 11), or null without the claim. */
    public Division divisionPrefix() {
        if (division == null) return null;
        if (Division.problem(division).isPresent()) throw new Forbidden("The token's division claim is not a division code");
        return new Division(division).region();
    }

    /** What a reader lists: a bureau's own records (optionally narrowed to a division), or a division prefix. */
    public record ReadScope(String bureau, Division divisionPrefix) {}

    /**
     * The scope of a list read: supervisors and auditors read their division prefix, or a narrower
     * {@code division} they name (null: none named); a bureau's officers read their bureau's records.
     *
     * @throws Forbidden for a division outside the caller's, or a token without the claim
     */
    public ReadScope readScope(Division division) {
        if (readsDivision()) {
            Division own = divisionPrefix();
            if (own == null) throw new Forbidden("The token has no division claim");
            Division prefix = division == null ? own : division;
            if (!own.contains(prefix)) throw new Forbidden("Division " + division + " is outside your division " + this.division);
            return new ReadScope(null, prefix);
        }
        if (bureau == null) throw new Forbidden("The token has no bureau claim");
        return new ReadScope(bureau, division);
    }

    public boolean maySee(String caseBureau, String caseDivision) {
        if (bureau != null && bureau.equals(caseBureau)) return true;
        if (!readsDivision()) return false;
        Division prefix = divisionPrefix();
        return prefix != null && prefix.contains(caseDivision);
    }
}
