package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Past the server-wide memory budget, a message that needs more room is refused with 1013 and
 * the busiest connection is closed first (1013), while a small connection keeps its echoes.
 */
@Timeout(60)
class MemoryBudgetTest {

    private static final int MIB = 1 << 20;

    private WebSocketServer server;
    private final Map<String, Integer> closeCodes = new ConcurrentHashMap<>();

    /** Echoes text; "send N" sends N binary messages of 1 MiB back; records each close code by path. */
    private final WebSocketHandler handler = new WebSocketHandler() {
        @Override
        public void onText(WebSocket ws, String text) {
            if (text.startsWith("send ")) {
                for (int i = Integer.parseInt(text.substring(5)); i > 0; i--) {
                    ws.sendBinary(ByteBuffer.allocate(MIB));
                }
            } else {
                ws.sendText(text);
            }
        }

        @Override
        public void onBinary(WebSocket ws, ByteBuffer data) {
            ws.sendText("got " + data.remaining());
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason, boolean remote) {
            closeCodes.put(ws.request().path(), code);
        }
    };

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aMessageThatGrowsPastTheBudgetIsRefusedWith1013AndTheCanaryKeepsEchoing() throws Exception {
        server = Servers.loopback().loops(1).defaultRoute(handler).memoryBudget(2 * MIB).build().start();
        try (RawClient canary = RawClient.open(server.port(), "/canary");
                RawClient big = RawClient.open(server.port(), "/big")) {
            byte[] frame = RawClient.frame(0x82, new byte[8 * MIB], true);
            for (int sent = 0; sent < 4 * MIB; sent += 64 * 1024) {
                big.send(java.util.Arrays.copyOfRange(frame, sent, sent + 64 * 1024));
                Thread.sleep(1);
            }

            RawClient.Frame close = big.readFrame();
            assertThat(close.opcode()).isEqualTo(0x8);
            assertThat(close.closeCode()).isEqualTo(1013);
            canary.send(RawClient.text("still here"));
            assertThat(canary.readFrame().text()).isEqualTo("still here");
        }
        try (RawClient after = RawClient.open(server.port(), "/after")) {
            after.send(RawClient.frame(0x82, new byte[MIB], true));
            assertThat(after.readFrame().text()).as("a message within the budget, once the big one is gone")
                    .isEqualTo("got " + MIB);
        }
    }

    @Test
    void overTheBudgetTheBusiestConnectionIsClosedFirst() throws Exception {
        server = Servers.loopback().loops(1).defaultRoute(handler).memoryBudget(16 * MIB).build().start();
        try (RawClient busiest = RawClient.open(server.port(), "/busiest");
                RawClient modest = RawClient.open(server.port(), "/modest")) {
            modest.send(RawClient.text("send 4"));
            Thread.sleep(200);
            busiest.send(RawClient.text("send 40"));

            awaitClose("/busiest");
            assertThat(closeCodes.get("/busiest")).isEqualTo(1013);
            for (int i = 0; i < 4; i++) {
                assertThat(modest.readFrame().payload()).hasSize(MIB);
            }
            modest.send(RawClient.text("still here"));
            assertThat(modest.readFrame().text()).isEqualTo("still here");
            assertThat(closeCodes).doesNotContainKey("/modest");
        }
    }

    private void awaitClose(String path) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!closeCodes.containsKey(path) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
    }
}
