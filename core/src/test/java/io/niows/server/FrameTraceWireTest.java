package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import io.niows.protocol.FrameTrace;
import io.niows.protocol.TracedFrame;
import io.niows.protocol.TracedFrame.Direction;
import io.niows.protocol.WireTrace;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's frame trace hook reports exactly the bytes that went over the wire, checked
 * against what a raw socket sent and captured: every header byte, the payload length and its
 * encoding, the unmasked preview, the offsets, the handshake heads; for every frame type, all
 * three length encodings, a fragmented message with a ping between its fragments, and the close.
 */
@Timeout(30)
class FrameTraceWireTest {

    /** What the hook heard, in order. */
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

        synchronized List<TracedFrame> of(Direction direction) {
            return frames.stream().filter(f -> f.direction() == direction).toList();
        }
    }

    /** One frame as an independent parser cuts it from captured bytes. */
    private record WireFrame(long offset, byte[] header, byte[] payload) {
    }

    @Test
    void everyFrameInAndOutIsReportedAsItWentOverTheWire() throws Exception {
        Recorder trace = new Recorder();
        WebSocketServer server = Servers.loopback().defaultRoute(Servers.ECHO).trace(trace).build().start();
        byte[] received;
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        try (RawClient client = new RawClient(server.port())) {
            byte[] request = RawClient.upgradeRequest("/").getBytes(StandardCharsets.ISO_8859_1);
            client.send(request);
            byte[][] frames = {
                RawClient.text("Hello"),
                RawClient.frame(0x82, random(300), true),
                RawClient.frame(0x82, random(70_000), true),
                RawClient.frame(0x01, "Hel".getBytes(StandardCharsets.UTF_8), true),
                RawClient.frame(0x89, "mid".getBytes(StandardCharsets.UTF_8), true),
                RawClient.frame(0x80, "lo".getBytes(StandardCharsets.UTF_8), true),
                RawClient.frame(0x8A, new byte[0], true),
                RawClient.close(1000, "bye"),
            };
            for (byte[] frame : frames) {
                sent.write(frame);
                client.send(frame);
            }
            received = client.input().readAllBytes();
        } finally {
            server.close();
        }
        String response = head(received);
        assertThat(response).startsWith("HTTP/1.1 101");
        assertThat(trace.heads).containsExactly("IN " + RawClient.upgradeRequest("/"), "OUT " + response);

        List<WireFrame> in = parse(sent.toByteArray(), 0);
        List<WireFrame> out = parse(received, response.length());
        assertSameAsWire(trace.of(Direction.IN), in);
        assertSameAsWire(trace.of(Direction.OUT), out);
        assertThat(in).hasSize(8);
        assertThat(trace.of(Direction.IN)).extracting(TracedFrame::opcodeName).containsExactly("text", "binary",
                "binary", "text", "ping", "continuation", "pong", "close");
        assertThat(trace.of(Direction.IN)).extracting(TracedFrame::lengthBits).containsExactly(7, 16, 64, 7, 7, 7, 7,
                7);
        assertThat(trace.of(Direction.IN)).extracting(TracedFrame::fin).containsExactly(true, true, true, false, true,
                true, true, true);
        assertThat(trace.of(Direction.OUT)).extracting(TracedFrame::opcodeName).containsExactly("text", "binary",
                "binary", "pong", "text", "close");
        TracedFrame close = trace.of(Direction.IN).get(7);
        assertThat(close.closeCode()).isEqualTo(1000);
        assertThat(close.closeReason()).isEqualTo("bye");
        assertThat(close.closeMeaning()).isEqualTo("normal closure");
        assertThat(trace.of(Direction.OUT).get(5).closeCode()).isEqualTo(1000);
    }

    @Test
    void compressedMessagesShowRsv1AndTheirInflatedSize() throws Exception {
        Recorder trace = new Recorder();
        WebSocketServer server = Servers.loopback().defaultRoute(Servers.ECHO).trace(trace).build().start();
        String text = "a message that repeats, repeats, repeats and repeats again ".repeat(20);
        byte[] compressed = deflate(text.getBytes(StandardCharsets.UTF_8));
        byte[] frame = RawClient.frame(0xC1, compressed, true);
        byte[] received;
        try (RawClient client = new RawClient(server.port())) {
            String request = RawClient.upgradeRequest("/").replace("\r\n\r\n",
                    "\r\nSec-WebSocket-Extensions: permessage-deflate\r\n\r\n");
            client.send(request.getBytes(StandardCharsets.ISO_8859_1));
            client.send(frame);
            client.send(RawClient.close(1000, ""));
            received = client.input().readAllBytes();
        } finally {
            server.close();
        }
        String response = head(received);
        assertThat(response).contains("permessage-deflate");
        TracedFrame in = trace.of(Direction.IN).get(0);
        assertThat(in.rsv1()).isTrue();
        assertThat(in.payloadLength()).isEqualTo(compressed.length);
        assertThat(in.inflatedLength()).isEqualTo(text.length());
        TracedFrame out = trace.of(Direction.OUT).get(0);
        assertThat(out.rsv1()).isTrue();
        assertThat(out.payloadLength()).isLessThan(text.length());
        assertThat(out.inflatedLength()).isEqualTo(text.length());
        assertSameAsWire(trace.of(Direction.OUT), parse(received, response.length()));
    }

    @Test
    void aHookThatThrowsEndsItsTraceButNotTheConnection() throws Exception {
        List<String> seen = new ArrayList<>();
        FrameTrace failing = new FrameTrace() {
            @Override
            public synchronized void onFrame(TracedFrame frame) {
                seen.add(frame.direction() + " " + frame.opcodeName());
                throw new IllegalStateException("a broken hook");
            }

            @Override
            public synchronized void onHandshake(Direction direction, String head) {
                seen.add(direction + " head");
            }
        };
        WebSocketServer server = Servers.loopback().defaultRoute(Servers.ECHO).trace(failing).build().start();
        try (RawClient client = RawClient.open(server.port(), "/")) {
            client.send(RawClient.text("one"));
            assertThat(client.readFrame().text()).isEqualTo("one");
            client.send(RawClient.text("two"));
            assertThat(client.readFrame().text()).isEqualTo("two");
            client.send(RawClient.close(1000, ""));
            assertThat(client.readFrame().closeCode()).isEqualTo(1000);
            assertThat(client.serverClosedTcp()).isTrue();
        } finally {
            server.close();
        }
        assertThat(seen).containsExactly("IN head", "OUT head", "IN text", "OUT text");
    }

    private static void assertSameAsWire(List<TracedFrame> traced, List<WireFrame> wire) {
        assertThat(traced).hasSameSizeAs(wire);
        for (int i = 0; i < wire.size(); i++) {
            TracedFrame t = traced.get(i);
            WireFrame w = wire.get(i);
            assertThat(t.offset()).as("offset of frame %d", i).isEqualTo(w.offset());
            assertThat(t.header()).as("header of frame %d", i).isEqualTo(w.header());
            assertThat(t.payloadLength()).as("length of frame %d", i).isEqualTo(w.payload().length);
            int cap = t.isControl() ? 125 : WireTrace.PREVIEW_BYTES;
            assertThat(t.preview()).as("preview of frame %d", i)
                    .isEqualTo(Arrays.copyOf(w.payload(), Math.min(cap, w.payload().length)));
        }
    }

    /** Cuts frames out of captured bytes from {@code from}, unmasking payloads; its own code, not the trace's. */
    private static List<WireFrame> parse(byte[] bytes, int from) {
        List<WireFrame> frames = new ArrayList<>();
        int p = from;
        while (p < bytes.length) {
            int start = p;
            int length7 = bytes[p + 1] & 0x7F;
            boolean masked = (bytes[p + 1] & 0x80) != 0;
            p += 2;
            long n = length7;
            int extended = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
            if (extended > 0) {
                n = 0;
                for (int k = 0; k < extended; k++) {
                    n = n << 8 | bytes[p++] & 0xFF;
                }
            }
            byte[] key = masked ? Arrays.copyOfRange(bytes, p, p + 4) : null;
            p += masked ? 4 : 0;
            byte[] header = Arrays.copyOfRange(bytes, start, p);
            byte[] payload = Arrays.copyOfRange(bytes, p, p + (int) n);
            for (int k = 0; masked && k < payload.length; k++) {
                payload[k] ^= key[k & 3];
            }
            p += (int) n;
            frames.add(new WireFrame(start - from, header, payload));
        }
        return frames;
    }

    private static String head(byte[] received) {
        String all = new String(received, StandardCharsets.ISO_8859_1);
        return all.substring(0, all.indexOf("\r\n\r\n") + 4);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    /** RFC 7692 §7.2.1: raw DEFLATE, flushed, without the final 00 00 ff ff. */
    private static byte[] deflate(byte[] plain) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(plain);
        byte[] buf = new byte[plain.length + 64];
        int n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        deflater.end();
        return Arrays.copyOf(buf, n - 4);
    }
}
