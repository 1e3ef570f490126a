package org.gongshi.api.publicsite;

import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A HEAD request of a page answers the Content-Length its GET would have: the page is rendered as a stream, and WebFlux
 * sets the length of a HEAD answer only for a body written whole (audit: HEAD on the pages had none, so a link checker or
 * a cache could not tell a page's size). Only HTML is gathered: the feed's streams never end, and a HEAD of the live feed
 * answers its headers at once.
 */
public class HeadContentLength implements WebFilter, Ordered {

    /** After the header guard (-81) and the traffic limits (-90), before everything that answers. */
    @Override
    public int getOrder() {
        return -80;
    }

    /** The live feed, an SSE stream that never ends. */
    static final String EVENTS = "/feed/v1/events";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.HEAD) return chain.filter(exchange);
        if (exchange.getRequest().getPath().value().equals(EVENTS)) {
            // the stream's headers at once: run, the stream never ended, so its HEAD never answered and held a stream's place
            exchange.getResponse().setStatusCode(HttpStatus.OK);
            exchange.getResponse().getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
            exchange.getResponse().getHeaders().setCacheControl("no-cache");
            return exchange.getResponse().setComplete();
        }
        ServerHttpResponseDecorator whole = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                MediaType type = getHeaders().getContentType();
                if (type == null || !MediaType.TEXT_HTML.isCompatibleWith(type)) return super.writeWith(body);
                return DataBufferUtils.join(body).defaultIfEmpty(bufferFactory().wrap(new byte[0])).flatMap(page -> {
                    getHeaders().setContentLength(page.readableByteCount());
                    return super.writeWith(Mono.just(page));
                });
            }

            @Override
            public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
                return writeWith(Flux.from(body).concatMap(part -> part));
            }
        };
        return chain.filter(exchange.mutate().response(whole).build());
    }
}
