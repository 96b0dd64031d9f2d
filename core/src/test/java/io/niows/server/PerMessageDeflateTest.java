package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.Broadcaster;
import io.niows.Topics;
import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import io.niows.protocol.PerMessageDeflate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * permessage-deflate on a real server, seen from a raw socket that compresses and inflates with
 * the JDK's zlib: what the 101 agrees, which frames carry RSV1, and that a member with its own
 * compression context reads every message right across a mix of broadcasts and direct sends.
 */
class PerMessageDeflateTest {

    private static final String LONG = "{\"user\":\"ada\",\"text\":\"" + "hello websocket world, ".repeat(20) + "\"}";
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

    @Test
    void theDefaultServerAgreesWithoutContextAndEchoesLongMessagesCompressed() throws Exception {
        server = Servers.echo();
        DeflatingClient client = connect("permessage-deflate; client_max_window_bits", false);
        assertThat(client.head).contains("Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover;"
                + " client_no_context_takeover\r\n");

        client.sendCompressed(LONG);
        assertThat(client.readFrameByte0()).isEqualTo(0xC1);
        assertThat(client.lastText).isEqualTo(LONG);

        client.sendCompressed("short");
        assertThat(client.readFrameByte0()).as("under the minimum size: sent plain").isEqualTo(0x81);
        assertThat(client.lastText).isEqualTo("short");

        client.sendPlain(LONG);
        assertThat(client.readFrameByte0()).as("the server compresses what it sends, however it came").isEqualTo(0xC1);
        assertThat(client.lastText).isEqualTo(LONG);
    }

    @Test
    void theDefaultMinimumSizeIsWhereCompressionStarts() throws Exception {
        server = Servers.echo();
        DeflatingClient client = connect("permessage-deflate; client_max_window_bits", false);
        String under = "a".repeat(PerMessageDeflate.DEFAULT_MIN_SIZE - 1);
        String at = "a".repeat(PerMessageDeflate.DEFAULT_MIN_SIZE);

        client.sendCompressed(under);
        assertThat(client.readFrameByte0()).as("one byte under the minimum: plain").isEqualTo(0x81);
        assertThat(client.lastText).isEqualTo(under);

        client.sendCompressed(at);
        assertThat(client.readFrameByte0()).as("at the minimum: compressed").isEqualTo(0xC1);
        assertThat(client.lastText).isEqualTo(at);
        assertThat(PerMessageDeflate.serverDefaults().minSize()).isEqualTo(128);
        assertThat(PerMessageDeflate.clientDefaults().minSize()).isEqualTo(128);
    }

    @Test
    void aServerWithDeflateOffDeclinesAndFailsRsv1With1002() throws Exception {
        server = Servers.loopback().defaultRoute(Servers.ECHO).perMessageDeflate(PerMessageDeflate.disabled())
                .build().start();
        DeflatingClient client = connect("permessage-deflate; client_max_window_bits", false);
        assertThat(client.head).doesNotContain("Sec-WebSocket-Extensions");
        client.sendCompressed(LONG);
        RawClient.Frame close = client.raw.readFrame();
        assertThat(close.opcode()).isEqualTo(0x8);
        assertThat(close.closeCode()).isEqualTo(1002);
    }

    @Test
    void aMalformedOfferIsDeclinedNotRefused() throws Exception {
        server = Servers.echo();
        DeflatingClient client = connect("permessage-deflate; server_max_window_bits=20", false);
        assertThat(client.head).startsWith("HTTP/1.1 101").doesNotContain("Sec-WebSocket-Extensions");
    }

    @Test
    void aPublishReachesCompressingAndPlainSubscribersOfATopicAlike() throws Exception {
        Topics topics = new Topics();
        CountDownLatch joined = new CountDownLatch(3);
        server = Servers.loopback().defaultRoute(new WebSocketHandler() {
            @Override
            public void onOpen(WebSocket ws) {
                topics.subscribe(ws, "room");
                joined.countDown();
            }
        }).build().start();
        DeflatingClient first = connect("permessage-deflate; client_max_window_bits", false);
        DeflatingClient second = connect("permessage-deflate", false);
        DeflatingClient plain = connect(null, false);
        assertThat(joined.await(10, TimeUnit.SECONDS)).isTrue();

        for (int round = 0; round < 3; round++) {
            assertThat(topics.publish("room", LONG + round)).isEqualTo(3);
            assertThat(first.readFrameByte0()).isEqualTo(0xC1);
            assertThat(second.readFrameByte0()).isEqualTo(0xC1);
            assertThat(plain.readFrameByte0()).isEqualTo(0x81);
            for (DeflatingClient c : List.of(first, second, plain)) {
                assertThat(c.lastText).isEqualTo(LONG + round);
            }
        }
    }

