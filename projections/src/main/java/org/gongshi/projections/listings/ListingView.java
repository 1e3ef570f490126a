package org.gongshi.projections.listings;

import org.bson.codecs.pojo.annotations.BsonId;
import org.gongshi.ledger.listings.event.ListType;
import org.gongshi.ledger.listings.event.ListingCategory;
import org.gongshi.ledger.listings.event.ListingProposed;
import org.gongshi.ledger.listings.ListingStatus;
import org.gongshi.ledger.listings.event.RemovalReason;
import org.gongshi.ledger.listings.event.RepairRefusalGround;
import org.gongshi.ledger.listings.event.SanctionMeasure;
import org.gongshi.ledger.listings.event.Subject;

import java.time.LocalDate;
import java.util.List;

/**
 * One credit-list entry as it stands, for the bureau and for the public list: from the notice
 * (告知拟列入) through the decision, its sanctions, repair applications and removal. A removed entry
 * stays here with its removal (the audit history); the public list shows only {@code ACTIVE} ones.
 * {@code termEndProvisional} marks a term end computed on a year without an official calendar, {@code statementDueProvisional}
 * a statement window counted in working days into such a year (a credit listings sweep, stop 75: it was shown unmarked).
 * {@code lastGlobalIndex} is the position of the last event applied, so a redelivery changes nothing.
 */
public record ListingView(
        @BsonId String listingId,
        String bureau,
        String division,
        ListType listType,
        ListingCategory category,
        Subject subject,
        List<String> basisCaseIds,
        String reason,
        ListingStatus status,
        LocalDate proposedOn,
        LocalDate statementDueOn,
        Boolean statementDueProvisional,
        Statement statement,
        LocalDate listedOn,
        LocalDate termEnd,
        Boolean termEndProvisional,
        LocalDate repairWaitEnd,
        List<SanctionView> sanctions,
        BasisRevoked basisRevoked,
        List<RepairView> repairs,
        NotAdded notAdded,
        Removal removal,
        String policyVersion,
        Long lastGlobalIndex) {

    static ListingView proposed(ListingProposed e, long globalIndex) {
        return new ListingView(e.listingId(), e.bureau(), e.division(), e.listType(), e.category(), e.subject(), e.basisCaseIds(),
                e.reason(), ListingStatus.PROPOSED, e.proposedOn(), e.statementDeadline().dueOn(), e.statementDeadline().provisional(),
                null, null, null, null, null,
                List.of(), null, List.of(), null, null, e.policyVersion(), globalIndex);
    }

    /** The sanctions that apply now (not lifted). */
    public List<SanctionView> activeSanctions() {
        return sanctions == null ? List.of() : sanctions.stream().filter(s -> s.liftedOn() == null).toList();
    }

    public record Statement(LocalDate receivedOn, String summary) {}

    /** 失信惩戒措施 with its scope and term; {@code liftedOn} once it no longer applies. */
    public record SanctionView(String sanctionId, SanctionMeasure measure, String scope, LocalDate imposedOn, LocalDate until,
                               LocalDate liftedOn, String liftReason) {}

    public record BasisRevoked(String caseId, LocalDate revokedOn) {}

    public record RepairView(String applicationId, LocalDate appliedOn, String grounds, LocalDate decidedOn, Boolean granted,
                             List<RepairRefusalGround> refusalGrounds, String reason) {}

    public record NotAdded(LocalDate decidedOn, String reason) {}

    public record Removal(RemovalReason reason, LocalDate removedOn, String detail) {}
}
