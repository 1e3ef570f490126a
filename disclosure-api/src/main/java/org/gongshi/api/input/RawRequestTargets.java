package org.gongshi.api.input;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;

/**
 * A request line's target as {@code curl "…/penalties?q=示例商贸"} sends it, in raw UTF-8, percent-encoded before the web
 * layer reads it: Netty keeps each byte of the request line as one character (0x80–0xFF for UTF-8's), and Spring's
 * {@code java.net.URI} refused those, and {@code "<>\^`{|}}, with an empty 400 (the first audit from outside; the
 * README's own tour sent such a query). Each such byte becomes its {@code %XX}, as a browser sends it, so the query reads
 * as the text that was meant and passes the same input rules ({@link QueryGuard}) as any other; what was already encoded
 * stays as it was.
 */
@ChannelHandler.Sharable
public final class RawRequestTargets extends ChannelInboundHandlerAdapter {

    static final RawRequestTargets INSTANCE = new RawRequestTargets();
    private static final String NAME = "gongshi.rawRequestTargets";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RawRequestTargets() {
    }

    /**
     * The handler, right after each HTTP/1.1 connection's codec, when the channel is set up (a connection's observer is
     * told of it only once its first request has passed the codec).
     */
    public static NettyServerCustomizer customizer() {
        return AfterHttpCodec.install(NAME, INSTANCE);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            String encoded = encoded(request.uri());
            if (encoded != null) request.setUri(encoded);
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * The target with every byte a URI may not hold raw percent-encoded, or null when it holds none. A {@code %} that begins
     * no escape ({@code q=50%}, {@code %ZZ}) is a percent sign, encoded as {@code %25} (it too was an empty 400).
     */
    static String encoded(String target) {
        int i = 0;
        while (i < target.length() && allowed(target, i)) i++;
        if (i == target.length()) return null;
        StringBuilder out = new StringBuilder(target.length() + 32).append(target, 0, i);
        for (; i < target.length(); i++) {
            char c = target.charAt(i);
            if (allowed(target, i)) out.append(c);
            else out.append('%').append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
        }
        return out.toString();
    }

    /**
     * Whether the character at {@code i} may stand raw in a request target: printable ASCII but {@code "<>\^`{|}} (RFC 3986;
     * a space ends the target), and a {@code %} only where two hex digits follow it.
     */
    private static boolean allowed(String target, int i) {
        char c = target.charAt(i);
        if (c == '%') return i + 2 < target.length() && hex(target.charAt(i + 1)) && hex(target.charAt(i + 2));
        return c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0;
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
