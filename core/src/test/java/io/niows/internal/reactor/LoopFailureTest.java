package io.niows.internal.reactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.WebSocket;
import io.niows.protocol.EngineConfig;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A loop that fails as a whole (its selector broken) fails the server visibly: its connections
 * get 1011, the server stops accepting instead of dealing new connections to a dead loop, the
 * application is told and {@link ServerRuntime#isRunning()} turns false.
 */
@Timeout(30)
class LoopFailureTest {

    private final CompletableFuture<Throwable> serverError = new CompletableFuture<>();
    private ServerRuntime runtime;

    @AfterEach
    void stop() throws InterruptedException {
        if (runtime != null) {
            runtime.stop();
        }
    }

    @Test
    void aLoopWhoseSelectorBreaksFailsTheWholeServerVisibly() throws Exception {
        runtime = ServerRuntime.start(config(1));
        int port = runtime.address().getPort();
        try (Socket client = upgraded(port)) {
            runtime.loops()[0].selector().close();

            DataInputStream in = new DataInputStream(client.getInputStream());
            assertThat(in.readUnsignedByte()).as("FIN + close opcode").isEqualTo(0x88);
            assertThat(in.readUnsignedByte()).isEqualTo(2);
            assertThat(in.readUnsignedShort()).as("close code").isEqualTo(1011);
        }
        assertThat(serverError.get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(runtime.isRunning()).isFalse();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    private Socket upgraded(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(10_000);
        s.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] head = new byte[12];
        new DataInputStream(s.getInputStream()).readFully(head);
        assertThat(new String(head, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 101");
        int state = 0;
        while (state < 4) {
            int b = s.getInputStream().read();
            state = b == (state % 2 == 0 ? '\r' : '\n') ? state + 1 : 0;
        }
        return s;
    }

    private ServerConfig config(int loops) {
        ConnectionSettings connection = ConnectionSettings.builder(EngineConfig.server())
                .writeWaterMarks(32 << 10, 64 << 10)
                .maxQueuedBytes(64L << 20)
                .handshakeTimeout(Duration.ofSeconds(10))
                .closeTimeout(Duration.ofSeconds(1))
                .build();
        return new ServerConfig(new InetSocketAddress("127.0.0.1", 0), new AcceptingUpgrades(), loops,
                connection, new ServerLimits(100, 0, 100, 1L << 30), serverError::complete, null, null, false);
    }
}
