package io.niows.bench.servers;

import io.niows.Broadcaster;
import io.niows.StreamingHandler;
import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * niows through its public API only: a {@link WebSocketServer} with {@code threads} selector
 * loops, an echo handler on {@code /}, an echo of each chunk as it arrives on {@code /stream}
 * ({@link StreamingHandler}) and a {@link Broadcaster} (its defaults: 1 MiB queued per
 * member, close on overflow) on {@code /broadcast}. Limits as every server gets them; no limit on
 * connections or handshakes in progress, since the servers compared with have none.
 *
 * <p>Thread-safe to start once; afterwards niows' loops run it.
 */
public final class NiowsBenchServer implements BenchServer {

    @Override
    public int start(String host, int threads) throws IOException {
        Broadcaster room = new Broadcaster();
        WebSocketServer server = WebSocketServer.builder()
                .host(host)
                .port(0)
                .loops(threads)
                .maxFrameSize(MAX_MESSAGE)
                .maxMessageSize(MAX_MESSAGE)
                .maxConnections(1_000_000)
                .maxHandshakesInProgress(1_000_000)
                .route("/", new Echo())
                .route("/stream", new StreamingEcho())
                .route("/broadcast", new Broadcast(room))
                .build()
                .start();
        return server.port();
    }

    /** Each message back to its sender. */
    private static final class Echo implements WebSocketHandler {
        @Override
        public void onText(WebSocket ws, String text) {
            ws.sendText(text);
        }

        /** The message's buffer is the handler's: handed back over, it is written without a copy. */
        @Override
        public void onBinary(WebSocket ws, ByteBuffer data) {
            ws.handOverBinary(data);
        }
    }

    /**
     * Each message back to its sender as it arrives: every chunk a read brings is sent on at once
     * as a fragment (copied), so a large message's echo leaves while the rest of it comes in.
     */
    private static final class StreamingEcho implements StreamingHandler {
        @Override
        public void onTextChunk(WebSocket ws, CharSequence chunk, boolean last) {
            ws.sendFragment(true, ByteBuffer.wrap(chunk.toString().getBytes(StandardCharsets.UTF_8)), last);
        }

        @Override
        public void onBinaryChunk(WebSocket ws, ByteBuffer chunk, boolean last) {
            ws.sendFragment(false, chunk, last);
        }
    }

    /** Each message to every member of the room; members leave it by themselves when closed. */
    private static final class Broadcast implements WebSocketHandler {
        private final Broadcaster room;

        Broadcast(Broadcaster room) {
            this.room = room;
        }

        @Override
        public void onOpen(WebSocket ws) {
            room.add(ws);
        }

        @Override
        public void onText(WebSocket ws, String text) {
            room.broadcast(text);
        }

        @Override
        public void onBinary(WebSocket ws, ByteBuffer data) {
            room.broadcast(data);
        }
    }
}
