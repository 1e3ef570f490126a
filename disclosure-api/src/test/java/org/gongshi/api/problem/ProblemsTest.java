package org.gongshi.api.problem;

import org.gongshi.api.cases.CaseRequests;
import org.gongshi.api.input.StrictJson;
import org.gongshi.ledger.policy.Rule;
import org.gongshi.ledger.policy.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How a body that could not be read is answered: the field to fix and what it must hold, never the parser's words. */
class ProblemsTest {

    private static final JsonMapper JSON = StrictJson.strict(JsonMapper.builder().build());

    /**
     * API.md: a validation error names the field; a number too large for its field is such an error, not "invalid JSON", and
     * so is one that is no whole number: each says the field's own bound (an extension's days: 1 to 365), never its type's.
     */
    @Test
    void a_number_out_of_its_field_s_range_is_a_400_naming_the_field_and_what_it_must_hold() {
        for (String days : List.of("99999999999", "-99999999999", "1e20", "\"thirty\"", "1.5")) {
            ProblemDetail problem = decoding("{\"approval\":\"HEAD\",\"approvedOn\":\"2026-03-05\",\"days\":" + days + ",\"reason\":\"案情复杂\"}",
                    CaseRequests.ExtensionRequest.class);
            assertThat(problem.getStatus()).isEqualTo(400);
            assertThat(errors(problem)).as(days).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("days");
                assertThat(error.message()).contains("must be a whole number from 1 to 365").doesNotContain("2147483647").doesNotContain("JSON");
            });
        }
    }

    /**
     * API.md: money in yuan "as a decimal string or number": a string of plain digits, not BigDecimal's every form (a sweep from
     * outside, stop 74: " 500 ", "+500" and "5e4" were recorded as fines); a number with an exponent is read as its plain value.
     */
    @Test
    void an_amount_is_a_number_or_a_string_of_plain_decimal_digits() throws Exception {
        for (String amount : List.of("\" 500 \"", "\"+500\"", "\"5e4\"", "\"5E+4\"", "\"50 000\"", "\".5\"", "\"5.\"", "true", "[500]")) {
            ProblemDetail problem = decoding("{\"type\":\"FINE\",\"amount\":" + amount + "}", CaseRequests.PenaltyRequest.class);
            assertThat(problem.getStatus()).as(amount).isEqualTo(400);
            assertThat(errors(problem)).as(amount).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("amount");
                assertThat(error.message()).contains("an amount in yuan");
            });
        }
        for (String amount : List.of("\"50000.50\"", "50000.50", "5e4", "\"50000\"")) {
            var penalty = JSON.readValue("{\"type\":\"FINE\",\"amount\":" + amount + "}", CaseRequests.PenaltyRequest.class);
            assertThat(penalty.amount().toPlainString()).as(amount).isIn("50000.50", "50000");
        }
        assertThat(JSON.readValue("{\"type\":\"FINE\",\"amount\":1e2147483647}", CaseRequests.PenaltyRequest.class).amount().scale())
                .as("left whole for its bound").isEqualTo(-2147483647);
    }

    /** A refusal under a rule that concerns one field of the command stays a refusal under the rule, and names the field too. */
    @Test
    void a_rule_refusal_about_one_field_names_it_in_errors() {
        var refusal = new RuleViolation(Rule.WITHHOLDING_GROUND, "ground", "a disclosable decision is withheld only on an enumerated ground");
        ProblemDetail problem = Problems.toProblem(refusal.acrossTheBus());
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry("rule", "withholding-ground");
        assertThat(errors(problem)).containsExactly(new InvalidRequest.FieldProblem("ground", refusal.getMessage()));

        ProblemDetail remote = Problems.toProblem(new org.axonframework.commandhandling.CommandExecutionException("refused", null,
                java.util.Map.of("rule", "withholding-ground", "kind", "CONFLICT", "title", "t", "source", "s", "detail", "d", "field", "ground")));
        assertThat(errors(remote)).containsExactly(new InvalidRequest.FieldProblem("ground", "d"));
        assertThat(Problems.toProblem(new RuleViolation(Rule.CASE_CLOSED, "closed").acrossTheBus()).getProperties()).doesNotContainKey("errors");
    }

    private static ProblemDetail decoding(String body, Class<?> type) {
        JacksonException failure = catchThrowableOfType(JacksonException.class, () -> JSON.readValue(body, type));
        return Problems.toProblem(new ServerWebInputException("Failed to read HTTP message", null, failure));
    }

    @SuppressWarnings("unchecked")
    private static List<InvalidRequest.FieldProblem> errors(ProblemDetail problem) {
        return (List<InvalidRequest.FieldProblem>) problem.getProperties().get("errors");
    }

    /** A 406 names the type the resource answers (outside audit: the feed's stream said application/json). */
    @Test
    void a_406_names_the_media_type_the_resource_answers() {
        var stream = new org.springframework.web.server.NotAcceptableStatusException(
                List.of(org.springframework.http.MediaType.TEXT_EVENT_STREAM, org.springframework.http.MediaType.parseMediaType("text/event-stream;charset=UTF-8")));
        assertThat(Problems.toProblem(stream).getDetail()).isEqualTo("This resource answers text/event-stream; send an Accept header that allows it");
        assertThat(Problems.toProblem(new org.springframework.web.server.NotAcceptableStatusException(List.of())).getDetail())
                .startsWith("This resource answers application/json");
    }
}
