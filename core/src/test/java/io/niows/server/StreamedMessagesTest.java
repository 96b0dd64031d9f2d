package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.StreamingHandler;
import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import io.niows.protocol.PerMessageDeflate;
import io.niows.protocol.SendResult;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Streamed messages ({@link StreamingHandler}): chunks as frames arrive, nothing buffered, so a
 * message of any size passes in constant memory; text validated fail-fast across chunks, never
 * split inside a code point; permessage-deflate inflated chunk by chunk.
 */
@Timeout(120)
class StreamedMessagesTest {

    private static final int BLOCK = 256 << 10;
    /** The client stops reading above its high-water mark: kept far above what the sender lets queue. */
    private static final long CLIENT_HIGH_WATER = 16L << 20;
    /** The server's whole memory budget: a message buffered whole would be refused with 1013 past it. */
    private static final long BUDGET = 4L << 20;

    private WebSocketServer server;
    private WebSocketClient client;

    /** Echoes every chunk as a fragment as it arrives. */
    private static final StreamingHandler CHUNK_ECHO = new StreamingHandler() {
        @Override
        public void onTextChunk(WebSocket ws, CharSequence chunk, boolean last) {
            ws.sendFragment(true, StandardCharsets.UTF_8.encode(chunk.toString()), last);
        }

        @Override
        public void onBinaryChunk(WebSocket ws, ByteBuffer chunk, boolean last) {
            ws.sendFragment(false, chunk, last);
        }
    };

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aOneGibibyteBinaryMessageStreamsThroughAnEchoRouteInConstantMemory() throws Exception {
        long total = 1L << 30;
        Received echo = echoOf(total, PerMessageDeflate.disabled());
        assertThat(echo.bytes).isEqualTo(total);
        assertThat(echo.crc).isEqualTo(crcOf(total));
        assertThat(echo.lastChunks).isEqualTo(1);
        assertThat(server.metrics().protocolFailures()).isEmpty();
    }

    @Test
    void aCompressedMessageIsInflatedChunkByChunk() throws Exception {
        long total = 256L << 20;
        Received echo = echoOf(total, PerMessageDeflate.clientDefaults());
        assertThat(echo.extensions).startsWith("permessage-deflate");
        assertThat(echo.bytes).isEqualTo(total);
        assertThat(echo.crc).isEqualTo(crcOf(total));
        assertThat(echo.lastChunks).isEqualTo(1);
    }

    @Test
    void invalidUtf8InTheMiddleOfAStreamedTextClosesWith1007AtThatByte() throws Exception {
        TextRecorder recorder = new TextRecorder(Long.MAX_VALUE);
        server = Servers.loopback().defaultRoute(recorder).build().start();
        try (RawClient raw = RawClient.open(server.port(), "/")) {
            raw.send(RawClient.frame(0x01, "héllo ".getBytes(StandardCharsets.UTF_8), true));
            raw.send(RawClient.frame(0x00, bytes("abc", 0xC3, 0xA9, 0xFF, 'd', 'e', 'f'), true));
            RawClient.Frame close = raw.readFrame();
            assertThat(close.opcode()).isEqualTo(0x8);
            assertThat(ByteBuffer.wrap(close.payload()).getShort() & 0xFFFF).isEqualTo(1007);
        }
        recorder.closed.get(5, TimeUnit.SECONDS);
        assertThat(String.join("", recorder.chunks)).isEqualTo("héllo abcé");
        assertThat(recorder.lastSeen).isFalse();
    }

    @Test
    void aTextChunkNeverSplitsACodePoint() throws Exception {
        TextRecorder recorder = new TextRecorder(Long.MAX_VALUE);
        server = Servers.loopback().defaultRoute(recorder).build().start();
        try (RawClient raw = RawClient.open(server.port(), "/")) {
            raw.send(RawClient.frame(0x01, bytes("a", 0xE2), true)); // € is E2 82 AC
            raw.send(RawClient.frame(0x00, bytes("", 0x82), true));
            raw.send(RawClient.frame(0x00, bytes("", 0xAC, 'b', 0xF0, 0x9F), true)); // 😀 is F0 9F 98 80
            raw.send(RawClient.frame(0x80, bytes("", 0x98, 0x80), true));
            awaitLast(recorder);
        }
        assertThat(recorder.chunks).containsExactly("a", "€b", "😀");
        assertThat(recorder.lastSeen).isTrue();
    }

    @Test
    void aStreamedMessageOverTheHandlersLimitClosesWith1009() throws Exception {
        TextRecorder recorder = new TextRecorder(10);
        server = Servers.loopback().defaultRoute(recorder).build().start();
        try (RawClient raw = RawClient.open(server.port(), "/")) {
            raw.send(RawClient.frame(0x01, "0123456".getBytes(StandardCharsets.US_ASCII), true));
            raw.send(RawClient.frame(0x80, "789a".getBytes(StandardCharsets.US_ASCII), true));
            RawClient.Frame close = raw.readFrame();
            assertThat(ByteBuffer.wrap(close.payload()).getShort() & 0xFFFF).isEqualTo(1009);
        }
        assertThat(recorder.chunks).containsExactly("0123456");
    }

