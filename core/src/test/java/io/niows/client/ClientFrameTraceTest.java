package io.niows.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import io.niows.protocol.FrameTrace;
import io.niows.protocol.TracedFrame;
import io.niows.protocol.TracedFrame.Direction;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client builder's trace hook, against a traced niows server: what the client reports sending
 * is, header byte for header byte (masking keys included) and preview for preview, what the server
 * reports receiving, and the other way round; the handshake heads match the same way.
 */
@Timeout(30)
class ClientFrameTraceTest {

    private static final class Recorder implements FrameTrace {
        final List<TracedFrame> frames = new ArrayList<>();
        final List<String> heads = new ArrayList<>();

        @Override
        public synchronized void onFrame(TracedFrame frame) {
            frames.add(frame);
        }

        @Override
        public synchronized void onHandshake(Direction direction, String head) {
            heads.add(direction + " " + head);
        }

        synchronized List<String> of(Direction direction) {
            return frames.stream().filter(f -> f.direction() == direction)
                    .map(f -> f.offset() + " " + f.headerHex() + " " + HexFormat.of().formatHex(f.preview()))
                    .toList();
        }

        synchronized String head(Direction direction) {
            return heads.stream().filter(h -> h.startsWith(direction.name())).findFirst().orElseThrow()
                    .substring(direction.name().length() + 1);
        }
    }

    @Test
    void whatTheClientSendsIsWhatTheServerReceives() throws Exception {
        Recorder serverTrace = new Recorder();
        Recorder clientTrace = new Recorder();
        WebSocketHandler echo = new WebSocketHandler() {
            @Override
            public void onText(WebSocket ws, String text) {
                ws.sendText(text);
            }
        };
        CompletableFuture<String> closed = new CompletableFuture<>();
        LinkedBlockingQueue<String> got = new LinkedBlockingQueue<>();
        try (WebSocketServer server = WebSocketServer.builder().host("127.0.0.1").port(0).loops(1)
                .defaultRoute(echo).trace(serverTrace).build().start();
                WebSocketClient client = WebSocketClient.builder().trace(clientTrace).build()) {
            WebSocket ws = client.connect(URI.create("ws://127.0.0.1:" + server.port() + "/"), new WebSocketHandler() {
                @Override
                public void onText(WebSocket socket, String text) {
                    got.add(text);
                }

                @Override
                public void onClose(WebSocket socket, int code, String reason, boolean remote) {
                    closed.complete(code + " " + reason);
                }
            }).get(10, TimeUnit.SECONDS);
            ws.sendText("Hello");
            assertThat(got.poll(10, TimeUnit.SECONDS)).isEqualTo("Hello");
            ws.sendText("x".repeat(300));
            assertThat(got.poll(10, TimeUnit.SECONDS)).hasSize(300);
            ws.ping(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            ws.close(1000, "done");
            assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo("1000 ");
        }
        assertThat(clientTrace.head(Direction.OUT)).startsWith("GET / HTTP/1.1\r\n")
                .isEqualTo(serverTrace.head(Direction.IN));
        assertThat(serverTrace.head(Direction.OUT)).startsWith("HTTP/1.1 101")
                .isEqualTo(clientTrace.head(Direction.IN));
        assertThat(clientTrace.of(Direction.OUT)).hasSize(4).isEqualTo(serverTrace.of(Direction.IN));
        assertThat(serverTrace.of(Direction.OUT)).hasSize(4).isEqualTo(clientTrace.of(Direction.IN));
        assertThat(clientTrace.frames).filteredOn(f -> f.direction() == Direction.OUT)
                .allSatisfy(f -> assertThat(f.masked()).isTrue());
        assertThat(clientTrace.frames).filteredOn(f -> f.direction() == Direction.IN)
                .extracting(TracedFrame::opcodeName).containsExactly("text", "text", "pong", "close");
    }
}
