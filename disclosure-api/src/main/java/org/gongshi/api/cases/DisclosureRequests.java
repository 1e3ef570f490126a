package org.gongshi.api.cases;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gongshi.api.limits.Bounds;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.ledger.disclosure.RedactionPolicy;
import org.gongshi.ledger.disclosure.event.WithholdingGround;
import org.hibernate.validator.constraints.CodePointLength;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Bodies of the disclosure (公示) and credit-repair endpoints of a case. */
public final class DisclosureRequests {

    private DisclosureRequests() {
    }

    public enum Action { PUBLISH, WITHHOLD, CORRECT }

    /**
     * PUBLISH (with {@code redactions}: names, addresses, health data to hide), WITHHOLD (a disclosable
     * decision with an enumerated legal {@code ground}: STATE_SECRET, SECURITY_OR_STABILITY or OTHER_LAW,
     * free text only in {@code explanation}; the ledger refuses a disclosable one without), or CORRECT the
     * public record (with a {@code reason} and the corrected fields). {@code decidedOn} is optional:
     * publication and withholding take the day the ledger records them, and a date given must be that day
     * (else 409 {@code recorded-on-its-day}); a correction defaults to today (Asia/Shanghai).
     */
    public record DisclosureRequest(@NotNull Action action, LocalDate decidedOn, WithholdingGround ground,
                                    @CodePointLength(max = Bounds.TEXT) String explanation,
                                    @Size(max = Bounds.LIST, message = Bounds.ITEMS) List<@NotNull @CodePointLength(max = Bounds.TERM) String> redactions,
                                    @CodePointLength(max = Bounds.TEXT) String reason, @CodePointLength(max = Bounds.LABEL) String violationType,
                                    @CodePointLength(max = Bounds.FACTS) String facts, @CodePointLength(max = Bounds.TEXT) String legalBasis,
                                    @CodePointLength(max = Bounds.NAME) String legalRepresentative) {
        void check() {
            for (int i = 0; redactions != null && i < redactions.size(); i++) {
                // an empty term too, which was dropped without a word (a fuzz from outside, stop 78)
                if (!RedactionPolicy.hideable(redactions.get(i))) {
                    throw InvalidRequest.of("redactions[" + i + "]", "must hold a letter or a digit: a term of signs alone (such as *) would"
                            + " hide the record's own masks, not a name");
                }
            }
            // a correction's text replaces the record's: an empty one would leave a public field without its text, where a
            // blank one is refused (a fuzz from outside, stop 78: "facts": "" blanked the record's facts)
            List<InvalidRequest.FieldProblem> empty = new ArrayList<>();
            for (var field : new String[][]{{"violationType", violationType}, {"facts", facts}, {"legalBasis", legalBasis},
                    {"legalRepresentative", legalRepresentative}}) {
                if (field[1] != null && field[1].isEmpty()) {
                    empty.add(new InvalidRequest.FieldProblem(field[0], "must not be empty: leave it out to keep the record's text"));
                }
            }
            if (!empty.isEmpty()) throw new InvalidRequest(empty);
            if (action != Action.WITHHOLD && (ground != null || explanation != null)) {
                throw InvalidRequest.of("ground", "only a WITHHOLD names a ground and its explanation");
            }
            if (action == Action.WITHHOLD && ground != null && (explanation == null || explanation.isBlank())) {
                throw InvalidRequest.of("explanation", "is required with a ground: say which law, regulation or circumstance keeps"
                        + " this decision from the public (the ground itself is one of the list)");
            }
            if (action == Action.CORRECT && (reason == null || reason.isBlank())) {
                throw InvalidRequest.of("reason", "is required to CORRECT a public record");
            }
            if (action == Action.CORRECT && violationType == null && facts == null && legalBasis == null && legalRepresentative == null
                    && (redactions == null || redactions.isEmpty())) {
                throw InvalidRequest.of("facts", "a correction changes at least one of violationType, facts, legalBasis, legalRepresentative or redactions");
            }
        }
    }

    /**
     * 信用修复: the bureau's finding that the harm was removed (SAMR Order 45 Art 14). Payment, a later
     * penalty and a credit listing are checked in the ledger, never taken from the request.
     */
    public record RepairRequest(LocalDate decidedOn, @NotNull Boolean harmRemoved) {}
}
