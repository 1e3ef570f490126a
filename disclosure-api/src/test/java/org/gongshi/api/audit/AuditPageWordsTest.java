package org.gongshi.api.audit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.gongshi.ledger.cases.CaseStatus;
import org.gongshi.ledger.cases.event.CaseEvent;
import org.gongshi.ledger.cases.event.DecisionNumberTaken;
import org.gongshi.ledger.disclosure.event.DisclosureEvent;
import org.gongshi.ledger.listings.event.ListingEvent;
import org.gongshi.ledger.privacy.event.SubjectShredded;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's history page says every act and status in words (an auditor's sweep: DecisionServed, HearingScheduled and
 * TransferDeadlines stood there as class names, the status as PENALTY_DECIDED): every event a history can hold (a case's, a
 * listing's, a decision number's, a shredding) has its zh-CN name.
 */
class AuditPageWordsTest {

    @Test
    void every_act_a_history_can_show_and_every_status_has_its_name_in_zh_cn() {
        List<String> events = new ArrayList<>(List.of(DecisionNumberTaken.class.getSimpleName(), SubjectShredded.class.getSimpleName()));
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.gongshi.ledger")) {
            if (type.isInterface()) continue;
            if (type.isAssignableTo(CaseEvent.class) || type.isAssignableTo(DisclosureEvent.class) || type.isAssignableTo(ListingEvent.class)) {
                events.add(type.getSimpleName());
            }
            // and every event an aggregate sources itself from, whatever it implements (an auditor's sweep, stop 85: a list's slot
            // events stood there as class names)
            type.getMethods().stream().filter(m -> m.isAnnotatedWith(org.axonframework.eventsourcing.EventSourcingHandler.class))
                    .forEach(m -> events.add(m.getRawParameterTypes().get(0).getSimpleName()));
        }
        assertThat(events).as("a list's slot events").contains("ListEntrySlotOccupied", "ListEntrySlotVacated");
        assertThat(events).as("the events found").contains("CaseFiled", "DecisionServed", "DisclosureDecided", "ListingAdded")
                .hasSizeGreaterThan(30);
        assertThat(AuditPagesController.ACTS.keySet()).containsAll(events);
        assertThat(AuditPagesController.STATUS.keySet()).containsExactlyInAnyOrder(CaseStatus.values());
    }

    /**
     * A deadline the ledger recorded as missed is said on its own row, once (a re-test from outside, stop 85: it stood twice,
     * 已届满，未履行 and 逾期（账本于…记录）); one whose day has moved since keeps a row of its own.
     */
    @Test
    @SuppressWarnings("unchecked")
    void a_missed_deadline_is_said_once_on_its_own_row() {
        Map<String, Object> state = Map.of("case", Map.of(
                "decisionDeadline", Map.of("dueOn", "2026-05-01"),
                "missedDeadlines", List.of(Map.of("kind", "DECISION", "dueOn", "2026-05-01", "recordedOn", "2026-05-02"),
                        Map.of("kind", "DISCLOSURE", "dueOn", "2026-06-01", "recordedOn", "2026-06-02"))));
        List<Map<String, Object>> rows = AuditPagesController.deadlines(state, java.time.LocalDate.of(2026, 7, 1));
        assertThat(rows).extracting(r -> r.get("name") + " " + r.get("verdict")).containsExactly(
                "作出处罚决定期限 逾期（账本于 2026-05-02 记录）", "公示期限（20个工作日） 逾期（账本于 2026-06-02 记录）");
    }

    /** A shredded party and the system's own acts in words (an auditor's sweep, stop 85: "shredded", "system:deadlines"). */
    @Test
    void a_shredded_party_and_the_system_s_acts_are_said_in_words() {
        assertThat(AuditPagesController.partyName(java.util.Map.of("case", java.util.Map.of("party", java.util.Map.of("name", "shredded")))))
                .isEqualTo("（个人信息已销毁）");
        assertThat(AuditPagesController.partyName(java.util.Map.of("case", java.util.Map.of("party", java.util.Map.of("name", "北京示例有限公司")))))
                .isEqualTo("北京示例有限公司");
        assertThat(AuditPagesController.partyName(java.util.Map.of("case", java.util.Map.of()))).isEmpty();
        assertThat(AuditPagesController.SYSTEM_ACTORS).containsKeys(org.gongshi.ledger.policy.Recording.DEADLINES,
                org.gongshi.ledger.policy.Recording.LISTING_BASIS_WATCH);
    }
}
