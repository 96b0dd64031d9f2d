package io.niows.bench.servers;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;

/**
 * Netty 4.2 with the pipeline of Netty's own websocketx server example (HTTP codec, aggregator
 * for the upgrade request, compression handler, protocol handler, frame handler) on the NIO
 * transport: one boss thread, {@code threads} worker event loops. Two echo styles (see
 * {@link NettyFrameHandler}): {@code netty} flushes once per read, {@code netty-example} flushes
 * every frame as the websocketx example's frame handler does.
 *
 * <p>Thread-safe to start once; afterwards Netty's event loops run it.
 */
public final class NettyBenchServer implements BenchServer {

    private static final int MAX_UPGRADE_REQUEST = 65536;

    private final boolean flushEach;

    /** @param flushEach whether to flush every echo, as Netty's websocketx example does */
    public NettyBenchServer(boolean flushEach) {
        this.flushEach = flushEach;
    }

    @Override
    public int start(String host, int threads) throws InterruptedException {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        ChannelGroup members = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/")
                .checkStartsWith(true)
                .allowExtensions(true)
                .maxFramePayloadLength(MAX_MESSAGE)
                .build();
        Channel server = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        p.addLast(new HttpServerCodec());
                        p.addLast(new HttpObjectAggregator(MAX_UPGRADE_REQUEST));
                        p.addLast(new WebSocketServerCompressionHandler(0));
                        p.addLast(new WebSocketServerProtocolHandler(config));
                        p.addLast(new NettyFrameHandler(members, flushEach));
                    }
                })
                .bind(host, 0).sync().channel();
        return ((InetSocketAddress) server.localAddress()).getPort();
    }
}
