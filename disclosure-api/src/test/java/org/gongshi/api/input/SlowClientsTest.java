package org.gongshi.api.input;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers' timeout on a test channel's frozen clock; the cap per client is StrictInputTest's, on real sockets. */
class SlowClientsTest {

    private static EmbeddedChannel connection() {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(new SlowClients.RequestTimeout(20_000));
        return channel;
    }

    private static void after(EmbeddedChannel channel, long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    @Test
    void a_connection_whose_headers_drip_in_never_ending_is_closed_at_the_timeout() {
        EmbeddedChannel slowloris = connection();
        for (int second = 0; second < 19; second++) {
            slowloris.writeInbound(Unpooled.copiedBuffer("X-a: b\r\n", StandardCharsets.US_ASCII));
            after(slowloris, 1_000);
            assertThat(slowloris.isOpen()).as("open after %d s", second + 1).isTrue();
        }
        after(slowloris, 1_000);
        assertThat(slowloris.isOpen()).isFalse();
    }

    @Test
    void a_body_that_drips_in_is_closed_at_the_timeout_and_one_that_comes_whole_is_answered_however_long() {
        EmbeddedChannel slowBody = connection();
        slowBody.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/audit/login"));
        for (int second = 0; second < 19; second++) {
            slowBody.writeInbound(new io.netty.handler.codec.http.DefaultHttpContent(Unpooled.copiedBuffer("x", StandardCharsets.US_ASCII)));
            after(slowBody, 1_000);
            assertThat(slowBody.isOpen()).as("open after %d s", second + 1).isTrue();
        }
        after(slowBody, 1_000);
        assertThat(slowBody.isOpen()).as("its body still not whole 20 s after its headers").isFalse();

        // answered before its body ended (a refusal), then the body ends: the connection waits for its next request from then on
        EmbeddedChannel refused = connection();
        refused.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/v1/cases"));
        refused.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.UNAUTHORIZED));
        after(refused, 5_000);
        refused.writeInbound(new io.netty.handler.codec.http.DefaultLastHttpContent(Unpooled.copiedBuffer("{}", StandardCharsets.US_ASCII)));
        after(refused, 19_999);
        assertThat(refused.isOpen()).isTrue();
        after(refused, 1);
        assertThat(refused.isOpen()).as("20 s after its body ended, with no request").isFalse();

        EmbeddedChannel whole = connection();
        whole.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/v1/cases"));
        after(whole, 19_000);
        whole.writeInbound(new io.netty.handler.codec.http.DefaultLastHttpContent(Unpooled.copiedBuffer("{}", StandardCharsets.US_ASCII)));
        after(whole, 600_000);
        assertThat(whole.isOpen()).as("a whole request being answered, however long").isTrue();
    }

    @Test
    void a_request_being_answered_a_stream_among_them_is_never_cut_and_the_wait_begins_again_after_its_answer() {
        EmbeddedChannel stream = connection();
        after(stream, 5_000);
        stream.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/feed/v1/events"));
        stream.writeInbound(LastHttpContent.EMPTY_LAST_CONTENT); // a request without a body, as the codec passes it on
        stream.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        after(stream, 3_600_000);
        assertThat(stream.isOpen()).as("an hour of a stream").isTrue();

        stream.writeOutbound(LastHttpContent.EMPTY_LAST_CONTENT);
        after(stream, 19_000);
        assertThat(stream.isOpen()).as("a kept-alive connection 19 s after its answer").isTrue();
        stream.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/api/v1/public/penalties"));
        stream.writeInbound(LastHttpContent.EMPTY_LAST_CONTENT);
        stream.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        after(stream, 19_999);
        assertThat(stream.isOpen()).isTrue();
        after(stream, 1);
        assertThat(stream.isOpen()).as("20 s after its last answer with no request").isFalse();
    }
}
