package org.gongshi.api.security;

import org.gongshi.api.problem.Forbidden;
import org.gongshi.ledger.identity.Division;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one access policy for reads (API.md, "Authentication and roles"; issue 11 item 3). Every
 * controller that reads private data asks here, and nowhere else, what the caller may see:
 * <ul>
 *   <li>{@code officer}, {@code reviewer}: their own bureau's cases, listings, figures and the
 *       repeated-infringer candidates resting on their own bureau's penalties;</li>
 *   <li>{@code supervisor}, {@code auditor}: everything under their division prefix (110000 reads 11…);</li>
 *   <li>{@code platform}: the public feed only, which needs no token: no private read;</li>
 *   <li>{@code admin}: the admin API and health details: no case or listing read;</li>
 *   <li>no token, or a token without a reading role ({@code roles: []}): public data only.</li>
 * </ul>
 * Commands are decided by the security filter chain ({@link #WRITERS}) and by each aggregate's
 * jurisdiction rule.
 */
public final class Access {

    public static final String OFFICER = "officer", REVIEWER = "reviewer", SUPERVISOR = "supervisor", AUDITOR = "auditor",
            PLATFORM = "platform", ADMIN = "admin";

    /** Every role a token may carry. */
    public static final Set<String> ROLES = Set.of(OFFICER, REVIEWER, SUPERVISOR, AUDITOR, PLATFORM, ADMIN);
    /** Roles that issue bureau commands. */
    public static final String[] WRITERS = {OFFICER, REVIEWER};
    /** Roles that read their own bureau. */
    static final List<String> BUREAU_READERS = List.of(OFFICER, REVIEWER);
    /** Roles that read a division and everything below it. */
    static final List<String> DIVISION_READERS = List.of(SUPERVISOR, AUDITOR);
    /** Roles that read anything private at all (the security chain lets only these reach a private GET). */
    public static final String[] PRIVATE_READERS = {OFFICER, REVIEWER, SUPERVISOR, AUDITOR};

    private Access() {
    }

    /** What a reader lists: a bureau's own records (optionally narrowed to a division), or a division prefix. */
    public record ReadScope(String bureau, Division divisionPrefix) {}

    static boolean readsBureau(Caller caller) {
        return BUREAU_READERS.stream().anyMatch(caller::has) && caller.bureau() != null;
    }

    static boolean readsDivision(Caller caller) {
        return DIVISION_READERS.stream().anyMatch(caller::has) && caller.divisionPrefix() != null;
    }

    /**
     * The scope of a list read (cases, listings, figures, candidates): supervisors and auditors read
     * their division prefix, or a narrower {@code division} they name; officers and reviewers read
     * their bureau's records, optionally narrowed to a division.
     *
     * @throws Forbidden      for a caller without a reading role or the claim it needs, or a division outside its own
     */
    public static ReadScope readScope(Caller caller, Division division) {
        if (readsDivision(caller)) {
            Division own = caller.divisionPrefix();
            Division prefix = division == null ? own : division;
            if (!own.contains(prefix)) {
                throw new Forbidden("Division " + division + " is outside your division " + caller.division());
            }
            return new ReadScope(null, prefix);
        }
        if (readsBureau(caller)) {
            // a bureau's cases lie in its division: another division holds none of them, and an empty answer labelled with it
            // read as that division's figures (outside audit); a prefix of its own division, or a part of it, narrows
            Division own = caller.division() == null ? null : caller.divisionPrefix();
            if (division != null && own != null && !own.contains(division) && !division.contains(own)) {
                throw new Forbidden("Division " + division + " is outside your bureau's division " + caller.division());
            }
            // a prefix that holds the bureau's whole division narrows nothing: the answer is the bureau's, not labelled with a
            // division it did not read (outside audit: an officer's ?division=11 answered figures labelled "division":"11")
            return new ReadScope(caller.bureau(), division != null && own != null && division.contains(own) ? null : division);
        }
        throw noReadingRole(caller);
    }

    /** Whether the caller may read one record of {@code bureau} in {@code division}. */
    public static boolean maySee(Caller caller, String bureau, String division) {
        if (readsBureau(caller) && caller.bureau().equals(bureau)) return true;
        return readsDivision(caller) && division != null && caller.divisionPrefix().contains(division);
    }

    /**
     * Checks a read of one record ({@code what}, e.g. "Case 42"); a caller without any reading role is
     * told so, a reader outside the record's scope that it belongs to another bureau.
     */
    public static void checkRead(Caller caller, String what, String bureau, String division) {
        requireReader(caller);
        if (!maySee(caller, bureau, division)) {
            // a bureau's reader sees its own bureau's records; a supervisor or auditor its division's (outside audit: a reader of
            // another bureau in the same division was told the record lay outside its division)
            throw new Forbidden(what + (Objects.equals(caller.division(), division) || caller.division() != null && division != null
                    && division.startsWith(caller.division()) ? " belongs to another bureau; a bureau reads its own records"
                    : " belongs to another bureau outside your division"));
        }
    }

    /**
     * Refuses, before anything is looked up, a caller that reads no audit history: only auditors and
     * supervisors (with a division claim) do (issue 12 item 1).
     */
    public static Caller requireAuditor(Caller caller) {
        if (!readsDivision(caller)) {
            throw new Forbidden("Audit histories need the role auditor or supervisor with a division claim; your token's roles are "
                    + caller.roles().stream().sorted().toList());
        }
        return caller;
    }

    /** Checks an audit read of one record ({@code what}, e.g. "Case 42") in {@code division}: the caller's division and below only. */
    public static void checkAudit(Caller caller, String what, String division) {
        requireAuditor(caller);
        if (division == null || !caller.divisionPrefix().contains(division)) {
            throw new Forbidden(what + " is outside your division " + caller.division());
        }
    }

    /** Refuses, before anything is looked up, a caller that reads no private data at all. */
    public static Caller requireReader(Caller caller) {
        if (!readsBureau(caller) && !readsDivision(caller)) throw noReadingRole(caller);
        return caller;
    }

    private static Forbidden noReadingRole(Caller caller) {
        return new Forbidden("Your token's roles " + caller.roles().stream().sorted().toList()
                + " read no private data: officers and reviewers read their bureau (with a bureau claim), supervisors and"
                + " auditors their division (with a division claim); platforms read the public feed");
    }
}
