package org.gongshi.api.audit;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor's sweep, stop 79: the audit page read a hearing window that ran out unused as 已届满，未履行 (the bureau's
 * failure, it seemed) and a waived one as still running. The window is the party's right: unused, or waived, it is no
 * deadline missed; a duty's deadline that passed unanswered still reads 未履行.
 */
class AuditDeadlineRowsTest {

    private static Map<String, Object> caseWith(boolean waived) {
        Map<String, Object> hearing = Map.of("dueOn", "2026-11-06");
        Map<String, Object> notice = new HashMap<>(Map.of("rightsWaived", waived, "hearingRequestDeadline", hearing));
        Map<String, Object> c = new HashMap<>(Map.of("notice", notice, "decisionDeadline", Map.of("dueOn", "2026-11-06")));
        return Map.of("case", c);
    }

    private static String verdict(List<Map<String, Object>> rows, String name) {
        return rows.stream().filter(r -> name.equals(r.get("name"))).map(r -> (String) r.get("verdict")).findFirst().orElseThrow();
    }

    @Test
    void a_hearing_window_unused_or_waived_is_no_deadline_missed() {
        List<Map<String, Object>> after = AuditPagesController.deadlines(caseWith(false), LocalDate.of(2026, 11, 12));
        assertThat(verdict(after, "听证申请期限")).isEqualTo("已届满，当事人未申请");
        assertThat(verdict(after, "作出处罚决定期限")).as("a duty's deadline").isEqualTo("已届满，未履行");
        assertThat(verdict(AuditPagesController.deadlines(caseWith(false), LocalDate.of(2026, 11, 2)), "听证申请期限")).isEqualTo("未届满");
        assertThat(verdict(AuditPagesController.deadlines(caseWith(true), LocalDate.of(2026, 11, 2)), "听证申请期限")).isEqualTo("当事人已放弃");
    }

    /**
     * A sweep from outside, stop 88: a suspected crime's transfer deadlines showed on the audit page only once missed, under their
     * codes (TRANSFER_APPROVAL); they show in words, met, running or missed, the miss on the deadline's own row.
     */
    @Test
    void a_transfer_waiting_shows_its_deadlines_in_words() {
        Map<String, Object> suspicion = Map.of("suspectedOn", "2026-11-02", "approvalDeadline",
                Map.of("dueOn", "2026-11-05", "satisfiedOn", "2026-11-04", "met", true), "sendingDeadline", Map.of("dueOn", "2026-11-05"));
        Map<String, Object> c = new HashMap<>(Map.of("decisionDeadline", Map.of("dueOn", "2026-12-06"), "crimeSuspicion", suspicion,
                "missedDeadlines", List.of(Map.of("kind", "TRANSFER_SENDING", "dueOn", "2026-11-05", "recordedOn", "2026-11-06"))));
        List<Map<String, Object>> rows = AuditPagesController.deadlines(Map.of("case", c), LocalDate.of(2026, 11, 9));
        assertThat(verdict(rows, "移送审批期限（3日）")).isEqualTo("按期");
        assertThat(verdict(rows, "移送送交期限（24小时）")).isEqualTo("逾期（账本于 2026-11-06 记录）");
        assertThat(rows).extracting(r -> r.get("name")).doesNotContain("TRANSFER_SENDING", "TRANSFER_APPROVAL");
    }
}
