package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import io.niows.protocol.WebSocketProtocolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code onError} is called in exactly the cases its contract lists, before {@code onClose}, and in no other. */
class OnErrorContractTest {

    private static final IllegalStateException THROWN = new IllegalStateException("handler bug");

    /** What the handler heard, in order: "error:" and the throwable, "close:" and the code. */
    private final List<Object> heard = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private WebSocketServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private void start(Duration idleTimeout) throws IOException {
        server = Servers.loopback().idleTimeout(idleTimeout).defaultRoute(new WebSocketHandler() {
            @Override
            public void onText(WebSocket ws, String text) {
                if (text.equals("throw")) {
                    throw THROWN;
                }
                ws.sendText(text);
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                heard.add(error);
            }

            @Override
            public void onClose(WebSocket ws, int code, String reason, boolean remote) {
                heard.add("close:" + code);
                closed.countDown();
            }
        }).build().start();
    }

    private List<Object> heardOnceClosed() throws InterruptedException {
        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
        return heard;
    }

    @Test
    void aProtocolViolationIsToldWithItsCloseCodeThenTheClose() throws Exception {
        start(Duration.ZERO);
        try (RawClient raw = RawClient.open(server.port(), "/")) {
            raw.send(RawClient.frame(0x81, "unmasked".getBytes(StandardCharsets.UTF_8), false));
            assertThat(raw.readFrame().closeCode()).isEqualTo(1002);
        }
        List<Object> told = heardOnceClosed();
        assertThat(told).hasSize(2);
        assertThat(told.get(0)).isInstanceOfSatisfying(WebSocketProtocolException.class,
                e -> assertThat(e.closeCode()).isEqualTo(1002));
        assertThat(told.get(1)).isEqualTo("close:1002");
    }

    @Test
    void aHandlerExceptionIsToldAsItselfThenTheConnectionClosesWith1011() throws Exception {
        start(Duration.ZERO);
        try (RawClient raw = RawClient.open(server.port(), "/")) {
            raw.send(RawClient.text("throw"));
            RawClient.Frame close = raw.readFrame();
            assertThat(close.closeCode()).isEqualTo(1011);
            assertThat(close.text()).doesNotContain("handler bug");
            raw.send(RawClient.close(1011, ""));
        }
        List<Object> told = heardOnceClosed();
        assertThat(told).containsExactly(THROWN, "close:1011");
    }

    @Test
    void anIoErrorIsToldAsTheIoExceptionThenTheCloseWith1006() throws Exception {
        start(Duration.ZERO);
        RawClient raw = RawClient.open(server.port(), "/");
        raw.send(RawClient.text("ping"));
        assertThat(raw.readFrame().text()).isEqualTo("ping");
        raw.reset();
        List<Object> told = heardOnceClosed();
        assertThat(told).hasSize(2);
        assertThat(told.get(0)).isInstanceOf(IOException.class);
        assertThat(told.get(1)).isEqualTo("close:1006");
    }

    @Test
    void anIdleTimeoutIsNotAnError() throws Exception {
        start(Duration.ofMillis(200));
        try (RawClient raw = RawClient.open(server.port(), "/")) {
            assertThat(raw.readFrame().closeCode()).isEqualTo(1001); // the idle timeout's close
            raw.send(RawClient.close(1001, ""));
        }
        assertThat(heardOnceClosed()).containsExactly("close:1001");
    }

    @Test
    void aCloseThePeerStartsIsNotAnError() throws Exception {
        start(Duration.ZERO);
        try (RawClient raw = RawClient.open(server.port(), "/")) {
            raw.send(RawClient.close(1000, "bye"));
            assertThat(raw.readFrame().closeCode()).isEqualTo(1000);
        }
        assertThat(heardOnceClosed()).containsExactly("close:1000");
    }
}
