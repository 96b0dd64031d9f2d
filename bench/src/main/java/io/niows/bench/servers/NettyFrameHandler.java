package io.niows.bench.servers;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;

/**
 * Echo or broadcast of data frames, Netty style. An echo is either written in {@code channelRead}
 * and flushed once in {@code channelReadComplete} (as Netty's TCP echo example does, so a batch of
 * pipelined frames costs one flush), or, with {@code flushEach}, written and flushed per frame as
 * Netty's websocketx server example does ({@code ctx.channel().writeAndFlush(...)} in
 * {@code channelRead0}). A broadcast goes to the {@link ChannelGroup} of {@code /broadcast}
 * channels, which writes the same bytes to each and flushes.
 *
 * <p>One instance per channel, called on that channel's event loop.
 */
final class NettyFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final ChannelGroup members;
    private final boolean flushEach;
    private boolean broadcast;

    NettyFrameHandler(ChannelGroup members, boolean flushEach) {
        this.members = members;
        this.flushEach = flushEach;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof HandshakeComplete) {
            broadcast = ((HandshakeComplete) event).requestUri().startsWith("/broadcast");
            if (broadcast) {
                members.add(ctx.channel());
            }
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (!(frame instanceof BinaryWebSocketFrame) && !(frame instanceof TextWebSocketFrame)) {
            return;
        }
        if (broadcast) {
            members.writeAndFlush(frame.retain());
        } else if (flushEach) {
            ctx.channel().writeAndFlush(frame.retain());
        } else {
            ctx.write(frame.retain());
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (!flushEach) {
            ctx.flush();
        }
    }
}
