package io.niows.protocol;

import io.niows.internal.frame.FrameHeader;
import io.niows.internal.frame.FrameReader;
import io.niows.internal.frame.PayloadChunk;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds raw frames byte by byte, independently of the encoder under test, and describes frames
 * read back from a sink.
 */
public final class TestFrames {

    /** The masking key of the RFC 6455 §5.7 examples. */
    public static final int RFC_KEY = 0x37fa213d;

    private TestFrames() {}

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    public static String hex(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A frame with the shortest length encoding; masked with {@code key} unless it is null. */
    public static byte[] frame(int byte0, byte[] payload, Integer key) {
        return frameWithLength(byte0, payload.length, payload, key);
    }

    /** A client frame (masked with the RFC key): FIN set when {@code fin}. */
    public static byte[] client(int opcode, boolean fin, byte[] payload) {
        return frame((fin ? 0x80 : 0) | opcode, payload, RFC_KEY);
    }

    /** A server frame (unmasked). */
    public static byte[] server(int opcode, boolean fin, byte[] payload) {
        return frame((fin ? 0x80 : 0) | opcode, payload, null);
    }

    /** A frame whose header announces {@code length}, whatever {@code payload} holds. */
    public static byte[] frameWithLength(int byte0, long length, byte[] payload, Integer key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(byte0);
        int maskBit = key == null ? 0 : 0x80;
        if (length <= 125) {
            out.write(maskBit | (int) length);
        } else if (length <= 0xFFFF) {
            out.write(maskBit | 126);
            out.write((int) (length >> 8));
            out.write((int) length);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (length >>> shift));
            }
        }
        if (key != null) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                out.write(key >>> shift);
            }
        }
        for (int i = 0; i < payload.length; i++) {
            int maskByte = key == null ? 0 : key >>> (24 - 8 * (i % 4));
            out.write((payload[i] ^ maskByte) & 0xFF);
        }
        return out.toByteArray();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A close payload: the 2-byte code then the reason. */
    public static byte[] closePayload(int code, String reason) {
        return concat(new byte[] {(byte) (code >> 8), (byte) code}, utf8(reason));
    }

    /**
     * Describes every frame in {@code frames}: {@code "text:Hi"}, {@code "binary:0102"}, {@code
     * "ping:.."}, {@code "pong:.."}, {@code "cont:.."}, {@code "close"} (empty) or {@code
     * "close:1000[:reason]"}; {@code "+nofin"} appended for a non-final frame, {@code "+masked"}
     * for a masked one.
     */
    public static List<String> describe(List<ByteBuffer> frames) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (ByteBuffer frame : frames) {
            byte[] bytes = new byte[frame.remaining()];
            frame.duplicate().get(bytes);
            all.writeBytes(bytes);
        }
        Collector collector = new Collector();
        ByteBuffer in = ByteBuffer.wrap(all.toByteArray());
        FrameReader reader = new FrameReader();
        while (reader.read(in, collector)) {
            // collect
        }
        if (in.hasRemaining()) {
            throw new AssertionError("trailing bytes after the frames: " + in.remaining());
        }
        return collector.descriptions;
    }

    private static final class Collector implements FrameReader.FrameConsumer {
        final List<String> descriptions = new ArrayList<>();
        private FrameHeader header;
        private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

        @Override
        public void onHeader(FrameHeader h) {
            header = h;
            payload.reset();
        }

        @Override
        public void onPayload(PayloadChunk chunk) {
            ByteBuffer bytes = ByteBuffer.allocate(chunk.length());
            chunk.copyTo(bytes);
            payload.writeBytes(bytes.array());
        }

        @Override
        public void onFrameEnd() {
            byte[] p = payload.toByteArray();
            String d = switch (header.opcode()) {
                case 0x1 -> "text:" + new String(p, StandardCharsets.UTF_8);
                case 0x2 -> "binary:" + HexFormat.of().formatHex(p);
                case 0x0 -> "cont:" + HexFormat.of().formatHex(p);
                case 0x9 -> "ping:" + HexFormat.of().formatHex(p);
                case 0xA -> "pong:" + HexFormat.of().formatHex(p);
                case 0x8 -> p.length == 0 ? "close" : "close:" + (((p[0] & 0xFF) << 8) | (p[1] & 0xFF))
                        + (p.length > 2 ? ":" + new String(p, 2, p.length - 2, StandardCharsets.UTF_8) : "");
                default -> "opcode" + header.opcode() + ":" + HexFormat.of().formatHex(p);
            };
            descriptions.add(d + (header.fin() ? "" : "+nofin") + (header.rsv1() ? "+rsv1" : "")
                    + (header.masked() ? "+masked" : ""));
        }
    }
}
