package org.gongshi.api.problem;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.resource.NoResourceFoundException;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemAdviceTest {

    private final ProblemAdvice advice = new ProblemAdvice(new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(KeyReuse.class));

    @Test
    void a_client_that_went_away_while_its_answer_was_written_gets_no_problem_its_error_goes_on_as_it_was() {
        IOException reset = new IOException("Connection reset by peer");
        assertThatThrownBy(() -> advice.answer(reset, "/api/v1/cases", List.of())).isSameAs(reset);
        var closed = new reactor.netty.channel.AbortedException("Connection has been closed BEFORE send operation");
        assertThatThrownBy(() -> advice.answer(closed, "/api/v1/cases", List.of())).isSameAs(closed);
    }

    /**
     * Reactor interrupts a cancelled read and Netty fails a write to a closed channel ("channel not registered to an event
     * loop"): once the answer is begun and its connection closed, neither is the ledger's failure, and no problem can be
     * sent (stop 47 logged one such as an unexpected failure, with its stack, in 2,000 hung-up reads).
     */
    @Test
    void a_failure_after_the_answer_was_begun_and_its_client_hung_up_is_a_lost_client_not_an_unexpected_failure() throws Throwable {
        IllegalStateException unregistered = new IllegalStateException("channel not registered to an event loop");
        io.netty.channel.embedded.EmbeddedChannel channel = new io.netty.channel.embedded.EmbeddedChannel();
        var request = overNetty(reactor.netty.Connection.from(channel));

        assertThat(advice.answer(unregistered, request, true).getStatusCode().value())
                .as("the client still connected: a failure of ours, answered").isEqualTo(500);

        channel.close().sync();
        assertThat(ProblemAdvice.clientGone(request)).isTrue();
        assertThatThrownBy(() -> advice.answer(unregistered, request, true))
                .isInstanceOf(reactor.netty.channel.AbortedException.class).hasCause(unregistered)
                .satisfies(e -> assertThat(org.springframework.web.util.DisconnectedClientHelper.isClientDisconnectedException(e)).isTrue());
        assertThat(advice.answer(unregistered, request, false).getStatusCode().value())
                .as("nothing begun yet: answered as before").isEqualTo(500);
        assertThat(ProblemAdvice.clientGone(overNetty(null))).as("no connection behind the request").isFalse();
    }

    /** A request of a case's history that came over {@code connection} (a request without one throws, as a mock's does). */
    private static org.springframework.http.server.reactive.ServerHttpRequest overNetty(reactor.netty.Connection connection) {
        return new org.springframework.http.server.reactive.AbstractServerHttpRequest(org.springframework.http.HttpMethod.GET,
                URI.create("http://127.0.0.1/api/v1/cases/c-1/history"), "", new org.springframework.http.HttpHeaders()) {
            @Override
            protected org.springframework.util.MultiValueMap<String, org.springframework.http.HttpCookie> initCookies() {
                return new org.springframework.util.LinkedMultiValueMap<>();
            }

            @Override
            protected org.springframework.http.server.reactive.SslInfo initSslInfo() {
                return null;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getNativeRequest() {
                if (connection == null) throw new IllegalStateException("no native request");
                return (T) connection;
            }

            @Override
            public reactor.core.publisher.Flux<org.springframework.core.io.buffer.DataBuffer> getBody() {
                return reactor.core.publisher.Flux.empty();
            }
        };
    }

    @Test
    void any_other_failure_is_answered_with_a_problem() throws Throwable {
        var answer = advice.answer(new IllegalStateException("boom"), "/api/v1/cases", List.of());
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).startsWith("The ledger could not complete the request").doesNotContain("boom");
    }

    /** RFC 9110: a 405 names the methods the path allows. */
    @Test
    void a_method_the_path_does_not_allow_is_answered_with_the_methods_it_does() throws Throwable {
        var answer = advice.answer(new org.springframework.web.server.MethodNotAllowedException("GET",
                java.util.Set.of(org.springframework.http.HttpMethod.POST)), "/api/v1/cases/c-1/closure", List.of());
        assertThat(answer.getStatusCode().value()).isEqualTo(405);
        assertThat(answer.getHeaders().getAllow()).containsExactly(org.springframework.http.HttpMethod.POST);
    }

    @Test
    void a_browser_at_a_path_with_no_page_gets_a_page_saying_so_and_a_program_a_problem() throws Throwable {
        var missing = new NoResourceFoundException(URI.create("/penalty"), "penalty");
        var page = advice.answer(missing, "/penalty", MediaType.parseMediaTypes("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertThat(page.getStatusCode().value()).isEqualTo(404);
        assertThat(page.getHeaders().getContentType().toString()).isEqualTo("text/html;charset=UTF-8");
        assertThat((String) page.getBody()).contains("页面不存在").contains("href=\"/penalties\"");

        assertThat(advice.answer(missing, "/penalty", List.of(MediaType.APPLICATION_JSON)).getBody()).isInstanceOf(ProblemDetail.class);
        assertThat(advice.answer(missing, "/penalty", List.of()).getBody()).isInstanceOf(ProblemDetail.class);
        assertThat(advice.answer(missing, "/api/v1/nope", List.of(MediaType.TEXT_HTML)).getBody()).isInstanceOf(ProblemDetail.class);
    }

    /** A browser that posts to a page gets a zh-CN page saying pages are only read (with the Allow header); a program a problem. */
    @Test
    void a_browser_posting_to_a_page_gets_a_page_and_a_program_a_problem() throws Throwable {
        var notAllowed = new org.springframework.web.server.MethodNotAllowedException("POST", java.util.Set.of(org.springframework.http.HttpMethod.GET));
        var page = advice.answer(notAllowed, "/penalties", MediaType.parseMediaTypes("text/html,application/xhtml+xml,*/*;q=0.8"));
        assertThat(page.getStatusCode().value()).isEqualTo(405);
        assertThat(page.getHeaders().getAllow()).containsExactly(org.springframework.http.HttpMethod.GET);
        assertThat(page.getHeaders().getContentType().toString()).isEqualTo("text/html;charset=UTF-8");
        assertThat((String) page.getBody()).contains("不支持该操作").contains("href=\"/penalties\"");
        assertThat(advice.answer(notAllowed, "/penalties", List.of()).getBody()).isInstanceOf(ProblemDetail.class);
        assertThat(advice.answer(notAllowed, "/api/v1/public/penalties", List.of(MediaType.TEXT_HTML)).getBody()).isInstanceOf(ProblemDetail.class);
    }
}
