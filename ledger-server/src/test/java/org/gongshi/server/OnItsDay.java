package org.gongshi.server;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * End-to-end tests play their scenarios on the ledger's clock: before a bureau command is sent, the
 * clock is moved forward ({@code POST /dev/clock}) to 10:00 (Asia/Shanghai) on the latest date the
 * body names for an act ({@code ...On}, or {@code on}), so each act is recorded on its own day. When
 * the clock is already later, it stays: the act is then recorded later than its date, within the
 * policy's tolerance, or refused as any backdated act is. Tests about time itself set the clock
 * explicitly ({@link #clockTo}).
 */
final class OnItsDay {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private OnItsDay() {
    }

    /** A filter for a test client of the server at {@code baseUrl}. */
    static ExchangeFilterFunction filter(String baseUrl) {
        WebClient clock = WebClient.create(baseUrl);
        return (request, next) -> {
            if (request.method() != HttpMethod.POST || !request.url().getPath().startsWith("/api/v1/")) return next.exchange(request);
            ClientRequest played = ClientRequest.from(request).body((output, context) -> request.body().insert(new ClientHttpRequestDecorator(output) {
                @Override
                public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                    return DataBufferUtils.join(body).flatMap(buffer -> {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        DataBufferUtils.release(buffer);
                        LocalDate day = latestActDate(bytes);
                        Mono<Void> move = day == null ? Mono.empty() : moveForward(clock, day);
                        return move.then(super.writeWith(Mono.just(output.bufferFactory().wrap(bytes))));
                    });
                }
            }, context)).build();
            return next.exchange(played);
        };
    }

    /** Moves the ledger's clock of the server at {@code baseUrl} to 10:00 on {@code day}, if it is earlier. */
    static void clockTo(String baseUrl, LocalDate day) {
        moveForward(WebClient.create(baseUrl), day).block();
    }

    private static Mono<Void> moveForward(WebClient clock, LocalDate day) {
        String now = day.atTime(LocalTime.of(10, 0)).atZone(SHANGHAI).toOffsetDateTime().toString();
        // 409 when the clock is already later: the act is then recorded later than its date
        return clock.post().uri("/dev/clock").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("now", now))
                .exchangeToMono(response -> response.releaseBody());
    }

    private static LocalDate latestActDate(byte[] body) {
        try {
            return latest(JSON.readTree(body), null);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static LocalDate latest(JsonNode node, LocalDate found) {
        if (node == null || !node.isObject()) return found;
        for (var field : node.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if ((name.endsWith("On") || name.equals("on")) && value.isString() && DATE.matcher(value.asString()).matches()) {
                LocalDate date = LocalDate.parse(value.asString());
                if (found == null || date.isAfter(found)) found = date;
            }
        }
        return found;
    }
}
