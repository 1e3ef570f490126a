package org.gongshi.api.security;

import org.gongshi.ledger.identity.Division;

import java.util.Map;
import java.util.Optional;

/**
 * The bureaus' registration: each bureau's unified social credit code and its registered name, the
 * authority (处罚机关) its public records name (DOMAIN.md, public fields: "the authority's name is
 * required, from the bureau's registration, never free text per request"). Configured as
 * {@code gongshi.bureaus.registered.<USCC>=<name>}. A bureau that is not registered files nothing,
 * except where {@code gongshi.bureaus.unregistered-name} is set (the embedded default only, so a
 * newcomer's token works): a pattern in which {@code {bureau}} stands for the code.
 *
 * <p>A registered bureau acts in the division its code was issued in: a unified social credit code carries, in its
 * characters 3 to 8, the division of the body that registered it (GB 32100, 登记管理机关行政区划码). A token of a
 * registered bureau may claim that division or one within it (a branch registered by its city acts in a district of
 * it), never one outside it: a case filed under another's division left its supervisor's view and counted in
 * another's figures (a sweep from outside, stop 84).
 */
public record BureauRegistry(Map<String, String> registered, String unregisteredName) {

    /**
     * Refuses a registration that would break filings later (a sweep from outside, stop 72: an empty name started, and each of
     * the bureau's filings was then told to "name the authority"; a key that is no USCC registered nobody).
     */
    public BureauRegistry {
        registered.forEach((uscc, name) -> {
            if (!org.gongshi.ledger.identity.Uscc.isValid(uscc)) {
                throw new IllegalArgumentException("gongshi.bureaus.registered." + uscc + ": the key is a bureau's unified social credit"
                        + " code (18 characters, valid check digits), and " + uscc + " is none");
            }
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("gongshi.bureaus.registered." + uscc + " is empty: give the bureau's registered name,"
                        + " which its public records name as their authority (处罚机关)");
            }
        });
        registered = Map.copyOf(registered);
        unregisteredName = unregisteredName == null || unregisteredName.isBlank() ? null : unregisteredName;
    }

    /** The registered name of {@code bureau}, or empty when it is not registered (and no pattern stands in). */
    public Optional<String> authorityName(String bureau) {
        if (bureau == null) return Optional.empty();
        String name = registered.get(bureau);
        if (name != null) return Optional.of(name);
        return Optional.ofNullable(unregisteredName).map(pattern -> pattern.replace("{bureau}", bureau));
    }

    /** The division a registered bureau's code was issued in (its characters 3 to 8), or empty when it is not registered. */
    public Optional<Division> registeredIn(String bureau) {
        if (bureau == null || !registered.containsKey(bureau)) return Optional.empty();
        return Optional.of(bureau.substring(2, 2 + Division.MAX_DIGITS)).filter(Division::isFullCode).map(code -> new Division(code).region());
    }

    /**
     * Why a token of a registered bureau may not act or read as the bureau, if it may not: its division lies outside the one
     * the bureau's code was issued in ({@link BureauDivisionGuard} refuses it on every private path).
     */
    public Optional<String> divisionProblem(Caller caller) {
        if (caller.division() == null && registeredIn(caller.bureau()).isPresent()) {
            // said as missing, not as "division null" (a re-test from outside, stop 85)
            return Optional.of("The token has no division claim: a token of bureau " + caller.bureau() + " names the bureau's division"
                    + " (API.md, claims), " + caller.bureau().substring(2, 2 + Division.MAX_DIGITS) + " or one within it");
        }
        return registeredIn(caller.bureau()).filter(region -> !region.contains(caller.division())).map(region ->
                "The token's division " + caller.division() + " lies outside bureau " + caller.bureau()
                        + "'s: its unified social credit code was issued in division " + caller.bureau().substring(2, 2 + Division.MAX_DIGITS)
                        + " (characters 3 to 8, GB 32100), and a bureau acts and reads in that division or one within it; ask for a"
                        + " token with the bureau's own division");
    }
}
