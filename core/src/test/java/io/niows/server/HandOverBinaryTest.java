package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.SendCallback;
import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A message handed over is written as it lies, after a header of its own: the peer gets exactly
 * its bytes, from a server (unmasked) and from a client (masked where they lie); a server echoing
 * large messages that way gets their arrays back for the next ones.
 */
class HandOverBinaryTest {

    private WebSocketServer server;
    private WebSocketClient client;
    /** The arrays the server's handler was given, by identity. */
    private final Set<byte[]> arraysSeen = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    private final WebSocketHandler echoByHandOver = new WebSocketHandler() {
        @Override
        public void onBinary(WebSocket ws, ByteBuffer data) {
            arraysSeen.add(data.array());
            ws.handOverBinary(data);
        }
    };

    /** Collects what a client connection receives. */
    private static final class Inbox implements WebSocketHandler {
        final BlockingQueue<byte[]> got = new LinkedBlockingQueue<>();

        @Override
        public void onBinary(WebSocket ws, ByteBuffer data) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            got.add(b);
        }

        byte[] next() throws InterruptedException {
            byte[] m = got.poll(20, TimeUnit.SECONDS);
            assertThat(m).as("a message within 20 s").isNotNull();
            return m;
        }
    }

    private WebSocket connect(boolean deflate, WebSocketHandler handler) throws Exception {
        return connect(deflate, false, handler);
    }

    private WebSocket connect(boolean deflate, boolean tls, WebSocketHandler handler) throws Exception {
        WebSocketServer.Builder s = WebSocketServer.builder().host("127.0.0.1").port(0).loops(1)
                .maxMessageSize(8L << 20).defaultRoute(echoByHandOver);
        WebSocketClient.Builder b = WebSocketClient.builder().maxMessageSize(8L << 20)
                .handshakeTimeout(Duration.ofSeconds(5)).closeTimeout(Duration.ofSeconds(2));
        if (tls) {
            s.tls(TestCertificates.LOCALHOST.server());
            b.tls(TestCertificates.LOCALHOST.trusting());
        }
        if (!deflate) {
            b.perMessageDeflate(io.niows.protocol.PerMessageDeflate.disabled());
        }
        server = s.build().start();
        client = b.build();
        String url = (tls ? "wss://localhost:" : "ws://127.0.0.1:") + server.port() + "/";
        return client.connect(URI.create(url), handler).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "permessage-deflate: {0}, TLS: {1}")
    @CsvSource({"false, false", "true, false", "false, true"})
    void everySizeHandedOverByBothEndsArrivesExactly(boolean deflate, boolean tls) throws Exception {
        Inbox inbox = new Inbox();
        WebSocket ws = connect(deflate, tls, inbox);
        Random random = new Random(7);
        for (int size : new int[] {0, 10, 1023, 1024, 4096, 65_535, 65_536, 200_000, 1 << 20, 3 << 20}) {
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            if (deflate) {
                java.util.Arrays.fill(payload, 0, size / 2, (byte) 'a'); // compressible: RSV1 frames
            }
            ws.handOverBinary(ByteBuffer.wrap(payload.clone()));
            assertThat(inbox.next()).as("%d bytes", size).isEqualTo(payload);
        }
    }

    @Test
    void aCallbackIsToldOnceTheHandedOverFrameIsWritten() throws Exception {
        Inbox inbox = new Inbox();
        WebSocket ws = connect(false, inbox);
        CountDownLatch written = new CountDownLatch(1);
        SendCallback done = (socket, failure) -> {
            if (failure == null) {
                written.countDown();
            }
        };
        ws.handOverBinary(ByteBuffer.wrap(new byte[100_000]), done);
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(inbox.next()).hasSize(100_000);
    }

    @Test
    void aServerEchoingLargeMessagesByHandOverReusesTheirArrays() throws Exception {
        Inbox inbox = new Inbox();
        WebSocket ws = connect(false, inbox);
        Random random = new Random(11);
        for (int i = 0; i < 20; i++) {
            byte[] payload = new byte[300_000];
            random.nextBytes(payload);
            ws.sendBinary(ByteBuffer.wrap(payload));
            assertThat(inbox.next()).isEqualTo(payload);
        }
        assertThat(arraysSeen).as("arrays for 20 messages of 300,000 bytes, one at a time").hasSizeLessThanOrEqualTo(2);
    }
}
