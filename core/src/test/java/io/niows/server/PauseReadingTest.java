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

/**
 * Inbound flow control: a paused connection is not read, so a peer that sends faster than the
 * handler takes is held back by TCP (its writes block) while the server holds at most one read
 * buffer for it; after resuming, every message arrives, in order.
 */
@Timeout(60)
class PauseReadingTest {

    private static final int READ_BUFFER = 256 * 1024;
    private static final int SIZE = 16 * 1024;
    private static final int MESSAGES = 2_000;

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

    @Test
    void aPeerFasterThanAPausedHandlerBlocksWhileTheServerHoldsAtMostOneReadBuffer() throws Exception {
        server = Servers.loopback().loops(1).defaultRoute(recorder(-1)).build().start();
        int request = RawClient.upgradeRequest("/").getBytes(StandardCharsets.ISO_8859_1).length;
        try (RawClient client = RawClient.open(server.port(), "/")) {
            WebSocket ws = serverSide.get(5, TimeUnit.SECONDS);
            AtomicLong sent = new AtomicLong();
            Thread writer = writer(client, sent);
            writer.start();

            awaitStalled(sent);
            assertThat(writer.isAlive()).as("the peer's writes block").isTrue();
            assertThat(sent.get()).as("messages the peer got out before blocking").isLessThan(MESSAGES);
            assertThat(received).as("messages delivered while paused").isEmpty();
            assertThat(server.metrics().bytesIn()).as("bytes the server read while paused")
                    .isLessThanOrEqualTo(request + READ_BUFFER);

            ws.resumeReading();
            writer.join(20_000);
            assertThat(writer.isAlive()).isFalse();
            awaitReceived(MESSAGES);
            assertThat(received).containsExactlyElementsOf(range(MESSAGES));
        }
    }

    @Test
    void pausingInAHandlerDeliversNothingMoreFromThatReadAndResumingGoesOnInOrder() throws Exception {
        int pauseAt = 10;
        server = Servers.loopback().loops(1).defaultRoute(recorder(pauseAt)).build().start();
        try (RawClient client = RawClient.open(server.port(), "/")) {
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

    private static Thread writer(RawClient client, AtomicLong sent) {
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
