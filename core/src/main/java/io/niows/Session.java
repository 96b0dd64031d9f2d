package io.niows;

import io.niows.internal.reactor.ConnectionEvents;
import io.niows.internal.reactor.Link;
import io.niows.protocol.HandshakeRequest;
import io.niows.protocol.Outbound;
import io.niows.protocol.SendResult;
import io.niows.protocol.SharedMessage;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@link WebSocket} an application holds: one per connection, server or client. It turns the
 * reactor's {@link ConnectionEvents} into calls of the application's {@link WebSocketHandler},
 * runs the broadcasters' close listeners, keeps the attachment, and sends through the protocol's
 * {@link Outbound} front with the connection's {@link Link} as its port.
 *
 * <p>Thread-safe: this is the one place where a connection's state crosses threads; every member
 * may be used from any thread (the handler is final, the attachment volatile, the close listeners
 * guarded by this). The {@link ConnectionEvents} methods are called on the connection's loop
 * thread.
 */
final class Session implements BroadcastMember, ConnectionEvents {

    private final Link link;
    /** The link's protocol front, kept here: every send passes it with the link as its port. */
    private final Outbound outbound;
    private final WebSocketHandler handler;
    private volatile Object attachment;
    /** Guarded by this; made at the first registration, so most connections have none. */
    private List<Consumer<WebSocket>> closeListeners;
    /** Guarded by this. */
    private boolean closed;
    /**
     * On a server, what {@link RequestHead#keep} kept of the opening request (the link keeps none
     * then); on a client, null: the link keeps the request it sent.
     */
    private final Object request;

    /** A client's session: its link keeps the request it sent. */
    Session(Link link, WebSocketHandler handler) {
        this(link, handler, null);
    }

    /** A server's session, keeping {@code request} as {@link RequestHead#keep} made it. */
    Session(Link link, WebSocketHandler handler, Object request) {
        this.link = link;
        this.outbound = link.outbound();
        this.handler = handler;
        this.request = request;
    }

    // ---- events, on the loop thread ------------------------------------------------------------

    @Override
    public void onOpen() {
        handler.onOpen(this);
    }

    @Override
    public void onText(String text) {
        handler.onText(this, text);
    }

    @Override
    public void onBinary(ByteBuffer data) {
        handler.onBinary(this, data);
    }

    @Override
    public boolean streamsMessages() {
        return handler instanceof StreamingHandler;
    }

    @Override
    public long maxStreamedMessageSize() {
        return ((StreamingHandler) handler).maxStreamedMessageSize();
    }

    @Override
    public void onTextChunk(CharSequence chunk, boolean last) {
        ((StreamingHandler) handler).onTextChunk(this, chunk, last);
    }

    @Override
    public void onBinaryChunk(ByteBuffer chunk, boolean last) {
        ((StreamingHandler) handler).onBinaryChunk(this, chunk, last);
    }

    @Override
    public void onPing(ByteBuffer payload) {
        handler.onPing(this, payload);
    }

    @Override
    public void onPong(ByteBuffer payload) {
        handler.onPong(this, payload);
    }

    @Override
    public void onWritable() {
        handler.onWritable(this);
    }

    @Override
    public void onError(Throwable error) {
        handler.onError(this, error);
    }

    /** Observer lists first, so that a handler's {@code onClose} already sees the member gone. */
    @Override
    public void onClose(int code, String reason, boolean remote) {
        List<Consumer<WebSocket>> listeners;
        synchronized (this) {
            listeners = closeListeners;
            closeListeners = null;
            closed = true;
        }
        if (listeners != null) {
            for (Consumer<WebSocket> l : listeners) {
                l.accept(this);
            }
        }
        handler.onClose(this, code, reason, remote);
    }

    @Override
    public void onSent(Object context, Throwable failure) {
        ((SendCallback) context).onSent(this, failure);
    }

    // ---- the application's handle, any thread ----------------------------------------------------

    @Override
    public SendResult sendText(CharSequence text, SendCallback callback) {
        return outbound.text(text, callback, link);
    }

    @Override
    public SendResult sendBinary(ByteBuffer data, SendCallback callback) {
        return outbound.binary(data, callback, link);
    }

    @Override
    public SendResult handOverBinary(ByteBuffer data, SendCallback callback) {
        return outbound.handOverBinary(data, callback, link);
    }

    @Override
    public SendResult sendFragment(boolean text, ByteBuffer part, boolean last) {
        return outbound.fragment(text, part, last, Thread.currentThread(), null, link);
    }

    @Override
    public SendResult sendEncoded(ByteBuffer frame) {
        return outbound.encoded(frame, null, link);
    }

    @Override
    public ByteBuffer frameOf(SharedMessage message) {
        return message.frameFor(outbound);
    }

    @Override
    public SendResult ping(ByteBuffer payload) {
        return link.ping(payload);
    }

    @Override
    public void close(int code, String reason) {
        link.close(code, reason);
    }

    @Override
    public void abort() {
        link.abort();
    }

    @Override
    public void pauseReading() {
        link.pauseReading();
    }

    @Override
    public void resumeReading() {
        link.resumeReading();
    }

    @Override
    public boolean isOpen() {
        return outbound.isOpen();
    }

    @Override
    public void countBroadcastOverflow(boolean evicted, long queuedBytes) {
        link.countBroadcastOverflow(evicted, queuedBytes);
    }

    @Override
    public boolean masksFrames() {
        return outbound.masksFrames();
    }

    @Override
    public long queuedBytes() {
        return link.queuedBytes();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return link.remoteAddress();
    }

    @Override
    public HttpRequestHead request() {
        if (this.request != null) {
            return RequestHead.of(this.request, link.remoteAddress(), link.tlsSession());
        }
        HandshakeRequest request = link.request();
        return request == null ? null : new RequestHead(request, link.remoteAddress(), link.tlsSession());
    }

    @Override
    public String subprotocol() {
        return link.subprotocol();
    }

    @Override
    public String extensions() {
        return link.extensions();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T attachment() {
        return (T) attachment;
    }

    @Override
    public void attach(Object attachment) {
        this.attachment = attachment;
    }

    @Override
    public void onClosed(Consumer<WebSocket> listener) {
        synchronized (this) {
            if (!closed) {
                if (closeListeners == null) {
                    closeListeners = new ArrayList<>(2);
                }
                closeListeners.add(listener);
                return;
            }
        }
        listener.accept(this);
    }

    @Override
    public void removeOnClosed(Consumer<WebSocket> listener) {
        synchronized (this) {
            if (closeListeners != null && closeListeners.remove(listener) && closeListeners.isEmpty()) {
                closeListeners = null;
            }
        }
    }

    @Override
    public String toString() {
        return link.toString();
    }
}
