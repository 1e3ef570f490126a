package org.gongshi.api.listings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gongshi.api.limits.Bounds;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.problem.InvalidRequest.FieldProblem;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.event.ListingCategory;
import org.gongshi.ledger.listings.event.RemovalReason;
import org.gongshi.ledger.listings.event.RepairRefusalGround;
import org.gongshi.ledger.listings.event.Sanction;
import org.gongshi.ledger.listings.event.SanctionMeasure;
import org.gongshi.ledger.listings.event.Subject;
import org.hibernate.validator.constraints.CodePointLength;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The request bodies of the credit-list endpoints (API.md, "listing"), with their field rules. */
public final class ListingRequests {

    private ListingRequests() {
    }

    public record SubjectRequest(@NotBlank @CodePointLength(max = Bounds.NAME) String name, @NotBlank @CodePointLength(max = Bounds.ID) String uscc) {
        /** The subject, its name without the spaces at its ends, as a filing's party name is taken. */
        Subject toSubject() {
            return new Subject(name == null ? null : name.strip(), uscc);
        }
    }

    /** 告知拟列入. {@code proposedOn} (the notice's date) defaults to today. */
    public record ProposalRequest(@NotNull ListType listType, @NotNull ListingCategory category, @NotNull @Valid SubjectRequest subject,
                                  @NotEmpty @Size(max = Bounds.BASIS_CASES, message = Bounds.ITEMS) List<@NotBlank @CodePointLength(max = Bounds.ID) String> basisCaseIds,
                                  @NotBlank @CodePointLength(max = Bounds.TEXT) String reason,
                                  LocalDate proposedOn) {
        void check() {
            List<FieldProblem> problems = new ArrayList<>();
            for (String p : subject.toSubject().problems()) {
                int colon = p.indexOf(": ");
                problems.add(new FieldProblem(p.substring(0, colon), p.substring(colon + 2)));
            }
            // each basis case once (audit: [X, X] was stored twice on a listing)
            java.util.Set<String> seen = new java.util.HashSet<>();
            List<String> ids = caseIds();
            for (int i = 0; i < ids.size(); i++) {
                if (!seen.add(ids.get(i))) {
                    problems.add(new FieldProblem("basisCaseIds[" + i + "]", "names case " + ids.get(i) + " again; name each basis case once"));
                }
            }
            InvalidRequest.refuseIfAny(problems);
        }

        /** The basis cases' ids as the ledger writes them (a UUID in upper case names the case in lower case). */
        public List<String> caseIds() {
            return basisCaseIds.stream().map(id -> org.gongshi.api.input.IdentifierCase.id(id.strip())).toList();
        }
    }

    /** 陈述、申辩 received from the subject. */
    public record StatementRequest(@NotNull LocalDate receivedOn, @NotBlank @CodePointLength(max = Bounds.SUMMARY) String summary) {}

    /** One measure: {@code type} is the measure; {@code scope} and {@code until} default to the measure's scope and the term end. */
    public record MeasureRequest(@NotNull SanctionMeasure type, @CodePointLength(max = Bounds.LABEL) String scope, LocalDate until) {
        Sanction toSanction() {
            return new Sanction(null, type, scope, until);
        }
    }

