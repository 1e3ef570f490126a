package org.gongshi.api.cases;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.gongshi.api.limits.Bounds;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.InvalidRequest.FieldProblem;
import org.gongshi.ledger.cases.DecisionKind;
import org.gongshi.ledger.cases.event.ChallengeKind;
import org.gongshi.ledger.cases.event.DismissalReason;
import org.gongshi.ledger.cases.event.ExtensionApproval;
import org.gongshi.ledger.vocabulary.IpType;
import org.gongshi.ledger.vocabulary.Party;
import org.gongshi.ledger.vocabulary.PartyKind;
import org.gongshi.ledger.cases.event.PauseReason;
import org.gongshi.ledger.vocabulary.Penalty;
import org.gongshi.ledger.vocabulary.PenaltyType;
import org.gongshi.ledger.vocabulary.Procedure;
import org.gongshi.ledger.cases.event.RevisionBy;
import org.gongshi.ledger.vocabulary.RevisionKind;
import org.hibernate.validator.constraints.CodePointLength;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The request bodies of the case endpoints (API.md), with their field rules. */
public final class CaseRequests {

    private CaseRequests() {
    }

    public record PartyRequest(@NotNull PartyKind kind, @NotBlank @CodePointLength(max = Bounds.NAME) String name, @CodePointLength(max = Bounds.ID) String uscc,
                               @CodePointLength(max = Bounds.ID) String idNumber, @CodePointLength(max = Bounds.NAME) String legalRepresentative) {
        /** The party, its names without the spaces at their ends (a re-test from outside: " 北京空格有限公司 " was published so). */
        Party toParty() {
            return new Party(kind, name == null ? null : name.strip(), uscc, idNumber, legalRepresentative == null ? null : legalRepresentative.strip());
        }
    }

    public record FileCaseRequest(@NotNull LocalDate filedOn, @NotNull IpType ipType,
                                  @NotBlank @CodePointLength(max = Bounds.LABEL) String violationType, @NotNull Procedure procedure,
                                  @NotBlank @CodePointLength(max = Bounds.LABEL) String source, @NotNull @Valid PartyRequest party,
                                  @CodePointLength(max = Bounds.NAME) String authorityName, LocalDate actOn) {
        void check() {
            List<FieldProblem> problems = new ArrayList<>();
            if (actOn != null && actOn.isAfter(filedOn)) {
                problems.add(new FieldProblem("actOn", "is the day the act was committed, on or before filedOn " + filedOn + ", not " + actOn));
            }
            for (String p : party.toParty().problems()) {
                int colon = p.indexOf(": ");
                problems.add(new FieldProblem(p.substring(0, colon), p.substring(colon + 2)));
            }
            InvalidRequest.refuseIfAny(problems);
        }
    }

    public record PenaltyRequest(@NotNull PenaltyType type,
                                 @DecimalMin(value = "0.01", message = "must be at least 0.01 yuan")
                                 @DecimalMax(value = Bounds.YUAN_MAX, message = Bounds.YUAN_MAX_MESSAGE) @Digits(integer = 13, fraction = 2) BigDecimal amount,
                                 @CodePointLength(max = Bounds.TEXT) String description, LocalDate until) {
        Penalty toPenalty() {
            return new Penalty(type, amount, description, until);
        }
    }

    /**
     * The penalties of a notice, decision or revision. API.md names {@code until} beside {@code penalties}, the last day of a
     * suspension's or restriction's term, and README inside each item: a body may give it either way. Given beside them, it is
     * the term of every suspension and restriction that names none of its own (a sweep from outside, stop 78: an integrator
     * reading API.md sent it there and was refused); given where no penalty has a term, or unlike an item's own, it is a 400.
     */
    static List<Penalty> penalties(String field, List<PenaltyRequest> requests, LocalDate until) {
        List<FieldProblem> problems = new ArrayList<>();
        if (until != null) {
            if (requests.stream().noneMatch(p -> p.type().hasTerm())) {
                problems.add(new FieldProblem("until", "is the last day of a suspension's or restriction's term; none of " + field + " has a term"));
            }
            for (int i = 0; i < requests.size(); i++) {
                PenaltyRequest p = requests.get(i);
                if (p.type().hasTerm() && p.until() != null && !p.until().equals(until)) {
                    problems.add(new FieldProblem(field + "[" + i + "].until", "is " + p.until() + ", but until beside the penalties is "
                            + until + ": give one term, or each in its penalty"));
                }
            }
            InvalidRequest.refuseIfAny(problems);
            requests = requests.stream().map(p -> p.type().hasTerm() && p.until() == null
                    ? new PenaltyRequest(p.type(), p.amount(), p.description(), until) : p).toList();
        }
        for (int i = 0; i < requests.size(); i++) {
            PenaltyRequest p = requests.get(i);
            if (p.type().isMonetary() && p.amount() == null) {
                problems.add(new FieldProblem(field + "[" + i + "].amount", "is required for " + p.type() + " (yuan, at most 2 decimals)"));
            }
            if (p.type().hasTerm() && p.until() == null) {
                problems.add(new FieldProblem(field + "[" + i + "].until", "is required for " + p.type() + ": the last day of its term"));
            }
            if (!p.type().hasTerm() && p.until() != null) {
                problems.add(new FieldProblem(field + "[" + i + "].until", "must be empty for " + p.type() + "; only suspensions and restrictions have a term"));
            }
            if (!p.type().isMonetary() && p.amount() != null) {
                problems.add(new FieldProblem(field + "[" + i + "].amount", "must be empty for " + p.type() + "; only fines and confiscations carry an amount"));
            }
        }
        InvalidRequest.refuseIfAny(problems);
        return requests.stream().map(PenaltyRequest::toPenalty).toList();
    }

