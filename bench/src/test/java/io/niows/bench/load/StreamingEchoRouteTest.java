package io.niows.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.StreamingHandler;
import io.niows.WebSocket;
import io.niows.WebSocketClient;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The niows bench server's {@code /stream} route, which the 1 MiB tail figure loads with wsload,
 * echoes each message whole and in order though it sends each on in fragments as it arrives.
 */
class StreamingEchoRouteTest {

    @TempDir
    Path logs;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void echoesALargeBinaryAndATextMessageAsTheyWereSent() throws Exception {
        byte[] large = new byte[1 << 20];
        ThreadLocalRandom.current().nextBytes(large);
        String text = "é€😀 ".repeat(20_000);
        CompletableFuture<byte[]> binaryBack = new CompletableFuture<>();
        CompletableFuture<String> textBack = new CompletableFuture<>();
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        StringBuilder chars = new StringBuilder();
        StreamingHandler collect = new StreamingHandler() {
            @Override
            public void onBinaryChunk(WebSocket ws, ByteBuffer chunk, boolean last) {
                byte[] bytes = new byte[chunk.remaining()];
                chunk.get(bytes);
                binary.writeBytes(bytes);
                if (last) {
                    binaryBack.complete(binary.toByteArray());
                }
            }

            @Override
            public void onTextChunk(WebSocket ws, CharSequence chunk, boolean last) {
                chars.append(chunk);
                if (last) {
                    textBack.complete(chars.toString());
                }
            }
        };
        try (ServerProcess server = ServerProcess.start("niows", List.of("-Xmx256m"), 1, "", logs.resolve("niows.log"));
                WebSocketClient client = WebSocketClient.builder().build()) {
            WebSocket ws = client.connect(URI.create("ws://127.0.0.1:" + server.port() + "/stream"), collect)
                    .get(10, TimeUnit.SECONDS);
            ws.sendBinary(ByteBuffer.wrap(large));
            ws.sendText(text);

            assertThat(binaryBack.get(20, TimeUnit.SECONDS)).isEqualTo(large);
            assertThat(textBack.get(20, TimeUnit.SECONDS)).isEqualTo(text);
        }
    }
}
