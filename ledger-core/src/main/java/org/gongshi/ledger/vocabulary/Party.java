package org.gongshi.ledger.vocabulary;

import org.gongshi.ledger.identity.ResidentIdNumber;
import org.gongshi.ledger.identity.Uscc;
import org.gongshi.ledger.privacy.MaybePersonal;
import org.gongshi.ledger.privacy.PersonalData;

import java.util.ArrayList;
import java.util.List;

/**
 * 当事人: the party of a case. Organisations carry a unified social credit code ({@code uscc}),
 * natural persons a resident ID number ({@code idNumber}). A natural person's name and ID number are
 * personal data: sealed in the event store with the case's key.
 */
public record Party(PartyKind kind, @PersonalData String name, String uscc, @PersonalData String idNumber, String legalRepresentative)
        implements MaybePersonal {

    @Override
    public boolean personal() {
        return kind == PartyKind.NATURAL_PERSON;
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    /** Whether this party's personal data was shredded (its data subject's key deleted). */
    public boolean shredded() {
        return PersonalData.SHREDDED.equals(name) || PersonalData.SHREDDED.equals(idNumber);
    }

    /** The identifier problems of this party, as {@code field: message}; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (kind == null) problems.add("party.kind: is required");
        if (name == null || name.isBlank()) problems.add("party.name: is required");
        if (kind != null && kind.isOrganisation()) {
            Uscc.problem(uscc).ifPresent(p -> problems.add("party.uscc: " + p));
            // a person's ID number on an organisation would be stored as no personal data (unsealed, never shredded)
            if (given(idNumber)) problems.add("party.idNumber: an organisation is identified by its uscc; send a resident ID number"
                    + " only for kind NATURAL_PERSON");
        }
        if (kind == PartyKind.NATURAL_PERSON) {
            ResidentIdNumber.problem(idNumber).ifPresent(p -> problems.add("party.idNumber: " + p));
            if (given(uscc)) problems.add("party.uscc: a natural person has no unified social credit code; for a business send its kind"
                    + " (INDIVIDUAL_BUSINESS, LEGAL_PERSON, OTHER_ORGANIZATION)");
            if (given(legalRepresentative)) problems.add("party.legalRepresentative: only an organisation has a legal representative");
        }
        return problems;
    }
}
