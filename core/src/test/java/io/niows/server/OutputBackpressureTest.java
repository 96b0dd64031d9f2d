package io.niows.server;

import static io.niows.server.RawClient.numbered;
import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A peer that sends without reading is held back by TCP, not by the server's memory: automatic
 * pongs are coalesced once the socket takes nothing more (RFC 6455 §5.5.3) and a connection whose output is backed up past the
 * high-water mark is not read until it falls to the low-water mark.
 */
@Timeout(60)
class OutputBackpressureTest {

    private static final int PONG_FRAME = 2 + 125;
    /** A loop reads at most sixteen 64 KiB buffers for one connection before it serves the others. */
    private static final int MAX_READ_PER_EVENT = 16 * 64 * 1024;

    private WebSocketServer server;
    private final CompletableFuture<WebSocket> serverSide = new CompletableFuture<>();
    private final AtomicInteger pings = new AtomicInteger();

    private final WebSocketHandler echo = new WebSocketHandler() {
        @Override
        public void onOpen(WebSocket ws) {
            serverSide.complete(ws);
        }

        @Override
        public void onBinary(WebSocket ws, ByteBuffer data) {
            ws.sendBinary(data);
        }

        @Override
        public void onPing(WebSocket ws, ByteBuffer payload) {
            pings.incrementAndGet();
        }
    };

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPingFloodFromAPeerThatDoesNotReadCostsAtMostOneReadsWorthOfPongs() throws Exception {
        server = Servers.loopback().loops(1).defaultRoute(echo).build().start();
        int count = 100_000;
        try (RawClient client = RawClient.open(server.port(), "/")) {
            WebSocket ws = serverSide.get(5, TimeUnit.SECONDS);
            Thread flood = client.sendInBackground("ping-flood", count / 1000, b -> {
                ByteArrayOutputStream batch = new ByteArrayOutputStream();
                for (int i = b * 1000; i < (b + 1) * 1000; i++) {
                    batch.writeBytes(RawClient.frame(0x89, pingPayload(i), true));
                }
                return batch.toByteArray();
            });

            long maxQueued = 0;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (flood.isAlive() && System.nanoTime() < until) {
                maxQueued = Math.max(maxQueued, ws.queuedBytes());
                Thread.sleep(5);
            }
            assertThat(maxQueued).as("most bytes queued for a peer that pings and does not read")
                    .isLessThanOrEqualTo((64 << 10) + MAX_READ_PER_EVENT + PONG_FRAME);

            RawClient.Frame last;
            do {
                last = client.readFrame();
            } while (ByteBuffer.wrap(last.payload()).getInt() != count - 1);
            assertThat(last.opcode()).isEqualTo(0xA);
            assertThat(last.payload()).isEqualTo(pingPayload(count - 1));
            flood.join(10_000);
            assertThat(flood.isAlive()).isFalse();
            assertThat(pings.get()).isEqualTo(count);
        }
    }

    @Test
    void anEchoFloodFromAPeerThatDoesNotReadStopsReadingAndLosesNothing() throws Exception {
        server = Servers.loopback().loops(1).defaultRoute(echo).build().start();
        int messages = 2_000;
        int size = 16 * 1024;
        try (RawClient client = RawClient.open(server.port(), "/")) {
            WebSocket ws = serverSide.get(5, TimeUnit.SECONDS);
            Thread writer = client.sendInBackground("flood-writer", messages,
                    i -> RawClient.frame(0x82, numbered(i, size), true));

            long maxQueued = 0;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < until) {
                maxQueued = Math.max(maxQueued, ws.queuedBytes());
                Thread.sleep(5);
            }
            assertThat(maxQueued).as("most bytes queued for a peer that does not read")
                    .isLessThanOrEqualTo((64 << 10) + MAX_READ_PER_EVENT + size);

            for (int i = 0; i < messages; i++) {
                RawClient.Frame echoed = client.readFrame();
                assertThat(ByteBuffer.wrap(echoed.payload()).getInt()).isEqualTo(i);
                assertThat(echoed.payload()).hasSize(size);
            }
            writer.join(10_000);
            assertThat(writer.isAlive()).isFalse();
        }
    }

    private static byte[] pingPayload(int index) {
        return numbered(index, 125);
    }
}
