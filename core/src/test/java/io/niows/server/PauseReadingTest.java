package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inbound flow control: a paused connection is not read, so a peer that sends faster than the
 * handler takes is held back by TCP (its writes block) while the server holds at most one read
 * buffer for it; after resuming, every message arrives, in order. Over TLS as well: the records
 * the TLS stage decrypted before the pause wait in it, and are delivered first on resuming.
 */
@Timeout(60)
class PauseReadingTest {

    private static final int READ_BUFFER = 256 * 1024;
    private static final int SIZE = 16 * 1024;
    private static final int MESSAGES = 2_000;
    /** The TLS handshake's records from the client, with room to spare. */
    private static final int TLS_HANDSHAKE_BOUND = 8 * 1024;

    private WebSocketServer server;
    private final CompletableFuture<WebSocket> serverSide = new CompletableFuture<>();
    /** Indices of the messages received, in order; -1 for one whose bytes were not those sent. */
    private final List<Integer> received = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "TLS: {0}")
    @ValueSource(booleans = {false, true})
    void aPeerFasterThanAPausedHandlerBlocksWhileTheServerHoldsAtMostOneReadBuffer(boolean tls) throws Exception {
        server = serverWith(recorder(-1), tls);
        int request = RawClient.upgradeRequest("/").getBytes(StandardCharsets.ISO_8859_1).length;
        try (Peer client = Peer.open(server.port(), tls)) {
            WebSocket ws = serverSide.get(5, TimeUnit.SECONDS);
            AtomicLong sent = new AtomicLong();
            Thread writer = writer(client, sent);
            writer.start();

            awaitStalled(sent);
            assertThat(writer.isAlive()).as("the peer's writes block").isTrue();
            assertThat(sent.get()).as("messages the peer got out before blocking").isLessThan(MESSAGES);
            assertThat(received).as("messages delivered while paused").isEmpty();
            // Over TLS the count is of records: the handshake's, and a read buffer of ciphertext at most.
            assertThat(server.metrics().bytesIn()).as("bytes the server read while paused")
                    .isLessThanOrEqualTo(request + READ_BUFFER + (tls ? TLS_HANDSHAKE_BOUND : 0));

            ws.resumeReading();
            writer.join(20_000);
            assertThat(writer.isAlive()).isFalse();
            awaitReceived(MESSAGES);
            assertThat(received).containsExactlyElementsOf(range(MESSAGES));
        }
    }

    @ParameterizedTest(name = "TLS: {0}")
    @ValueSource(booleans = {false, true})
    void pausingInAHandlerDeliversNothingMoreFromThatReadAndResumingGoesOnInOrder(boolean tls) throws Exception {
        int pauseAt = 10;
        server = serverWith(recorder(pauseAt), tls);
        try (Peer client = Peer.open(server.port(), tls)) {
            WebSocket ws = serverSide.get(5, TimeUnit.SECONDS);
            ws.resumeReading(); // paused in onOpen
            AtomicLong sent = new AtomicLong();
            Thread writer = writer(client, sent);
            writer.start();

            awaitStalled(sent);
            assertThat(received).as("delivered up to the message whose handler paused")
                    .containsExactlyElementsOf(range(pauseAt + 1));
            assertThat(writer.isAlive()).isTrue();

            ws.resumeReading();
            writer.join(20_000);
            awaitReceived(MESSAGES);
            assertThat(received).containsExactlyElementsOf(range(MESSAGES));
        }
    }

    /** A raw client, plain or over TLS, that sends bytes of its choosing. */
    private record Peer(Sender sender, AutoCloseable connection) implements AutoCloseable {

        interface Sender {
            void send(byte[] bytes) throws IOException;
        }

        static Peer open(int port, boolean tls) throws IOException {
            if (tls) {
                TlsPeer p = TlsPeer.open(port, TestCertificates.LOCALHOST.trusting(), "/");
                return new Peer(p::write, p);
            }
            RawClient c = RawClient.open(port, "/");
            return new Peer(c::send, c);
        }

        void send(byte[] bytes) throws IOException {
            sender.send(bytes);
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }

    private static WebSocketServer serverWith(WebSocketHandler handler, boolean tls) throws IOException {
        WebSocketServer.Builder b = Servers.loopback().loops(1).defaultRoute(handler);
        if (tls) {
            b.tls(TestCertificates.LOCALHOST.server());
        }
        return b.build().start();
    }

    @Test
    void closeWhilePausedStillCompletesTheCloseHandshake() throws Exception {
        server = Servers.loopback().loops(1).defaultRoute(recorder(-1)).build().start();
        try (RawClient client = RawClient.open(server.port(), "/")) {
            WebSocket ws = serverSide.get(5, TimeUnit.SECONDS);
            client.send(RawClient.frame(0x82, numbered(0), true));
            ws.close();
            RawClient.Frame close = client.readFrame();
            assertThat(close.opcode()).isEqualTo(0x8);
            client.send(RawClient.close(1000, ""));
            assertThat(client.readToEnd()).isEmpty();
            assertThat(received).as("no data message after a close was sent").isEmpty();
        }
    }

    /** Pauses in onOpen; records each message, and pauses again in the handler of message {@code pauseAt}. */
    private WebSocketHandler recorder(int pauseAt) {
        return new WebSocketHandler() {
            @Override
            public void onOpen(WebSocket ws) {
                ws.pauseReading();
                serverSide.complete(ws);
            }

            @Override
            public void onBinary(WebSocket ws, ByteBuffer data) {
                int index = data.getInt(0);
                received.add(ByteBuffer.wrap(numbered(index)).equals(data) ? index : -1);
                if (index == pauseAt) {
                    ws.pauseReading();
                }
            }
        };
    }

    private static Thread writer(Peer client, AtomicLong sent) {
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < MESSAGES; i++) {
                    client.send(RawClient.frame(0x82, numbered(i), true));
                    sent.incrementAndGet();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "fast-peer");
        writer.setDaemon(true);
        return writer;
    }

    /** Waits until the peer has sent nothing more for half a second (its writes block). */
    private static void awaitStalled(AtomicLong sent) throws InterruptedException {
        long last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < TimeUnit.MILLISECONDS.toNanos(500)) {
            Thread.sleep(50);
            long now = sent.get();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
    }

    private void awaitReceived(int count) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (received.size() < count && System.nanoTime() < until) {
            Thread.sleep(10);
        }
    }

    private static List<Integer> range(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    private static byte[] numbered(int index) {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        b.putInt(index);
        while (b.hasRemaining()) {
            b.put((byte) index);
        }
        return b.array();
    }
}