    public record ExtensionRequest(@NotNull ExtensionApproval approval, @NotNull LocalDate approvedOn,
                                   @Positive @Max(365) Integer days, LocalDate newDeadline,
                                   @NotBlank @CodePointLength(max = Bounds.TEXT) String reason) {
        void check() {
            if (approval == ExtensionApproval.COLLECTIVE && newDeadline == null) {
                throw InvalidRequest.of("newDeadline", "is required for a COLLECTIVE extension: name the new deadline");
            }
            if (approval == ExtensionApproval.COLLECTIVE && days != null) {
                throw InvalidRequest.of("days", "a COLLECTIVE decision names its new date (newDeadline), not days: leave days out");
            }
            if (approval == ExtensionApproval.HEAD && newDeadline != null) {
                throw InvalidRequest.of("newDeadline", "only a COLLECTIVE decision names a new date; the head extends by days");
            }
        }
    }

    public enum ClockAction { PAUSE, RESUME }

    public record ClockRequest(@NotNull ClockAction action, @NotNull LocalDate on, PauseReason reason, @CodePointLength(max = Bounds.TEXT) String note) {
        void check() {
            if (action == ClockAction.PAUSE && reason == null) {
                throw InvalidRequest.of("reason", "is required to pause the clock: one of SUSPENSION, HEARING, PUBLIC_ANNOUNCEMENT, TESTING_OR_APPRAISAL, RIGHTS_HOLDER_IDENTIFICATION");
            }
        }
    }

    /** {@code until}: as {@link #penalties(String, List, LocalDate)} takes it. */
    public record NoticeRequest(@NotNull LocalDate servedOn, @NotEmpty @Size(max = Bounds.PENALTIES, message = Bounds.ITEMS) List<@NotNull @Valid PenaltyRequest> proposedPenalties,
                                @NotNull Boolean hearingRightGranted, Boolean waived, LocalDate until) {}

    public record StatementRequest(@NotNull LocalDate receivedOn, @NotBlank @CodePointLength(max = Bounds.SUMMARY) String summary) {}

    /**
     * A hearing request ({@code requestedOn}), its notice ({@code notifiedOn} for {@code hearingOn}, 7 WD
     * ahead) or the hearing held ({@code heldOn}, {@code outcome}).
     */
    public record HearingRequest(LocalDate requestedOn, LocalDate notifiedOn, LocalDate hearingOn, LocalDate heldOn,
                                 @CodePointLength(max = Bounds.SUMMARY) String outcome) {
        void check() {
            int acts = (requestedOn == null ? 0 : 1) + (notifiedOn == null ? 0 : 1) + (heldOn == null ? 0 : 1);
            if (acts != 1) {
                throw InvalidRequest.of("requestedOn", "give requestedOn to record a hearing request, notifiedOn and hearingOn to record"
                        + " its notice, or heldOn and outcome to record the hearing held");
            }
            if (notifiedOn != null && hearingOn == null) {
                throw InvalidRequest.of("hearingOn", "is required with notifiedOn: the day of the hearing");
            }
            if (heldOn != null && (outcome == null || outcome.isBlank())) {
                throw InvalidRequest.of("outcome", "is required with heldOn");
            }
        }
    }

    public record DecisionRequest(@NotNull DecisionKind kind, @NotBlank @CodePointLength(max = Bounds.DOCUMENT_NUMBER) String decisionNumber,
                                  @NotNull LocalDate decidedOn, @Size(max = Bounds.PENALTIES, message = Bounds.ITEMS) List<@NotNull @Valid PenaltyRequest> penalties,
                                  @NotBlank @CodePointLength(max = Bounds.TEXT) String legalBasis, @NotBlank @CodePointLength(max = Bounds.FACTS) String facts,
                                  LocalDate until) {
        void check() {
            if (kind == DecisionKind.NO_PENALTY && until != null) {
                throw InvalidRequest.of("until", "a NO_PENALTY decision has no term");
            }
            if (kind == DecisionKind.PENALTY && (penalties == null || penalties.isEmpty())) {
                throw InvalidRequest.of("penalties", "a PENALTY decision names at least one penalty");
            }
            if (kind == DecisionKind.NO_PENALTY && penalties != null && !penalties.isEmpty()) {
                throw InvalidRequest.of("penalties", "a NO_PENALTY decision has no penalties");
            }
        }
    }

