package org.gongshi.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md: {@code GET /api/v1/cases/{id}} answers "the case as it stands, with deadlines and whether each was met" — also for
 * the acts besides a decision: a transfer to the judiciary with its approval and sending deadlines (Decree 310 Art 5), its
 * return when the judiciary declines to file, a dismissal with its reason, the hearing's notice and day, and the day the party
 * received the decision (DOMAIN.md, "Case lifecycle and its rules").
 */
class CaseViewEndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void a_case_read_shows_transfer_deadlines_and_return_dismissal_hearing_days_and_receipt() throws Exception {
        try (ConfigurableApplicationContext app = LedgerEndToEndTest.start(dataDir)) {
            shows(app);
        }
    }

    private void shows(ConfigurableApplicationContext app) throws Exception {
        WebTestClient web = LedgerEndToEndTest.client(app);
        String token = LedgerEndToEndTest.token(web, LedgerEndToEndTest.BUREAU, "officer");
        BureauClient bureau = BureauClient.withToken(web, token);
        // each filed 2026-02-10: decision deadline 2026-05-11
        String dismissed = bureau.file(LedgerEndToEndTest.fileCase(LedgerEndToEndTest.BUREAU));
        String heard = bureau.file(LedgerEndToEndTest.fileCase(LedgerEndToEndTest.BUREAU));
        String transferred = bureau.file(LedgerEndToEndTest.fileCase(LedgerEndToEndTest.BUREAU));
        String returnedLate = bureau.file(LedgerEndToEndTest.fileCase(LedgerEndToEndTest.BUREAU));
        String suspected = bureau.file(LedgerEndToEndTest.fileCase(LedgerEndToEndTest.BUREAU));

        // 撤销立案: a disposition with its reason
        bureau.act(dismissed, "dismissal", Map.of("dismissedOn", "2026-02-12", "reason", "NO_VIOLATION", "note", "鉴定结论为正品"));
        Map<?, ?> dismissal = LedgerEndToEndTest.awaitCase(web, token, dismissed, v -> v.get("dismissal") != null);
        assertThat(dismissal.get("status")).isEqualTo("DISMISSED");
        assertThat(dismissal.get("dismissal")).isEqualTo(Map.of("dismissedOn", "2026-02-12", "reason", "NO_VIOLATION", "note", "鉴定结论为正品"));
        assertThat(deadline(dismissal.get("decisionDeadline"))).containsEntry("satisfiedOn", "2026-02-12").containsEntry("met", true);

        // 听证: requested, notified 7 WD ahead, held; the decision, and the day the party received it (送达)
        var fine = List.of(Map.of("type", "FINE", "amount", 50000));
        bureau.act(heard, "notices", Map.of("servedOn", "2026-02-12", "hearingRightGranted", true, "proposedPenalties", fine));
        bureau.act(heard, "hearings", Map.of("requestedOn", "2026-02-13"));
        bureau.act(heard, "hearings", Map.of("notifiedOn", "2026-02-24", "hearingOn", "2026-03-05"));
        bureau.act(heard, "hearings", Map.of("heldOn", "2026-03-05", "outcome", "维持拟处罚意见"));
        Map<String, Object> decision = new HashMap<>(LedgerEndToEndTest.decision());
        decision.put("decidedOn", "2026-03-06");
        bureau.act(heard, "decisions", decision);
        bureau.act(heard, "service", Map.of("receivedOn", "2026-03-09", "method", "邮寄送达"));
        Map<?, ?> decided = LedgerEndToEndTest.awaitCase(web, token, heard,
                v -> v.get("decision") instanceof Map<?, ?> d && d.get("service") != null);
        assertThat(decided.get("hearing")).isEqualTo(Map.of("requestedOn", "2026-02-13", "notifiedOn", "2026-02-24",
                "hearingOn", "2026-03-05", "heldOn", "2026-03-05", "outcome", "维持拟处罚意见"));
        Map<?, ?> decidedDecision = (Map<?, ?>) decided.get("decision");
        assertThat(decidedDecision.get("service")).isEqualTo(Map.of("receivedOn", "2026-03-09", "method", "邮寄送达"));
        assertThat(deadline(decidedDecision.get("paymentDeadline"))).containsEntry("dueOn", "2026-03-24");
        // the disclosure deadlines it awaits show before they are met or missed (outside audit: only once missed):
        // 7 WD (双公示) and 20 WD (Order 45) from Friday 03-06, the 20th the Friday before Qingming
        Map<?, ?> due = (Map<?, ?>) decided.get("disclosureDue");
        assertThat(deadline(due.get("doublePublicityDeadline"))).containsEntry("dueOn", "2026-03-17").containsEntry("met", null);
        assertThat(deadline(due.get("deadline"))).containsEntry("dueOn", "2026-04-03").containsEntry("met", null);

        // 涉嫌犯罪 recorded on its own (the ledger's day 03-09): the head's decision was due Thursday 03-05, so the deadline mechanism
        // records it missed; the case is not dismissed while its transfer waits; the head's refusal, with its reason, answers it late
        bureau.act(suspected, "transfer/suspicion", Map.of("suspectedOn", "2026-03-02", "reason", "涉嫌假冒注册商标罪"));
        Map<?, ?> waiting = LedgerEndToEndTest.awaitCase(web, token, suspected, v -> !((List<?>) v.get("missedDeadlines")).isEmpty());
        assertThat((List<?>) waiting.get("missedDeadlines")).singleElement()
                .isEqualTo(Map.of("kind", "TRANSFER_APPROVAL", "dueOn", "2026-03-05", "recordedOn", "2026-03-09"));
        // late on the work list until the head decides (a sweep from outside, stop 88: off it)
        assertThat(waiting.get("overdue")).isEqualTo(true);
        Map<?, ?> suspicion = (Map<?, ?>) waiting.get("crimeSuspicion");
        assertThat(suspicion.get("suspectedOn")).isEqualTo("2026-03-02");
        assertThat(deadline(suspicion.get("approvalDeadline"))).containsEntry("dueOn", "2026-03-05").containsEntry("met", null);
        assertThat(bureau.refused(suspected, "dismissal", Map.of("dismissedOn", "2026-03-09", "reason", "NO_VIOLATION")).get("rule"))
                .isEqualTo("transfer-not-replaced");
        // a refusal without its reason is a 400 naming it (a sweep from outside, stop 88: a 409 under the transfer's rule)
        web.post().uri("/api/v1/cases/{id}/transfer/approval", suspected).headers(h -> h.setBearerAuth(token))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue(Map.of("approved", false, "decidedOn", "2026-03-09"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        bureau.act(suspected, "transfer/approval", Map.of("approved", false, "decidedOn", "2026-03-09", "reason", "未达刑事追诉标准"));
        Map<?, ?> refusedTransfer = LedgerEndToEndTest.awaitCase(web, token, suspected,
                v -> v.get("crimeSuspicion") instanceof Map<?, ?> c && c.get("approved") != null);
        Map<?, ?> decidedOn = (Map<?, ?>) refusedTransfer.get("crimeSuspicion");
        assertThat(decidedOn.get("approved")).isEqualTo(false);
        assertThat(refusedTransfer.get("overdue")).isEqualTo(false);
        assertThat(decidedOn.get("refusalReason")).isEqualTo("未达刑事追诉标准");
        assertThat(deadline(decidedOn.get("approvalDeadline"))).containsEntry("satisfiedOn", "2026-03-09").containsEntry("met", false);

        // 移送: suspected Monday 03-02, approval due Thursday 03-05, approved 03-09 (late); sent 03-10, within 24 h of it
        bureau.act(transferred, "transfer", Map.of("transferredOn", "2026-03-10", "judicialOrgan", "北京市公安局朝阳分局",
                "reason", "涉嫌假冒注册商标罪", "suspectedOn", "2026-03-02", "approvedOn", "2026-03-09"));
        bureau.act(returnedLate, "transfer", Map.of("transferredOn", "2026-03-10", "judicialOrgan", "北京市公安局朝阳分局",
                "reason", "涉嫌假冒注册商标罪", "suspectedOn", "2026-03-02", "approvedOn", "2026-03-09"));
        Map<?, ?> sent = LedgerEndToEndTest.awaitCase(web, token, transferred,
                v -> v.get("transfer") instanceof Map<?, ?> t && t.get("sendingDeadline") != null);
        assertThat(sent.get("status")).isEqualTo("TRANSFERRED");
        assertThat(deadline(sent.get("decisionDeadline"))).containsEntry("satisfiedOn", "2026-03-10").containsEntry("met", true);
        Map<?, ?> transfer = (Map<?, ?>) sent.get("transfer");
        assertThat(transfer.get("suspectedOn")).isEqualTo("2026-03-02");
        assertThat(transfer.get("approvedOn")).isEqualTo("2026-03-09");
        assertThat(deadline(transfer.get("approvalDeadline"))).containsEntry("dueOn", "2026-03-05")
                .containsEntry("satisfiedOn", "2026-03-09").containsEntry("met", false);
        assertThat(deadline(transfer.get("sendingDeadline"))).containsEntry("dueOn", "2026-03-10")
                .containsEntry("satisfiedOn", "2026-03-10").containsEntry("met", true);
        // no missed-deadline event is recorded for a late approval: the case read shows none
        assertThat((List<?>) sent.get("missedDeadlines")).isEmpty();

        // 不予立案退回: the case is back without a disposition, its decision deadline open again
        bureau.act(transferred, "transfer/return", Map.of("returnedOn", "2026-03-20", "reason", "公安机关不予立案"));
        Map<?, ?> returned = LedgerEndToEndTest.awaitCase(web, token, transferred,
                v -> v.get("transfer") instanceof Map<?, ?> t && t.get("returnedOn") != null);
        assertThat(returned.get("status")).isEqualTo("FILED");
        assertThat(returned.get("disposed")).isEqualTo(false);
        Map<String, Object> reopened = deadline(returned.get("decisionDeadline"));
        assertThat(reopened.get("dueOn")).isEqualTo("2026-05-11");
        assertThat(reopened.get("satisfiedOn")).isNull();
        assertThat(reopened.get("met")).isNull();
        assertThat(((Map<?, ?>) returned.get("transfer")).get("returnReason")).isEqualTo("公安机关不予立案");
        assertThat(returned.get("overdue")).isEqualTo(false);

        // its deadline passes undecided: overdue, missed, and not met
        LedgerEndToEndTest.clockTo(app, LocalDate.of(2026, 5, 12));
        Map<?, ?> missed = LedgerEndToEndTest.awaitCase(web, token, transferred, v -> !((List<?>) v.get("missedDeadlines")).isEmpty());
        assertThat(missed.get("overdue")).isEqualTo(true);
        assertThat(deadline(missed.get("decisionDeadline")).get("met")).isNull();
        List<Object> kinds = ((List<?>) missed.get("missedDeadlines")).stream().map(m -> (Object) ((Map<?, ?>) m).get("kind")).toList();
        assertThat(kinds).containsExactly("DECISION");

        // returned by the judiciary after its deadline had passed: open again and late, and the miss recorded on the return's day
        // (a sweep from outside, stop 73: overdue on the work list, yet no miss recorded and out of the handling rate's count)
        bureau.act(returnedLate, "transfer/return", Map.of("returnedOn", "2026-05-12", "reason", "公安机关不予立案"));
        Map<?, ?> lateReturn = LedgerEndToEndTest.awaitCase(web, token, returnedLate, v -> !((List<?>) v.get("missedDeadlines")).isEmpty());
        assertThat(lateReturn.get("overdue")).isEqualTo(true);
        assertThat((List<?>) lateReturn.get("missedDeadlines")).singleElement()
                .isEqualTo(Map.of("kind", "DECISION", "dueOn", "2026-05-11", "recordedOn", "2026-05-12"));

        // the decided case passed both disclosure deadlines undisclosed: overdue, and on the work list's overdue page, until published
        Map<?, ?> late = LedgerEndToEndTest.awaitCase(web, token, heard, v -> ((List<?>) v.get("missedDeadlines")).size() == 2);
        assertThat(late.get("overdue")).isEqualTo(true);
        assertThat(late.get("disclosureOverdueSince")).as("the day after its last day 03-17, though recorded when the ledger next"
                + " moved past it, 03-20 (a sweep from outside, stop 73: it showed the recording's day)").isEqualTo("2026-03-18");
        List<Object> overdue = ((List<?>) web.get().uri("/api/v1/cases?overdue=true").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items")).stream()
                .map(c -> (Object) ((Map<?, ?>) c).get("caseId")).toList();
        assertThat(overdue).contains(heard, transferred).doesNotContain(dismissed);
        bureau.act(heard, "disclosure", Map.of("action", "PUBLISH"));
        Map<?, ?> published = LedgerEndToEndTest.awaitCase(web, token, heard, v -> v.get("disclosure") != null);
        assertThat(published.get("overdue")).isEqualTo(false);
        assertThat(published.get("disclosureDue")).isNull();
        assertThat(deadline(((Map<?, ?>) published.get("disclosure")).get("deadline"))).containsEntry("dueOn", "2026-04-03").containsEntry("met", false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deadline(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