    /** 列入 ({@code list} true, with measures and term) or 不予列入 ({@code list} false). */
    public record DecisionRequest(@NotNull LocalDate decidedOn, @NotNull Boolean list, @Size(max = Bounds.MEASURES, message = Bounds.ITEMS) List<@NotNull @Valid MeasureRequest> measures,
                                  LocalDate termEnd, @CodePointLength(max = Bounds.TEXT) String reason) {
        void check() {
            if (Boolean.TRUE.equals(list) && (measures == null || measures.isEmpty())) {
                throw InvalidRequest.of("measures", "a listing names at least one of the six measures " + List.of(SanctionMeasure.values()));
            }
            if (Boolean.FALSE.equals(list) && measures != null && !measures.isEmpty()) {
                throw InvalidRequest.of("measures", "a decision not to list imposes no measures");
            }
            if (measures != null) {
                List<SanctionMeasure> repeated = measures.stream().filter(Objects::nonNull).map(MeasureRequest::type).filter(Objects::nonNull)
                        .collect(Collectors.groupingBy(type -> type, () -> new EnumMap<>(SanctionMeasure.class), Collectors.counting()))
                        .entrySet().stream().filter(count -> count.getValue() > 1).map(Map.Entry::getKey).toList();
                if (!repeated.isEmpty()) {
                    throw InvalidRequest.of("measures", "each measure is named once, with its scope and until; " + repeated + " named more than once");
                }
            }
        }

        List<Sanction> sanctions() {
            return measures == null ? List.of() : measures.stream().map(MeasureRequest::toSanction).toList();
        }
    }

    /** 失信惩戒: one more measure on a listed subject. */
    public record SanctionRequest(@NotNull SanctionMeasure type, @CodePointLength(max = Bounds.LABEL) String scope, LocalDate until,
                                  @NotNull LocalDate imposedOn) {}

    public record LiftRequest(@NotNull LocalDate liftedOn, @NotBlank @CodePointLength(max = Bounds.TEXT) String reason) {}

    /**
     * 移出 for a named reason, API.md's {@code {removedOn, reason}}; {@code detail}, optional, says what happened (the decision
     * that revoked the basis, what the error was) and is published with the removal. Whether the basis was in fact revoked is
     * the ledger's rule (409), and so is REPAIRED, a value of the contract that only a granted repair records (409
     * {@code listing-removal}; it was a 400 as if the value were unknown: a sweep from outside).
     */
    public record RemovalRequest(@NotNull LocalDate removedOn, @NotNull RemovalReason reason, @CodePointLength(max = Bounds.TEXT) String detail) {

        /** An empty detail is none (a security sweep, stop 80: "" was kept as a detail while a blank one is refused). */
        public RemovalRequest {
            if (detail != null && detail.isEmpty()) detail = null;
        }
    }

    public enum RepairAction { APPLY, GRANT, REFUSE }

    /**
     * 信用修复: APPLY (the subject's application, dated {@code on}, with its {@code grounds}), then GRANT
     * or REFUSE it ({@code applicationId}, and for REFUSE the failing {@code refusalGrounds}).
     */
    public record RepairRequest(@NotNull RepairAction action, @NotNull LocalDate on, @CodePointLength(max = Bounds.ID) String applicationId,
                                @CodePointLength(max = Bounds.SUMMARY) String grounds,
                                @Size(max = Bounds.LIST, message = Bounds.ITEMS) List<@NotNull RepairRefusalGround> refusalGrounds, @CodePointLength(max = Bounds.TEXT) String reason) {
        void check() {
            if (action != RepairAction.APPLY && (applicationId == null || applicationId.isBlank())) {
                throw InvalidRequest.of("applicationId", "name the application to " + action + " (returned by APPLY)");
            }
            // the ledger names an application (a law sweep, stop 73: one sent with APPLY was replaced without a word, and a GRANT
            // naming it was refused)
            if (action == RepairAction.APPLY && applicationId != null) {
                throw InvalidRequest.of("applicationId", "is given by the ledger in APPLY's answer; send it with GRANT or REFUSE, not with APPLY");
            }
            if (action == RepairAction.REFUSE && (refusalGrounds == null || refusalGrounds.isEmpty())) {
                throw InvalidRequest.of("refusalGrounds", "a refusal names the conditions that failed, of " + List.of(RepairRefusalGround.values()));
            }
            if (action == RepairAction.APPLY && (grounds == null || grounds.isBlank())) {
                throw InvalidRequest.of("grounds", "an application states its grounds (obligations fulfilled, harm removed, ...)");
            }
        }
    }
}
