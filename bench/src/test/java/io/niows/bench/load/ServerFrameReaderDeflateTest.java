package io.niows.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.bench.deflate.ChatJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * The load tool's reader with permessage-deflate agreed (RFC 7692): compressed messages are
 * inflated and reported once, with their inflated length and first 16 bytes, however the bytes and
 * the frames are cut; plain frames and control frames between fragments pass as they are.
 */
class ServerFrameReaderDeflateTest {

    private static final int RSV1 = 0x40;
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CONTINUATION = 0x0;
    private static final int PING = 0x9;

    record Frame(int opcode, long length, long word0, long word1) {
    }

    private final List<Frame> frames = new ArrayList<>();

    private void feedInPieces(ServerFrameReader reader, byte[] wire, SplittableRandom random) throws IOException {
        int from = 0;
        while (from < wire.length) {
            int n = Math.min(wire.length - from, 1 + random.nextInt(64));
            // A direct buffer, as the load loop reads into.
            ByteBuffer chunk = ByteBuffer.allocateDirect(n).put(wire, from, n).flip();
            reader.feed(chunk, (op, len, w0, w1) -> frames.add(new Frame(op, len, w0, w1)));
            assertThat(chunk.hasRemaining()).isFalse();
            from += n;
        }
    }

    private static byte[] frame(boolean fin, int opcodeAndRsv, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(10 + payload.length);
        b.put((byte) ((fin ? 0x80 : 0) | opcodeAndRsv));
        if (payload.length <= 125) {
            b.put((byte) payload.length);
        } else if (payload.length <= 0xFFFF) {
            b.put((byte) 126).putShort((short) payload.length);
        } else {
            b.put((byte) 127).putLong(payload.length);
        }
        b.put(payload);
        return Arrays.copyOf(b.array(), b.position());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static long word(byte[] message, int from) {
        return ByteBuffer.wrap(message, from, 8).getLong();
    }

    @Test
    void inflatesEachCompressedMessageAndReportsItsLengthAndFirstBytes() throws IOException {
        byte[] one = ChatJson.message(1024, 1);
        byte[] two = ChatJson.message(4096, 2);
        ClientCompressor compressor = new ClientCompressor();
        byte[] wire;
        try {
            wire = concat(frame(true, RSV1 | TEXT, compressor.compress(one)), frame(true, RSV1 | TEXT, compressor.compress(two)));
        } finally {
            compressor.end();
        }
        for (long seed = 0; seed < 20; seed++) {
            frames.clear();
            ServerFrameReader reader = new ServerFrameReader(true);
            feedInPieces(reader, wire, new SplittableRandom(seed));
            reader.release();
            assertThat(frames).containsExactly(new Frame(TEXT, 1024, word(one, 0), word(one, 8)),
                    new Frame(TEXT, 4096, word(two, 0), word(two, 8)));
        }
    }

    @Test
    void aFragmentedCompressedMessageIsReportedOnceAfterItsLastFrameAndAPingBetweenPasses() throws IOException {
        byte[] message = ChatJson.message(2048, 3);
        byte[] compressed = compressOnce(message);
        int a = compressed.length / 3;
        int b = 2 * compressed.length / 3;
        byte[] wire = concat(frame(false, RSV1 | TEXT, Arrays.copyOfRange(compressed, 0, a)),
                frame(true, PING, "ping".getBytes(StandardCharsets.US_ASCII)),
                frame(false, CONTINUATION, Arrays.copyOfRange(compressed, a, b)),
                frame(true, CONTINUATION, Arrays.copyOfRange(compressed, b, compressed.length)),
                frame(true, BINARY, "0123456789abcdefXYZ".getBytes(StandardCharsets.US_ASCII)));
        ServerFrameReader reader = new ServerFrameReader(true);
        feedInPieces(reader, wire, new SplittableRandom(7));
        reader.release();
        byte[] plain = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        assertThat(frames).containsExactly(new Frame(PING, 4, 0, 0), new Frame(TEXT, 2048, word(message, 0), word(message, 8)),
                new Frame(BINARY, 19, word(plain, 0), word(plain, 8)));
    }

    @Test
    void keepsTheHistoryOfAServerThatUsesContextTakeover() throws IOException {
        byte[] message = ChatJson.message(512, 4);
        Deflater withContext = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        byte[] out = new byte[4096];
        try {
            for (int i = 0; i < 3; i++) {
                withContext.setInput(message);
                int n = withContext.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
                wire.writeBytes(frame(true, RSV1 | TEXT, Arrays.copyOf(out, n - 4)));
            }
        } finally {
            withContext.end();
        }
        ServerFrameReader reader = new ServerFrameReader(true);
        feedInPieces(reader, wire.toByteArray(), new SplittableRandom(9));
        reader.release();
        // The second and third copies are mostly back-references into the first.
        assertThat(wire.size()).isLessThan(message.length);
        assertThat(frames).hasSize(3).allSatisfy(f -> assertThat(f.length()).isEqualTo(512));
    }

    @Test
    void withoutDeflateRsv1ChangesNothing() throws IOException {
        byte[] payload = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        ServerFrameReader reader = new ServerFrameReader(false);
        feedInPieces(reader, frame(true, RSV1 | BINARY, payload), new SplittableRandom(1));
        assertThat(frames).containsExactly(new Frame(BINARY, 16, word(payload, 0), word(payload, 8)));
    }

    @Test
    void refusesDataThatDoesNotInflate() {
        byte[] wire = frame(true, RSV1 | TEXT, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x12});
        ServerFrameReader reader = new ServerFrameReader(true);
        assertThatThrownBy(() -> feedInPieces(reader, wire, new SplittableRandom(1)))
                .isInstanceOf(IOException.class).hasMessageContaining("invalid compressed data");
        reader.release();
    }

    @Test
    void ignoresInputOnceReleased() throws IOException {
        ServerFrameReader reader = new ServerFrameReader(true);
        reader.release();
        ByteBuffer in = ByteBuffer.wrap(frame(true, BINARY, new byte[3]));
        reader.feed(in, (op, len, w0, w1) -> frames.add(new Frame(op, len, w0, w1)));
        assertThat(in.hasRemaining()).isFalse();
        assertThat(frames).isEmpty();
    }

    /** One message through the tool's compressor. */
    private static byte[] compressOnce(byte[] message) {
        ClientCompressor c = new ClientCompressor();
        try {
            return c.compress(message);
        } finally {
            c.end();
        }
    }
}
