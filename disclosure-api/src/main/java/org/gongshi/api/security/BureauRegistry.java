package org.gongshi.api.security;

import java.util.Map;
import java.util.Optional;

/**
 * The bureaus' registration: each bureau's unified social credit code and its registered name, the
 * authority (处罚机关) its public records name (DOMAIN.md, public fields: "the authority's name is
 * required, from the bureau's registration, never free text per request"). Configured as
 * {@code gongshi.bureaus.registered.<USCC>=<name>}. A bureau that is not registered files nothing,
 * except where {@code gongshi.bureaus.unregistered-name} is set (the embedded default only, so a
 * newcomer's token works): a pattern in which {@code {bureau}} stands for the code.
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
}
