package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import io.niows.protocol.SendResult;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WebSocket#sendFragment} on real connections, server and client: a message keeps the kind
 * its first fragment gave it (RFC 6455 §5.4: "a fragmented message consists of a single frame
 * with the FIN bit clear and an opcode other than 0, followed by zero or more frames with the FIN
 * bit clear and the opcode set to 0"), so a text message continued as binary is a caller's error
 * that puts nothing on the wire. Once the product sent a continuation for it, and the peer got a
 * message of the wrong content.
 */
class FragmentedSendTest {

    private final BlockingQueue<WebSocket> opened = new LinkedBlockingQueue<>();
    private WebSocketServer server;

    @BeforeEach
    void start() throws Exception {
        server = Servers.loopback().defaultRoute(new WebSocketHandler() {
            @Override
            public void onOpen(WebSocket ws) {
                opened.add(ws);
            }

            @Override
            public void onText(WebSocket ws, String text) {
                ws.sendText(text);
            }
        }).build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ByteBuffer utf8(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The fragments of "Hello" with a binary continuation tried in between, then "after". */
    private static void sendHelloTryingABinaryContinuation(WebSocket ws) {
        assertThat(ws.sendFragment(true, utf8("Hel"), false)).isEqualTo(SendResult.QUEUED);
        assertThatThrownBy(() -> ws.sendFragment(false, utf8("XX"), true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ws.sendFragment(true, utf8("lo"), true)).isEqualTo(SendResult.QUEUED);
        assertThat(ws.sendText("after")).isEqualTo(SendResult.QUEUED);
    }

    @Test
    void theServerRefusesATextMessageContinuedAsBinaryAndSendsNothingForIt() throws Exception {
        try (RawClient client = RawClient.open(server.port(), "/")) {
            WebSocket ws = opened.poll(10, TimeUnit.SECONDS);
            assertThat(ws).as("the server's side of the connection").isNotNull();
            sendHelloTryingABinaryContinuation(ws);
            RawClient.Frame first = client.readFrame();
            assertThat(first.opcode()).isEqualTo(0x1);
            assertThat(first.fin()).isFalse();
            assertThat(first.text()).isEqualTo("Hel");
            RawClient.Frame last = client.readFrame();
            assertThat(last.opcode()).as("a continuation").isEqualTo(0x0);
            assertThat(last.fin()).isTrue();
            assertThat(last.text()).isEqualTo("lo");
            RawClient.Frame next = client.readFrame();
            assertThat(next.opcode()).isEqualTo(0x1);
            assertThat(next.text()).isEqualTo("after");
        }
    }

    @Test
    void theClientRefusesATextMessageContinuedAsBinaryAndTheServerGetsTheMessageWhole() throws Exception {
        BlockingQueue<String> echoed = new LinkedBlockingQueue<>();
        try (WebSocketClient client = WebSocketClient.builder().build()) {
            WebSocket ws = client.connect(URI.create("ws://127.0.0.1:" + server.port() + "/"), new WebSocketHandler() {
                @Override
                public void onText(WebSocket socket, String text) {
                    echoed.add(text);
                }
            }).get(10, TimeUnit.SECONDS);
            sendHelloTryingABinaryContinuation(ws);
            assertThat(echoed.poll(10, TimeUnit.SECONDS)).isEqualTo("Hello");
            assertThat(echoed.poll(10, TimeUnit.SECONDS)).isEqualTo("after");
        }
    }
}