    /** 移送: sent on {@code transferredOn}; the crime was suspected on {@code suspectedOn} and the head approved on {@code approvedOn}. */
    public record TransferRequest(@NotNull LocalDate transferredOn, @NotBlank @CodePointLength(max = Bounds.NAME) String judicialOrgan,
                                  @NotBlank @CodePointLength(max = Bounds.TEXT) String reason, @NotNull LocalDate suspectedOn, @NotNull LocalDate approvedOn) {}

    /** 涉嫌犯罪: a crime suspected in the case's matter, before the head decides on its transfer (Decree 310 Art 5). */
    public record SuspicionRequest(@NotNull LocalDate suspectedOn, @NotBlank @CodePointLength(max = Bounds.TEXT) String reason) {}

    /** 批准移送 / 不予批准: the head's decision on the transfer of the suspected crime; a refusal gives its reason. */
    public record TransferDecisionRequest(@NotNull Boolean approved, @NotNull LocalDate decidedOn, @CodePointLength(max = Bounds.TEXT) String reason) {
        /** A refusal without its reason is a body's fault, named as a field (a sweep from outside, stop 88: a 409 under the transfer's rule). */
        void check() {
            if (Boolean.FALSE.equals(approved) && (reason == null || reason.isBlank())) {
                throw InvalidRequest.of("reason", "is required when approved is false: the head's refusal to transfer records its reason"
                        + " in the file (Decree 310 Art 5)");
            }
        }
    }

    /** 不予立案退回: the judiciary declined to file the transferred case. */
    public record TransferReturnRequest(@NotNull LocalDate returnedOn, @NotBlank @CodePointLength(max = Bounds.TEXT) String reason) {}

    /** 送达: the day the party received the decision and how it was served. */
    public record ServiceRequest(@NotNull LocalDate receivedOn, @NotBlank @CodePointLength(max = Bounds.LABEL) String method) {}

    /** 复议/诉讼: a reconsideration or lawsuit against the decision is pending. */
    public record ChallengeRequest(@NotNull ChallengeKind kind, @NotNull LocalDate filedOn) {}

    /** The end of a pending reconsideration or lawsuit. */
    public record ChallengeEndRequest(@NotNull LocalDate endedOn, @NotBlank @CodePointLength(max = Bounds.TEXT) String outcome) {}

    /** 撤销立案: the day and the reason; {@code note} explains it. */
    public record DismissalRequest(@NotNull LocalDate dismissedOn, @NotNull DismissalReason reason, @CodePointLength(max = Bounds.TEXT) String note) {}

    public record ExecutionRequest(@NotNull LocalDate executedOn,
                                   @DecimalMin("0.00") @DecimalMax(value = Bounds.YUAN_MAX, message = Bounds.YUAN_MAX_MESSAGE)
                                   @Digits(integer = 13, fraction = 2) BigDecimal paidAmount,
                                   @NotBlank @CodePointLength(max = Bounds.LABEL) String method) {}

    public record ClosureRequest(@NotNull LocalDate closedOn, @NotBlank @CodePointLength(max = Bounds.TEXT) String outcome) {}

    public record RevisionRequest(@NotNull RevisionKind kind, @NotNull RevisionBy by,
                                  @NotBlank @CodePointLength(max = Bounds.DOCUMENT_NUMBER) String documentNumber,
                                  @NotNull LocalDate effectiveOn, @NotBlank @CodePointLength(max = Bounds.SUMMARY) String reason,
                                  @Size(max = Bounds.PENALTIES, message = Bounds.ITEMS) List<@NotNull @Valid PenaltyRequest> penalties,
                                  LocalDate until) {
        void check() {
            if (kind != RevisionKind.CHANGED && until != null) {
                throw InvalidRequest.of("until", "only a CHANGED decision names new penalties and their term; a " + kind + " decision has none");
            }
            if (kind == RevisionKind.CHANGED && (penalties == null || penalties.isEmpty())) {
                throw InvalidRequest.of("penalties", "a CHANGED decision names its new penalties");
            }
            if (kind != RevisionKind.CHANGED && penalties != null && !penalties.isEmpty()) {
                throw InvalidRequest.of("penalties", "only a CHANGED decision names new penalties; a " + kind
                        + " decision has none (leave penalties out)");
            }
        }
    }
}