    @Test
    void aMemberWithItsOwnContextReadsBroadcastsBetweenItsDirectMessages() throws Exception {
        Broadcaster room = new Broadcaster();
        CountDownLatch joined = new CountDownLatch(3);
        server = Servers.loopback().perMessageDeflate(PerMessageDeflate.serverDefaults()
                .withServerNoContextTakeover(false).withClientNoContextTakeover(false))
                .defaultRoute(new WebSocketHandler() {
                    @Override
                    public void onOpen(WebSocket ws) {
                        room.add(ws);
                        joined.countDown();
                    }

                    @Override
                    public void onText(WebSocket ws, String text) {
                        ws.sendText(LONG);
                    }
                }).build().start();
        // One member keeps the server's context, one asked for none, one did not offer the extension.
        DeflatingClient context = connect("permessage-deflate", true);
        DeflatingClient independent = connect("permessage-deflate; server_no_context_takeover", false);
        DeflatingClient plain = connect(null, false);
        assertThat(joined.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(context.head).contains("Sec-WebSocket-Extensions: permessage-deflate\r\n");
        assertThat(plain.head).doesNotContain("Sec-WebSocket-Extensions");

        String broadcast = "{\"event\":\"joined\",\"names\":[" + "\"grace\",\"alan\",".repeat(12) + "\"ada\"]}";
        for (int round = 0; round < 3; round++) {
            for (DeflatingClient c : List.of(context, independent, plain)) {
                for (int twice = 0; twice < 2; twice++) {
                    c.sendPlain("direct, please");
                    c.readFrameByte0();
                    assertThat(c.lastText).isEqualTo(LONG);
                }
            }
            assertThat(room.broadcast(broadcast + round)).isEqualTo(3);
            assertThat(context.readFrameByte0()).isEqualTo(0xC1);
            assertThat(independent.readFrameByte0()).isEqualTo(0xC1);
            assertThat(plain.readFrameByte0()).isEqualTo(0x81);
            for (DeflatingClient c : List.of(context, independent, plain)) {
                assertThat(c.lastText).isEqualTo(broadcast + round);
            }
        }
        assertThat(context.compressedBytes).as("context takeover paid off on the repeated direct message")
                .isLessThan(independent.compressedBytes);
    }

    private DeflatingClient connect(String offer, boolean inflaterKeepsContext) throws IOException {
        DeflatingClient client = new DeflatingClient(server.port(), offer, inflaterKeepsContext);
        toClose.add(client);
        return client;
    }

    /** A raw client that compresses each message on its own and inflates what the server sends. */
    private static final class DeflatingClient implements AutoCloseable {
        final RawClient raw;
        final String head;
        final Inflater inflater = new Inflater(true);
        final boolean keepsContext;
        String lastText;
        long compressedBytes;

        DeflatingClient(int port, String offer, boolean keepsContext) throws IOException {
            this.keepsContext = keepsContext;
            raw = new RawClient(port);
            String request = RawClient.upgradeRequest("/");
            if (offer != null) {
                request = request.replace("\r\n\r\n", "\r\nSec-WebSocket-Extensions: " + offer + "\r\n\r\n");
            }
            raw.send(request.getBytes(StandardCharsets.ISO_8859_1));
            head = raw.readHead();
        }

        void sendCompressed(String text) throws IOException {
            Deflater deflater = new Deflater(6, true);
            deflater.setInput(text.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[text.length() * 2 + 64];
            int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
            deflater.end();
            raw.send(RawClient.frame(0xC1, Arrays.copyOf(out, n - 4), true));
        }

        void sendPlain(String text) throws IOException {
            raw.send(RawClient.text(text));
        }

        /** Reads one frame, keeps its text in {@link #lastText}, and returns its first byte. */
        int readFrameByte0() throws IOException {
            int b0 = raw.in.readUnsignedByte();
            int length = raw.in.readUnsignedByte();
            if (length == 126) {
                length = raw.in.readUnsignedShort();
            }
            byte[] payload = new byte[length];
            raw.in.readFully(payload);
            if ((b0 & 0x40) == 0) {
                lastText = new String(payload, StandardCharsets.UTF_8);
                return b0;
            }
            compressedBytes += length;
            if (!keepsContext) {
                inflater.reset();
            }
            inflater.setInput(concat(payload, new byte[] {0, 0, (byte) 0xff, (byte) 0xff}));
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            byte[] chunk = new byte[4096];
            try {
                int n;
                while ((n = inflater.inflate(chunk)) > 0) {
                    text.write(chunk, 0, n);
                }
            } catch (DataFormatException e) {
                throw new IOException("the server's compressed frame does not inflate", e);
            }
            lastText = text.toString(StandardCharsets.UTF_8);
            return b0;
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }

        @Override
        public void close() throws IOException {
            inflater.end();
            raw.close();
        }
    }
}
