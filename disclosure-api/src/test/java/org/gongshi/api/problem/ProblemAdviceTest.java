package org.gongshi.api.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemAdviceTest {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void a_client_that_went_away_while_its_answer_was_written_gets_no_problem_its_error_goes_on_as_it_was() {
        IOException reset = new IOException("Connection reset by peer");
        assertThatThrownBy(() -> advice.handle(reset)).isSameAs(reset);
        var closed = new reactor.netty.channel.AbortedException("Connection has been closed BEFORE send operation");
        assertThatThrownBy(() -> advice.handle(closed)).isSameAs(closed);
    }

    @Test
    void any_other_failure_is_answered_with_a_problem() throws Throwable {
        var answer = advice.handle(new IllegalStateException("boom"));
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getDetail()).startsWith("The ledger could not complete the request").doesNotContain("boom");
    }
}
