package io.niows.internal.reactor;

import io.niows.protocol.HandshakeAnswer;
import io.niows.protocol.HandshakeRequest;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * A server's answers for reactor tests that need no application: every upgrade is accepted into a
 * connection that echoes text, every plain HTTP request gets 426.
 *
 * <p>Thread-safe: stateless; each connection gets its own events.
 */
final class AcceptingUpgrades implements Upgrades {

    @Override
    public HandshakeAnswer upgrade(Link link, HandshakeRequest request, Consumer<ConnectionEvents> bind) {
        bind.accept(new Echo(link));
        return HandshakeAnswer.accept(null);
    }

    @Override
    public HandshakeAnswer http(Link link, HandshakeRequest request) {
        return HandshakeAnswer.refuse(426, "upgrade");
    }

    /** Echoes text; ignores everything else. */
    private record Echo(Link link) implements ConnectionEvents {

        @Override
        public void onOpen() {
        }

        @Override
        public void onText(String text) {
            link.outbound().text(text, null, link);
        }

        @Override
        public void onBinary(ByteBuffer data) {
        }

        @Override
        public boolean streamsMessages() {
            return false;
        }

        @Override
        public long maxStreamedMessageSize() {
            return Long.MAX_VALUE;
        }

        @Override
        public void onTextChunk(CharSequence chunk, boolean last) {
        }

        @Override
        public void onBinaryChunk(ByteBuffer chunk, boolean last) {
        }

        @Override
        public void onPing(ByteBuffer payload) {
        }

        @Override
        public void onPong(ByteBuffer payload) {
        }

        @Override
        public void onWritable() {
        }

        @Override
        public void onError(Throwable error) {
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
        }

        @Override
        public void onSent(Object context, Throwable failure) {
        }
    }
}
