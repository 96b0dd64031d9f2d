package io.niows.fuzz;

import io.niows.internal.frame.FrameHeader;
import io.niows.internal.frame.FrameReader;
import io.niows.internal.frame.PayloadChunk;
import io.niows.internal.frame.ProtocolViolation;
import io.niows.internal.frame.WireFormat;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One complete frame as it lay on the wire: its header, its unmasked payload and its own bytes,
 * read with the bare {@link FrameReader} (no protocol rule), to compare with what an encoder
 * writes for the same frame.
 */
record WireFrame(FrameHeader header, byte[] payload, byte[] wire) {

    /**
     * The complete frames at the start of {@code bytes}, up to and including the first close
     * frame (RFC 6455 §5.5.1: nothing after it counts); an incomplete last frame is left out.
     */
    static List<WireFrame> read(byte[] bytes) {
        Collector collector = new Collector();
        ByteBuffer in = ByteBuffer.wrap(bytes.clone());
        int frameStart = 0;
        while (!collector.sawClose) {
            int before = in.position();
            if (!collector.inFrame) {
                frameStart = before;
            }
            if (!collector.step(in)) {
                break;
            }
            if (collector.ended) {
                collector.frames.add(new WireFrame(collector.header, collector.payload.toByteArray(),
                        Arrays.copyOfRange(bytes, frameStart, in.position())));
                collector.reset();
            }
        }
        return collector.frames;
    }

    /**
     * How many frame headers a reader that checks no rule finds in {@code bytes}: every frame
     * a decoder could look at, past a close frame or a broken one too.
     */
    static int countHeaders(byte[] bytes) {
        Collector collector = new Collector();
        ByteBuffer in = ByteBuffer.wrap(bytes.clone());
        int headers = 0;
        try {
            while (collector.step(in)) {
                if (collector.header != null && !collector.counted) {
                    headers++;
                    collector.counted = true;
                }
                if (collector.ended) {
                    collector.reset();
                }
            }
        } catch (ProtocolViolation unrepresentableLength) {
            // Nothing after a 64-bit length with its top bit set can be read.
        }
        return headers;
    }

    /** Whether the length was written in the fewest bytes, as RFC 6455 §5.2 requires of a sender. */
    boolean hasMinimalLength() {
        return wire.length - payload.length == WireFormat.headerLength(payload.length, header.masked());
    }

    private static final class Collector implements FrameReader.FrameConsumer {
        private final FrameReader reader = new FrameReader();
        private final List<WireFrame> frames = new ArrayList<>();
        private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
        private FrameHeader header;
        private boolean inFrame;
        private boolean ended;
        private boolean sawClose;
        private boolean counted;

        boolean step(ByteBuffer in) {
            return reader.read(in, this);
        }

        void reset() {
            payload.reset();
            header = null;
            inFrame = false;
            ended = false;
            counted = false;
        }

        @Override
        public void onHeader(FrameHeader frameHeader) {
            header = frameHeader;
            inFrame = true;
        }

        @Override
        public void onPayload(PayloadChunk chunk) {
            ByteBuffer bytes = ByteBuffer.allocate(chunk.length());
            chunk.copyTo(bytes);
            payload.writeBytes(bytes.array());
        }

        @Override
        public void onFrameEnd() {
            ended = true;
            sawClose = header.opcode() == WireFormat.OPCODE_CLOSE;
        }
    }
}
