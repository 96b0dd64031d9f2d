package io.niows.server;

import static io.niows.server.RawClient.numbered;
import static org.assertj.core.api.Assertions.assertThat;

import io.niows.SendCallback;
import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a handler sends while its connection's read is handled: short messages are framed straight
 * into the loop's staging buffer and written when the read ends, others are queued. Whatever path
 * each takes, the peer gets them in the order they were sent, a peer that reads late loses none,
 * and the counts of queued bytes come back to zero.
 */
class AnswersDuringAReadTest {

    private WebSocketServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void answersOfOneReadArriveInTheOrderSentWhateverPathEachTakes() throws Exception {
        CompletableFuture<Throwable> callbackFailure = new CompletableFuture<>();
        SendCallback told = (ws, failure) -> callbackFailure.complete(failure);
        server = Servers.loopback().loops(1).defaultRoute(new WebSocketHandler() {
            @Override
            public void onText(WebSocket ws, String text) {
                ws.sendText("1");
                ws.sendBinary(ByteBuffer.wrap(numbered(2, 16)));
                ws.sendBinary(ByteBuffer.wrap(numbered(3, 16)), told); // a callback: queued
                ws.handOverBinary(ByteBuffer.wrap(numbered(4, 4096))); // its own buffer, queued
                ws.sendText("5");
                ws.sendBinary(ByteBuffer.wrap(numbered(6, 100_000)));
                ws.sendFragment(true, ByteBuffer.wrap("7a".getBytes(StandardCharsets.UTF_8)), false);
                ws.sendFragment(true, ByteBuffer.wrap("7b".getBytes(StandardCharsets.UTF_8)), true);
                ws.sendText("8");
                ws.sendBinary(ByteBuffer.wrap(numbered(9, 300_000))); // larger than the staging buffer
                ws.sendText("10");
            }
        }).build().start();

        try (RawClient c = RawClient.open(server.port(), "/")) {
            c.send(RawClient.text("go"));
            assertThat(c.readFrame().text()).isEqualTo("1");
            assertThat(c.readFrame().payload()).isEqualTo(numbered(2, 16));
            assertThat(c.readFrame().payload()).isEqualTo(numbered(3, 16));
            assertThat(c.readFrame().payload()).isEqualTo(numbered(4, 4096));
            assertThat(c.readFrame().text()).isEqualTo("5");
            assertThat(c.readFrame().payload()).isEqualTo(numbered(6, 100_000));
            RawClient.Frame first = c.readFrame();
            assertThat(first.fin()).isFalse();
            assertThat(first.text()).isEqualTo("7a");
            assertThat(c.readFrame().text()).isEqualTo("7b");
            assertThat(c.readFrame().text()).isEqualTo("8");
            assertThat(c.readFrame().payload()).isEqualTo(numbered(9, 300_000));
            assertThat(c.readFrame().text()).isEqualTo("10");
            assertThat(callbackFailure.get(5, TimeUnit.SECONDS)).as("the callback's frame was written").isNull();
            awaitNothingQueued();
            assertThat(server.metrics().messagesOut()).isEqualTo(10);
        }
    }

    /**
     * A peer asks for many answers and reads none for a while: some reads' answers are more than
     * the socket takes, and the last answer to each request goes by the write queue, behind those.
     */
    @Test
    void answersAPeerReadsLateAreKeptInOrder() throws Exception {
        int requests = 100;
        int answers = 201;
        int size = 1024;
        List<WebSocket> opened = new CopyOnWriteArrayList<>();
        server = Servers.loopback().loops(1).defaultRoute(new WebSocketHandler() {
            @Override
            public void onOpen(WebSocket ws) {
                opened.add(ws);
            }

            @Override
            public void onText(WebSocket ws, String text) {
                int from = Integer.parseInt(text);
                for (int i = from; i < from + answers - 1; i++) {
                    ws.sendBinary(ByteBuffer.wrap(numbered(i, size)));
                }
                ws.sendBinary(ByteBuffer.wrap(numbered(from + answers - 1, size)), (w, failure) -> { });
            }
        }).build().start();

        try (RawClient c = RawClient.open(new RawClient(server.port(), 4096), "/", 10_000)) {
            Thread writer = c.sendInBackground("requests", requests, r -> RawClient.text(Integer.toString(r * answers)));
            long queued = 0;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < until) {
                queued = Math.max(queued, opened.isEmpty() ? 0 : opened.get(0).queuedBytes());
                Thread.sleep(5);
            }
            assertThat(queued).as("bytes the socket did not take while the peer did not read").isPositive();
            for (int i = 0; i < requests * answers; i++) {
                assertThat(c.readFrame().payload()).as("answer %d", i).isEqualTo(numbered(i, size));
            }
            writer.join(10_000);
            assertThat(writer.isAlive()).isFalse();
            awaitNothingQueued();
            assertThat(opened.get(0).queuedBytes()).isZero();
        }
    }

    @Test
    void answersSentBeforeTheHandlerFailsGoOutBeforeItsClose() throws Exception {
        server = Servers.loopback().loops(1).defaultRoute(new WebSocketHandler() {
            @Override
            public void onText(WebSocket ws, String text) {
                ws.sendText("a");
                ws.sendText("b");
                throw new IllegalStateException("the handler fails after answering");
            }
        }).build().start();

        try (RawClient c = RawClient.open(server.port(), "/")) {
            c.send(RawClient.text("go"));
            assertThat(c.readFrame().text()).isEqualTo("a");
            assertThat(c.readFrame().text()).isEqualTo("b");
            RawClient.Frame close = c.readFrame();
            assertThat(close.opcode()).isEqualTo(0x8);
            assertThat(close.closeCode()).isEqualTo(1011);
        }
        awaitNothingQueued();
    }

    @Test
    void aSendToAnotherConnectionOfTheLoopDuringARead() throws Exception {
        List<WebSocket> opened = new CopyOnWriteArrayList<>();
        server = Servers.loopback().loops(1).defaultRoute(new WebSocketHandler() {
            @Override
            public void onOpen(WebSocket ws) {
                opened.add(ws);
            }

            @Override
            public void onText(WebSocket ws, String text) {
                for (WebSocket each : opened) {
                    each.sendText(text + (each == ws ? " to you" : " to the other"));
                }
                ws.sendText("done");
            }
        }).build().start();

        try (RawClient a = RawClient.open(server.port(), "/"); RawClient b = RawClient.open(server.port(), "/")) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (opened.size() < 2 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            a.send(RawClient.text("from a"));
            assertThat(List.of(a.readFrame().text(), a.readFrame().text())).containsExactly("from a to you", "done");
            assertThat(b.readFrame().text()).isEqualTo("from a to the other");
            b.send(RawClient.text("from b"));
            assertThat(a.readFrame().text()).isEqualTo("from b to the other");
            assertThat(List.of(b.readFrame().text(), b.readFrame().text())).containsExactly("from b to you", "done");
        }
        awaitNothingQueued();
    }

    private void awaitNothingQueued() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.metrics().queuedBytes() != 0 && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(server.metrics().queuedBytes()).as("the server's count of queued bytes").isZero();
    }
}
