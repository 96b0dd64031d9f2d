package io.niows.internal.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import io.niows.protocol.PerMessageDeflate;
import io.niows.protocol.SendResult;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A send from another thread that reports {@link SendResult#QUEUED_ABOVE_HIGH_WATER} is always
 * followed by {@code onWritable}, even when the loop writes the whole queue before the send has
 * returned: the request for the callback must be visible to the loop before the frame is.
 */
@Timeout(30)
class WritableWakeUpTest {

    private static final int LOW = 1 << 10;
    private static final int HIGH = 2 << 10;

    private final CompletableFuture<WebSocket> opened = new CompletableFuture<>();
    private final CountDownLatch writable = new CountDownLatch(1);
    private WebSocketServer server;
    private WebSocketClient client;

    @AfterEach
    void stop() {
        Connection.afterHandOff = null;
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void onWritableFollowsEvenWhenTheLoopDrainsTheQueueBeforeTheSendReturns() throws Exception {
        // Uncompressed, so that the text's size is the queued size.
        server = WebSocketServer.builder().host("127.0.0.1").port(0).loops(1).writeWaterMarks(LOW, HIGH)
                .perMessageDeflate(PerMessageDeflate.disabled())
                .defaultRoute(new WebSocketHandler() {
                    @Override
                    public void onOpen(WebSocket ws) {
                        opened.complete(ws);
                    }

                    @Override
                    public void onWritable(WebSocket ws) {
                        writable.countDown();
                    }
                }).build().start();
        client = WebSocketClient.builder().build();
        client.connect(URI.create("ws://127.0.0.1:" + server.port() + "/"), new WebSocketHandler() { })
                .get(10, TimeUnit.SECONDS);
        WebSocket sender = opened.get(10, TimeUnit.SECONDS);
        CountDownLatch drained = new CountDownLatch(1);
        Connection.afterHandOff = c -> {
            if (drained.getCount() > 0) {
                awaitEmptyQueue(c);
                drained.countDown();
            }
        };

        SendResult result = sender.sendText("x".repeat(2 * HIGH));

        assertThat(drained.getCount()).as("the loop wrote the frame before the send returned").isZero();
        assertThat(result).isEqualTo(SendResult.QUEUED_ABOVE_HIGH_WATER);
        assertThat(writable.await(5, TimeUnit.SECONDS)).as("onWritable after the queue drained").isTrue();
    }

    /** Waits, on the sending thread, until the loop has written every queued byte to the kernel. */
    private static void awaitEmptyQueue(Connection c) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (c.queuedBytes() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        if (c.queuedBytes() > 0) {
            throw new AssertionError("the loop did not write the frame within 5 s");
        }
    }
}
