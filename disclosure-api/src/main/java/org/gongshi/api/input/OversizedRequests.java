package org.gongshi.api.input;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import org.gongshi.api.problem.InvalidRequest;
import org.gongshi.api.limits.Bounds;
import org.gongshi.api.problem.Problems;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A request the connection cannot read, its request line or its headers longer than the server reads or malformed, answered
 * as every other refusal is: a problem naming the bound or the fault, with the security headers. Reactor Netty refuses such a
 * request before the web layer sees it, with 414, 431 or 400, an empty body and no type (outside audit: the caller was not
 * told what to shorten). This handler, right after each HTTP/1.1 connection's codec, gives those answers their problem; the
 * web layer never answers 414 or 431 itself, and answers every 400 with a problem's type. A Host whose port is no number,
 * which the connection refuses before the web layer's {@code HostGuard} reads it, gets the 400 naming {@code Host} that
 * {@code HostGuard} gives.
 */
@ChannelHandler.Sharable
public final class OversizedRequests extends ChannelDuplexHandler {

    private static final String NAME = "gongshi.oversizedRequests";
    /**
     * The Host of the connection's last request, read again only when the connection refuses a request itself: it refuses one
     * whose port is no number (a sweep of the transport from outside, stop 86: {@code Host: 127.0.0.1:abc} got the generic
     * "Request unreadable", not the 400 naming {@code Host} that {@code HostGuard} gives every other such Host).
     */
    private static final AttributeKey<String> HOST = AttributeKey.valueOf("gongshi.host");
    /** The version of the connection's last request when it is neither HTTP/1.1 nor 1.0 (HTTP/2.0, which the connection refuses itself). */
    private static final AttributeKey<String> OTHER_VERSION = AttributeKey.valueOf("gongshi.otherVersion");

    private final byte[] lineTooLong;
    private final byte[] headersTooLarge;
    /** A request the codec could not read at all (a header without a colon, a Content-Length that is no number, TLS bytes). */
    private final byte[] unreadable = problem(HttpStatus.BAD_REQUEST, "Request unreadable", "The request could not be read as"
            + " HTTP/1.1 (its request line, a header or its body's framing is malformed). Nothing was recorded");

    OversizedRequests(DataSize requestLine, DataSize headers) {
        this.lineTooLong = problem(HttpStatus.URI_TOO_LONG, "Request line too long", "The request line (method, path and query) is"
                + " longer than this server reads, " + requestLine.toKilobytes() + " KB; a query parameter holds at most "
                + Bounds.QUERY_VALUE + " characters (README, Input bounds). Nothing was recorded");
        this.headersTooLarge = problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Headers too large", "The request's headers are"
                + " longer than this server reads, " + headers.toKilobytes() + " KB in all; send the token and the headers API.md names,"
                + " nothing more. Nothing was recorded");
    }

    /** The 400 of a request the connection could not read: the one naming Host when that is what was wrong. */
    private byte[] hostProblemOrUnreadable(ChannelHandlerContext ctx) {
        String problem = noHost(ctx);
        return problem == null ? unreadable
                : Problems.json(InvalidRequest.of(org.springframework.http.HttpHeaders.HOST, problem)).getBytes(StandardCharsets.UTF_8);
    }

    /** What is wrong with the Host of the request the connection refuses, or null: checked only then, never on every request. */
    private static String noHost(ChannelHandlerContext ctx) {
        String host = ctx.channel().attr(HOST).get();
        return host == null ? null : HostGuard.noHost(host);
    }

    private static byte[] problem(HttpStatus status, String title, String detail) {
        return Problems.json(status, title, detail, null, List.of()).getBytes(StandardCharsets.UTF_8);
    }

    /** The handler on every HTTP/1.1 connection, with the bounds the server is configured with. */
    public static NettyServerCustomizer customizer(DataSize requestLine, DataSize headers) {
        return AfterHttpCodec.install(NAME, new OversizedRequests(requestLine, headers));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            ctx.channel().attr(HOST).set(request.headers().get(HttpHeaderNames.HOST));
            HttpVersion version = request.protocolVersion();
            ctx.channel().attr(OTHER_VERSION).set(version == HttpVersion.HTTP_1_1 || version == HttpVersion.HTTP_1_0 ? null : version.text());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof FullHttpResponse response && response.content().readableBytes() == 0) {
            byte[] body = switch (response.status().code()) {
                case 414 -> lineTooLong;
                case 431 -> headersTooLarge;
                // the web layer answers every 400 of its own with a problem: an empty one is the codec's (a re-test, stop 73: no
                // body and none of the security headers)
                case 400 -> response.headers().contains(HttpHeaderNames.CONTENT_TYPE) ? null // (a HEAD's has its type)
                        : hostProblemOrUnreadable(ctx);
                default -> null;
            };
            String otherVersion = body == null || response.status().code() != 400 ? null : ctx.channel().attr(OTHER_VERSION).get();
            if (otherVersion != null) body = problem(HttpStatus.HTTP_VERSION_NOT_SUPPORTED, HostGuard.VERSION_NOT_SUPPORTED, HostGuard.versionNotSupported(otherVersion));
            if (body != null) {
                FullHttpResponse withProblem = response.replace(Unpooled.wrappedBuffer(body));
                response.release();
                if (otherVersion != null) withProblem.setStatus(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED);
                // the security headers every other answer carries (Spring Security's, which never saw this request)
                withProblem.headers().set(HttpHeaderNames.CONTENT_TYPE, Problems.PROBLEM_JSON.toString())
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                        .set(HttpHeaderNames.CACHE_CONTROL, "no-store");
                org.gongshi.api.problem.SecurityHeaders.ALL.forEach(withProblem.headers()::set);
                ctx.write(withProblem, promise);
                return;
            }
        }
        ctx.write(msg, promise);
    }
}
