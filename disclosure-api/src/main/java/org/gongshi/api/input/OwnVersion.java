package org.gongshi.api.input;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;

/**
 * Every answer's status line names the version this server speaks, HTTP/1.1 (RFC 9110 §6.2), HTTP/1.0 for a request in it.
 * Reactor Netty answers in the request's version: a request line in HTTP/3.0 got {@code HTTP/3.0 505} (a sweep of the transport
 * from outside, stop 86), a version the client named and this server does not speak.
 */
@ChannelHandler.Sharable
public final class OwnVersion extends ChannelOutboundHandlerAdapter {

    private static final String NAME = "gongshi.ownVersion";

    private OwnVersion() {
    }

    /** The handler on every HTTP/1.1 connection. */
    public static NettyServerCustomizer customizer() {
        return AfterHttpCodec.install(NAME, new OwnVersion());
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && !spoken(response.protocolVersion())) {
            response.setProtocolVersion(HttpVersion.HTTP_1_1);
        }
        ctx.write(msg, promise);
    }

    private static boolean spoken(HttpVersion version) {
        return HttpVersion.HTTP_1_1.equals(version) || HttpVersion.HTTP_1_0.equals(version);
    }
}
