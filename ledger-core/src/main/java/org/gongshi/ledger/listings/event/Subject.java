package org.gongshi.ledger.listings.event;

import org.gongshi.ledger.identity.Uscc;

import java.util.ArrayList;
import java.util.List;

/** The listed subject: an organisation, identified by its unified social credit code (GB 32100-2015). */
public record Subject(String name, String uscc) {

    /** The identifier problems of this subject, as {@code field: message}; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) problems.add("subject.name: is required");
        Uscc.problem(uscc).ifPresent(p -> problems.add("subject.uscc: " + p));
        return problems;
    }
}
