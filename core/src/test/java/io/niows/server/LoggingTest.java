package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What niows logs, as README's logging table says: through {@code System.Logger} named
 * {@code io.niows}, which the JDK routes to {@code java.util.logging} here (DEBUG is JUL's FINE).
 */
class LoggingTest {

    private final Logger jul = Logger.getLogger("io.niows");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level levelBefore;
    private WebSocketServer server;

    @BeforeEach
    void listen() throws Exception {
        levelBefore = jul.getLevel();
        jul.setLevel(Level.FINE);
        jul.addHandler(capture);
        server = Servers.loopback().route("/echo", new WebSocketHandler() {
            @Override
            public void onText(WebSocket ws, String text) {
                if (text.equals("throw")) {
                    throw new IllegalStateException("handler bug");
                }
            }
        }).build().start();
    }

    @AfterEach
    void stop() {
        server.close();
        jul.removeHandler(capture);
        jul.setLevel(levelBefore);
    }

    /** Waits, at most 10 s, for a record at {@code level} whose message contains every part. */
    private LogRecord await(Level level, String... parts) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (LogRecord r : records) {
                if (r.getLevel().equals(level) && List.of(parts).stream().allMatch(r.getMessage()::contains)) {
                    return r;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no " + level + " record with " + List.of(parts) + " in "
                + records.stream().map(r -> r.getLevel() + " " + r.getMessage()).toList());
    }

    @Test
    void aHandshakeRefusalIsLoggedAtDebugWithTheRemoteAddressAndTheReason() throws Exception {
        String local;
        try (RawClient raw = new RawClient(server.port())) {
            local = raw.socket.getLocalSocketAddress().toString();
            raw.send(RawClient.upgradeRequest("/nowhere").getBytes(StandardCharsets.ISO_8859_1));
            assertThat(raw.readHead()).startsWith("HTTP/1.1 404");
        }
        assertThat(await(Level.FINE, local, "404").getLoggerName()).isEqualTo("io.niows");
    }

    @Test
    void aProtocolViolationIsLoggedAtDebugWithTheRemoteAddressAndTheRuleBroken() throws Exception {
        String local;
        try (RawClient raw = RawClient.open(server.port(), "/echo")) {
            local = raw.socket.getLocalSocketAddress().toString();
            raw.send(RawClient.frame(0x81, "unmasked".getBytes(StandardCharsets.UTF_8), false));
            assertThat(raw.readFrame().closeCode()).isEqualTo(1002);
        }
        assertThat(await(Level.FINE, "protocol violation", local, "mask")).isNotNull();
    }

    @Test
    void aHandlerExceptionIsLoggedAtWarningWithItsStackTrace() throws Exception {
        try (RawClient raw = RawClient.open(server.port(), "/echo")) {
            raw.send(RawClient.text("throw"));
            assertThat(raw.readFrame().closeCode()).isEqualTo(1011);
        }
        LogRecord r = await(Level.WARNING, "handler failed", "1011");
        assertThat(r.getThrown()).hasMessage("handler bug");
    }

    @Test
    void anIoErrorThatEndsAConnectionIsLoggedAtDebug() throws Exception {
        RawClient raw = RawClient.open(server.port(), "/echo");
        String local = raw.socket.getLocalSocketAddress().toString();
        raw.reset();
        assertThat(await(Level.FINE, "I/O error", local)).isNotNull();
    }
}
