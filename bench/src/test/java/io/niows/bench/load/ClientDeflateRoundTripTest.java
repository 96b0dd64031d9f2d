package io.niows.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import io.niows.bench.deflate.ChatJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The load tool's deflate codec (offer, compressor, frame writer, inflating reader) against a real
 * niows server with its default permessage-deflate: the handshake agrees, the server receives the
 * very text the tool compressed, and the tool reads back the server's echo, compressed or plain,
 * with the right length and first bytes.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ClientDeflateRoundTripTest {

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> agreed = new LinkedBlockingQueue<>();
    private WebSocketServer server;

    @BeforeEach
    void start() throws IOException {
        server = WebSocketServer.builder().host("127.0.0.1").port(0).loops(1)
                .route("/", new WebSocketHandler() {
                    @Override
                    public void onOpen(WebSocket ws) {
                        agreed.add(ws.extensions());
                    }

                    @Override
                    public void onText(WebSocket ws, String text) {
                        received.add(text);
                        ws.sendText(text);
                    }
                })
                .build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    record Frame(int opcode, long length, long word0, long word1) {
    }

    @Test
    void theServerGetsWhatTheToolCompressedAndTheToolReadsTheEcho() throws Exception {
        try (SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", server.port()))) {
            ch.write(ClientHandshake.request("127.0.0.1", server.port(), "/", true));
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            ClientHandshake handshake = new ClientHandshake(true);
            boolean upgraded = false;
            while (!upgraded) {
                assertThat(ch.read(in)).isPositive();
                in.flip();
                upgraded = handshake.feed(in);
                in.compact();
            }
            assertThat(agreed.poll(5, TimeUnit.SECONDS)).startsWith("permessage-deflate");

            // 16 B: below niows' minimum size, the echo comes back plain; the larger ones compressed.
            int[] sizes = {16, 300, 4096};
            List<byte[]> sent = new ArrayList<>();
            ClientCompressor compressor = new ClientCompressor();
            try {
                for (int size : sizes) {
                    byte[] message = ChatJson.message(size, size);
                    sent.add(message);
                    ByteBuffer payload = ByteBuffer.wrap(compressor.compress(message));
                    ch.write(ClientFrameWriter.frame(ClientFrameWriter.RSV1 | ClientFrameWriter.OP_TEXT, payload, 0x0BADF00D, false));
                }
            } finally {
                compressor.end();
            }
            for (byte[] message : sent) {
                assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new String(message, StandardCharsets.US_ASCII));
            }

            ServerFrameReader reader = new ServerFrameReader(true);
            List<Frame> echoes = new ArrayList<>();
            in.flip();
            long wireBytes = in.remaining();
            try {
                while (true) {
                    reader.feed(in, (op, len, w0, w1) -> echoes.add(new Frame(op, len, w0, w1)));
                    if (echoes.size() == sizes.length) {
                        break;
                    }
                    in.clear();
                    int n = ch.read(in);
                    assertThat(n).isPositive();
                    wireBytes += n;
                    in.flip();
                }
            } finally {
                reader.release();
            }
            for (int i = 0; i < sizes.length; i++) {
                ByteBuffer head = ByteBuffer.wrap(sent.get(i));
                assertThat(echoes.get(i)).isEqualTo(new Frame(ClientFrameWriter.OP_TEXT, sizes[i], head.getLong(0), head.getLong(8)));
            }
            assertThat(wireBytes).as("the two larger echoes came compressed").isLessThan(16 + 2 + (300 + 4096) / 2);
        }
    }
}
