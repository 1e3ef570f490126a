package org.gongshi.api.input;

import io.netty.channel.ChannelHandler;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;

/** Installs a sharable handler right after each HTTP/1.1 connection's codec, once, when the channel is set up. */
final class AfterHttpCodec {

    private AfterHttpCodec() {
    }

    /**
     * The customizer that adds {@code handler} under {@code name} after the codec of every channel that has one (a
     * connection's observer is told of it only once its first request has passed the codec, too late for these).
     */
    static NettyServerCustomizer install(String name, ChannelHandler handler) {
        return server -> server.doOnChannelInit((observer, channel, remote) -> {
            var pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(name) == null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, name, handler);
            }
        });
    }
}
