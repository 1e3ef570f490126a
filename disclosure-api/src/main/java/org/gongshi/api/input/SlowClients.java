package org.gongshi.api.input;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connections that hold the server without asking it anything (slowloris: a request's headers, or its body, sent a few bytes
 * every few seconds, never ended): a connection whose request's headers have not all come within {@code requestTimeout} of
 * its opening or of its last answer's end, or whose request's body has not all come within it of the headers, is closed; and
 * one client address holds at most {@code perClient} connections at once (a security sweep, stop 73: 20,000 such connections
 * from three loopback addresses took every file descriptor and health stopped answering; the token bucket counts requests, and
 * these never became one; a re-test found a body dripped a byte a second held too). A request being answered, an SSE stream
 * among them, is never cut.
 */
public final class SlowClients {

    private static final String REQUEST_TIMEOUT = "gongshi.requestTimeout";
    private static final String CONNECTIONS = "gongshi.connectionsPerClient";

    private SlowClients() {
    }

    /** Both bounds on every connection; {@code perClient} 0 lifts the second. */
    public static NettyServerCustomizer customizer(Duration requestTimeout, int perClient) {
        ConnectionsPerClient connections = perClient > 0 ? new ConnectionsPerClient(perClient) : null;
        return server -> server.doOnChannelInit((observer, channel, remote) -> {
            var pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) == null) return;
            if (connections != null && pipeline.get(CONNECTIONS) == null) pipeline.addFirst(CONNECTIONS, connections);
            if (pipeline.get(REQUEST_TIMEOUT) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, REQUEST_TIMEOUT, new RequestTimeout(requestTimeout.toMillis()));
            }
        });
    }

    /**
     * Closes the connection when no request's headers have come within the timeout while it answers nothing, or a request's
     * body has not all come within it of its headers.
     */
    static final class RequestTimeout extends ChannelDuplexHandler {
        private final long timeoutMillis;
        private ScheduledFuture<?> waiting;
        private int answering;
        private boolean readingBody;

        RequestTimeout(long timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            wait(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                answering++;
                stopWaiting();
                if (!(msg instanceof LastHttpContent)) {
                    readingBody = true;
                    wait(ctx);
                }
            }
            if (msg instanceof LastHttpContent && readingBody) {
                readingBody = false;
                // answered before its body ended (a refusal), the connection waits for its next request from now
                if (answering == 0) wait(ctx);
                else stopWaiting();
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof LastHttpContent) {
                promise = promise.unvoid();
                promise.addListener(written -> {
                    if (answering > 0) answering--;
                    if (answering == 0) wait(ctx);
                });
            }
            ctx.write(msg, promise);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            stopWaiting();
            ctx.fireChannelInactive();
        }

        private void wait(ChannelHandlerContext ctx) {
            stopWaiting();
            waiting = ctx.executor().schedule(() -> {
                if (answering == 0 || readingBody) ctx.close();
            }, timeoutMillis, TimeUnit.MILLISECONDS);
        }

        private void stopWaiting() {
            if (waiting != null) waiting.cancel(false);
            waiting = null;
        }
    }

    /** At most so many open connections from one client address; one more is closed as it opens. */
    @ChannelHandler.Sharable
    static final class ConnectionsPerClient extends ChannelInboundHandlerAdapter {
        private final int most;
        private final ConcurrentHashMap<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();

        ConnectionsPerClient(int most) {
            this.most = most;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            InetAddress client = client(ctx);
            if (client != null && open.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet() > most) {
                ctx.close();
                return;
            }
            ctx.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            InetAddress client = client(ctx);
            if (client != null) {
                open.computeIfPresent(client, (c, count) -> count.decrementAndGet() <= 0 ? null : count);
            }
            ctx.fireChannelInactive();
        }

        private static InetAddress client(ChannelHandlerContext ctx) {
            return ctx.channel().remoteAddress() instanceof InetSocketAddress address ? address.getAddress() : null;
        }
    }
}
