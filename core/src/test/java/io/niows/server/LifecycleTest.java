package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import io.niows.protocol.SendResult;
import io.niows.protocol.WebSocketProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Opening, closing, timeouts, handler failures, backpressure and shutdown. */
class LifecycleTest {

    private WebSocketServer server;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static List<Thread> niowsThreads(int port) {
        List<Thread> found = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("niows-" + port + "-") && t.isAlive()) {
                found.add(t);
            }
        }
        return found;
    }

    @Test
    void gracefulCloseSends1001ToEveryClientAndEndsEveryThread() throws Exception {
        server = Servers.echo();
        int port = server.port();
        TestHttp http = new TestHttp();
        toClose.add(http);
        List<JdkClient> clients = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JdkClient c = JdkClient.connect(http.client, port, "/");
            clients.add(c);
            toClose.add(c);
        }
        assertThat(niowsThreads(port)).hasSize(3);
        server.close(Duration.ofSeconds(5));
        for (JdkClient c : clients) {
            JdkClient.Closed closed = c.closed.get(10, TimeUnit.SECONDS);
            assertThat(closed.code()).isEqualTo(1001);
        }
        assertThat(niowsThreads(port)).isEmpty();
    }

    @Test
    void hardStopDropsConnectionsAndEndsEveryThread() throws Exception {
        server = Servers.echo();
        int port = server.port();
        RawClient c = RawClient.open(port, "/");
        toClose.add(c);
        server.stop();
        assertThat(c.serverClosedTcp()).isTrue();
        assertThat(niowsThreads(port)).isEmpty();
    }

    @Test
    void aClientThatSendsHalfARequestAndStopsIsDroppedAtTheHandshakeTimeout() throws Exception {
        server = Servers.loopback().defaultRoute(Servers.ECHO)
                .handshakeTimeout(Duration.ofMillis(300)).build().start();
        RawClient c = new RawClient(server.port());
        toClose.add(c);
        c.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(c.serverClosedTcp()).isTrue();
    }

    @Test
    void aPeerThatNeverAnswersACloseIsDroppedAtTheCloseTimeout() throws Exception {
        server = Servers.loopback().closeTimeout(Duration.ofMillis(300)).defaultRoute(new WebSocketHandler() {
            @Override
            public void onText(WebSocket ws, String text) {
                ws.close(4000, "done");
            }
        }).build().start();
        RawClient c = RawClient.open(server.port(), "/");
        toClose.add(c);
        c.send(RawClient.text("close me"));
        RawClient.Frame close = c.readFrame();
        assertThat(close.closeCode()).isEqualTo(4000);
        assertThat(close.text().substring(2)).isEqualTo("done");
        assertThat(c.serverClosedTcp()).isTrue();
    }

    @Test
    void anIdleConnectionIsClosedAtTheIdleTimeout() throws Exception {
        server = Servers.loopback().defaultRoute(Servers.ECHO).idleTimeout(Duration.ofMillis(300)).build().start();
        RawClient c = RawClient.open(server.port(), "/");
        toClose.add(c);
        RawClient.Frame close = c.readFrame();
        assertThat(close.opcode()).isEqualTo(8);
        assertThat(close.closeCode()).isEqualTo(1001);
    }

    @Test
    void keepAlivePingsASilentPeerAndDropsItWhenItDoesNotAnswer() throws Exception {
        server = Servers.loopback().defaultRoute(Servers.ECHO)
                .keepAlive(Duration.ofMillis(200), Duration.ofMillis(300)).build().start();
        RawClient c = RawClient.open(server.port(), "/");
        toClose.add(c);
        assertThat(c.readFrame().opcode()).isEqualTo(9);
        assertThat(c.serverClosedTcp()).isTrue();
    }

    @Test
    void aHandlerThatThrowsClosesItsConnectionWith1011WithoutDetails() throws Exception {
        BlockingQueue<Throwable> errors = new ArrayBlockingQueue<>(4);
        server = Servers.loopback().defaultRoute(new WebSocketHandler() {
            @Override
            public void onText(WebSocket ws, String text) {
                if (text.equals("boom")) {
                    throw new IllegalStateException("secret detail");
                }
                ws.sendText(text);
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                errors.add(error);
            }
        }).build().start();
        try (RawClient good = RawClient.open(server.port(), "/");
                RawClient bad = RawClient.open(server.port(), "/")) {
            bad.send(RawClient.text("boom"));
            RawClient.Frame close = bad.readFrame();
            assertThat(close.closeCode()).isEqualTo(1011);
            assertThat(close.text()).doesNotContain("secret");
            assertThat(errors.poll(5, TimeUnit.SECONDS)).hasMessage("secret detail");
            good.send(RawClient.text("fine"));
            assertThat(good.readFrame().text()).isEqualTo("fine");
        }
    }

    @Test
    void aFrameOverTheLimitReachesOnErrorWithCode1009BeforeOnClose() throws Exception {
        BlockingQueue<String> events = new ArrayBlockingQueue<>(4);
        server = Servers.loopback().defaultRoute(new WebSocketHandler() {
            @Override
            public void onError(WebSocket ws, Throwable error) {
                events.add(error instanceof WebSocketProtocolException violation
                        ? "error " + violation.closeCode() + " " + violation.getMessage()
                        : "error " + error);
            }

            @Override
            public void onClose(WebSocket ws, int code, String reason, boolean remote) {
                events.add("close " + code + " " + reason + " " + remote);
            }
        }).build().start();
        try (RawClient c = RawClient.open(server.port(), "/")) {
            ByteBuffer header = ByteBuffer.allocate(14).put((byte) 0x82).put((byte) (0x80 | 127))
                    .putLong(20L << 20).putInt(0x12345678);
            c.send(header.array());
            assertThat(c.readFrame().closeCode()).isEqualTo(1009);
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("error 1009 frame over 16777216 bytes");
        }
        // the server waits for this side's FIN before it closes TCP and reports the close
        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("close 1009 frame over 16777216 bytes false");
        assertThat(events.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void onCloseReportsThePeersCodeAndReasonOnce() throws Exception {
        BlockingQueue<String> closes = new ArrayBlockingQueue<>(4);
        server = Servers.loopback().defaultRoute(new WebSocketHandler() {
            @Override
            public void onClose(WebSocket ws, int code, String reason, boolean remote) {
                closes.add(code + " " + reason + " " + remote);
            }
        }).build().start();
        try (RawClient c = RawClient.open(server.port(), "/")) {
            c.send(RawClient.close(4321, "see you"));
            assertThat(c.readFrame().closeCode()).isEqualTo(4321);
            assertThat(closes.poll(5, TimeUnit.SECONDS)).isEqualTo("4321 see you true");
        }
        try (RawClient c = RawClient.open(server.port(), "/")) {
            c.reset();
            assertThat(closes.poll(5, TimeUnit.SECONDS)).isEqualTo("1006  true");
        }
        assertThat(closes.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void sendsReportTheHighWaterMarkAndOnWritableFollowsWhenTheQueueDrains() throws Exception {
        CompletableFuture<WebSocket> opened = new CompletableFuture<>();
        CountDownLatch writable = new CountDownLatch(1);
        server = Servers.loopback().writeWaterMarks(8 << 10, 64 << 10).defaultRoute(new WebSocketHandler() {
            @Override
            public void onOpen(WebSocket ws) {
                opened.complete(ws);
            }

            @Override
            public void onWritable(WebSocket ws) {
                writable.countDown();
            }
        }).build().start();
        RawClient c = RawClient.open(server.port(), "/");
        toClose.add(c);
        WebSocket ws = opened.get(5, TimeUnit.SECONDS);
        String chunk = "z".repeat(32 << 10);
        SendResult last = SendResult.QUEUED;
        int sent = 0;
        while (last == SendResult.QUEUED && sent < 10_000) {
            last = ws.sendText(chunk);
            sent++;
        }
        assertThat(last).isEqualTo(SendResult.QUEUED_ABOVE_HIGH_WATER);
        for (int i = 0; i < sent; i++) {
            assertThat(c.readFrame().payload()).hasSize(32 << 10);
        }
        assertThat(writable.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ws.queuedBytes()).isLessThanOrEqualTo(8 << 10);
    }

    @Test
    void sendsAfterCloseAreRefusedAndBadCloseCodesAreRejected() throws Exception {
        CompletableFuture<WebSocket> opened = new CompletableFuture<>();
        server = Servers.loopback().defaultRoute(new WebSocketHandler() {
            @Override
            public void onOpen(WebSocket ws) {
                opened.complete(ws);
            }
        }).build().start();
        RawClient c = RawClient.open(server.port(), "/");
        toClose.add(c);
        WebSocket ws = opened.get(5, TimeUnit.SECONDS);
        for (int refused : new int[] {1005, 1006, 1015, 1004, 999, 2999, 5000}) {
            assertThatThrownBy(() -> ws.close(refused, "")).as("close(%d)", refused)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ws.close(1000, "r".repeat(124))).isInstanceOf(IllegalArgumentException.class);
        ws.close(1000, "bye");
        assertThat(ws.sendText("too late")).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(c.readFrame().closeCode()).isEqualTo(1000);
    }

    @Test
    void aFragmentedMessageArrivesWholeAndOtherSendsWaitForItsEnd() throws Exception {
        CompletableFuture<WebSocket> opened = new CompletableFuture<>();
        server = Servers.loopback().defaultRoute(new WebSocketHandler() {
            @Override
            public void onOpen(WebSocket ws) {
                opened.complete(ws);
            }
        }).build().start();
        TestHttp http = new TestHttp();
        toClose.add(http);
        JdkClient c = JdkClient.connect(http.client, server.port(), "/");
        toClose.add(c);
        WebSocket ws = opened.get(5, TimeUnit.SECONDS);
        ws.sendFragment(true, ByteBuffer.wrap("Hel".getBytes(StandardCharsets.UTF_8)), false);
        assertThat(ws.sendText("in the middle")).isEqualTo(SendResult.REFUSED_BUSY);
        assertThat(ws.sendBinary(ByteBuffer.allocate(1))).isEqualTo(SendResult.REFUSED_BUSY);
        CompletableFuture<SendResult> fromOther = new CompletableFuture<>();
        Thread other = new Thread(() -> fromOther.complete(ws.sendFragment(true, ByteBuffer.wrap(new byte[] {'x'}), true)));
        other.start();
        other.join(5000);
        assertThat(fromOther.get(5, TimeUnit.SECONDS)).isEqualTo(SendResult.REFUSED_BUSY);
        ws.sendFragment(true, ByteBuffer.wrap("lo".getBytes(StandardCharsets.UTF_8)), true);
        ws.sendText("after");
        assertThat(c.next()).isEqualTo("Hello");
        assertThat(c.next()).isEqualTo("after");
    }

    @Test
    void aSendCallbackHearsWhenTheBytesReachedTheKernel() throws Exception {
        CompletableFuture<Throwable> sent = new CompletableFuture<>();
        server = Servers.loopback().defaultRoute(new WebSocketHandler() {
            @Override
            public void onOpen(WebSocket ws) {
                ws.sendText("welcome", (w, failure) -> sent.complete(failure));
            }
        }).build().start();
        RawClient c = RawClient.open(server.port(), "/");
        toClose.add(c);
        assertThat(c.readFrame().text()).isEqualTo("welcome");
        assertThat(sent.get(5, TimeUnit.SECONDS)).isNull();
    }
}