    @Test
    void theDefaultHandlerStillGetsWholeMessages() throws Exception {
        CompletableFuture<String> whole = new CompletableFuture<>();
        server = Servers.loopback().defaultRoute(new WebSocketHandler() {
            @Override
            public void onText(WebSocket ws, String text) {
                whole.complete(text);
            }
        }).build().start();
        try (RawClient raw = RawClient.open(server.port(), "/")) {
            raw.send(RawClient.frame(0x01, bytes("a", 0xE2), true));
            raw.send(RawClient.frame(0x80, bytes("", 0x82, 0xAC), true));
            assertThat(whole.get(5, TimeUnit.SECONDS)).isEqualTo("a€");
        }
    }

    /** What a streaming client received: its bytes, their CRC, how many chunks said last. */
    private static final class Received implements StreamingHandler {
        private final CRC32 running = new CRC32();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile long bytes;
        volatile long crc;
        volatile int lastChunks;
        volatile String extensions;

        @Override
        public void onBinaryChunk(WebSocket ws, ByteBuffer chunk, boolean last) {
            bytes += chunk.remaining();
            running.update(chunk);
            if (last) {
                lastChunks++;
                crc = running.getValue();
                done.complete(null);
            }
        }

        @Override
        public void onTextChunk(WebSocket ws, CharSequence chunk, boolean last) {
            done.completeExceptionally(new AssertionError("text from a binary echo"));
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason, boolean remote) {
            done.completeExceptionally(new AssertionError("closed " + code + " " + reason));
        }
    }

    /**
     * Sends {@code total} bytes as one binary message in 256 KiB fragments through a streaming echo
     * route, keeping at most 2 MiB queued (below the client's high-water mark, so the client keeps
     * reading the echo while it sends), and receives the echo as a stream too. The server's memory
     * budget is 4 MiB: had it buffered the message, it would have refused it with 1013.
     */
    private Received echoOf(long total, PerMessageDeflate deflate) throws Exception {
        server = Servers.loopback().loops(1).memoryBudget(BUDGET).defaultRoute(CHUNK_ECHO).build().start();
        client = WebSocketClient.builder().loops(1).perMessageDeflate(deflate)
                .writeWaterMarks(CLIENT_HIGH_WATER / 2, CLIENT_HIGH_WATER).build();
        Received received = new Received();
        WebSocket ws = client.connect(URI.create("ws://127.0.0.1:" + server.port() + "/"), received)
                .get(10, TimeUnit.SECONDS);
        received.extensions = ws.extensions();
        ByteBuffer block = pattern();
        for (long sent = 0; sent < total; sent += BLOCK) {
            SendResult result = ws.sendFragment(false, block.duplicate(), sent + BLOCK >= total);
            assertThat(result).isIn(SendResult.QUEUED, SendResult.QUEUED_ABOVE_HIGH_WATER);
            while (ws.queuedBytes() > 8 * BLOCK) {
                Thread.sleep(1);
            }
        }
        received.done.get(100, TimeUnit.SECONDS);
        ws.close();
        return received;
    }

    private static ByteBuffer pattern() {
        ByteBuffer block = ByteBuffer.allocate(BLOCK);
        for (int i = 0; i < BLOCK; i++) {
            block.put(i, (byte) (i * 31 + (i >>> 12)));
        }
        return block;
    }

    private static long crcOf(long total) {
        CRC32 crc = new CRC32();
        byte[] block = pattern().array();
        for (long n = 0; n < total; n += BLOCK) {
            crc.update(block);
        }
        return crc.getValue();
    }

    /** Records the text chunks of a streaming route, with the limit given. */
    private static final class TextRecorder implements StreamingHandler {
        final List<String> chunks = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        private final long limit;
        volatile boolean lastSeen;

        TextRecorder(long limit) {
            this.limit = limit;
        }

        @Override
        public void onTextChunk(WebSocket ws, CharSequence chunk, boolean last) {
            chunks.add(chunk.toString());
            lastSeen |= last;
        }

        @Override
        public void onBinaryChunk(WebSocket ws, ByteBuffer chunk, boolean last) {
            throw new AssertionError("binary");
        }

        @Override
        public long maxStreamedMessageSize() {
            return limit;
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason, boolean remote) {
            closed.complete(null);
        }
    }

    private static void awaitLast(TextRecorder recorder) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!recorder.lastSeen && System.nanoTime() < until) {
            Thread.sleep(5);
        }
    }

    /** ASCII text followed by raw bytes. */
    private static byte[] bytes(String ascii, int... raw) {
        byte[] b = new byte[ascii.length() + raw.length];
        for (int i = 0; i < ascii.length(); i++) {
            b[i] = (byte) ascii.charAt(i);
        }
        for (int i = 0; i < raw.length; i++) {
            b[ascii.length() + i] = (byte) raw[i];
        }
        return b;
    }
}
