package org.gongshi.ledger.disclosure;

import java.time.LocalDate;
import java.util.List;

/**
 * What the ledger knows of a subject's credit beyond one case, as credit repair needs it (SAMR
 * Order 45 Art 14; 国市监信规〔2021〕3号 Art 6): whether it is on a credit list now, and whether it was
 * penalised again. Credit repair asks the ledger through this port and never takes these facts from
 * the request. The server implements it on the subjects' places on the lists and the penalty history;
 * register it as a component the handler parameter resolvers see.
 */
public interface CreditStanding {

    /** The credit lists ({@code ListType} names) on which subject {@code uscc} holds an active entry now; empty when none. */
    List<String> listsHolding(String uscc);

    /**
     * The cases, other than {@code exceptCaseId}, in which {@code subject} received a standing penalty decided after {@code after}:
     * an organisation by its USCC, a natural person by the ID number (outside audit: a natural person penalised again had the
     * first record ended early, the repeat looked up by USCC alone); empty for a subject known by neither.
     */
    List<String> penalisedAfter(org.gongshi.ledger.vocabulary.Party subject, LocalDate after, String exceptCaseId);
}
