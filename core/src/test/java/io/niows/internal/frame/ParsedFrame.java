package io.niows.internal.frame;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A frame as {@link FrameReader} reported it: its header and its whole (unmasked) payload in hex. */
record ParsedFrame(FrameHeader header, String payloadHex) {

    static ParsedFrame of(FrameHeader header, byte[] payload) {
        return new ParsedFrame(header, HexFormat.of().formatHex(payload));
    }

    /**
     * Collects frames from a reader, joining payload chunks and checking the call order. It takes
     * each chunk by copying it out, or, made with {@code inPlace}, by unmasking it where it lies.
     */
    static class Recorder implements FrameReader.FrameConsumer {
        final List<ParsedFrame> frames = new ArrayList<>();
        private final boolean inPlace;
        private FrameHeader header;
        private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

        Recorder() {
            this(false);
        }

        Recorder(boolean inPlace) {
            this.inPlace = inPlace;
        }

        @Override
        public void onHeader(FrameHeader h) {
            if (header != null) {
                throw new AssertionError("header before the previous frame ended");
            }
            header = h;
            payload.reset();
        }

        @Override
        public void onPayload(PayloadChunk chunk) {
            if (chunk.length() == 0) {
                throw new AssertionError("empty chunk");
            }
            byte[] bytes = new byte[chunk.length()];
            if (inPlace) {
                chunk.unmasked().get(bytes);
            } else {
                ByteBuffer copy = ByteBuffer.allocate(bytes.length + 2).position(1);
                chunk.copyTo(copy);
                if (copy.position() != 1 + bytes.length) {
                    throw new AssertionError("copyTo advanced the position to " + copy.position());
                }
                copy.get(1, bytes);
            }
            payload.writeBytes(bytes);
        }

        @Override
        public void onFrameEnd() {
            frames.add(ParsedFrame.of(header, payload.toByteArray()));
            header = null;
        }

        /** Feeds the chunks as a reactor would, carrying unconsumed bytes over to the next read. */
        List<ParsedFrame> readAll(List<byte[]> chunks) {
            FrameReader reader = new FrameReader();
            byte[] leftover = new byte[0];
            for (byte[] chunk : chunks) {
                ByteBuffer in = ByteBuffer.allocate(leftover.length + chunk.length).put(leftover).put(chunk).flip();
                while (reader.read(in, this)) {
                    // keep reading
                }
                if (in.remaining() > 13) {
                    throw new AssertionError("reader left " + in.remaining() + " bytes");
                }
                leftover = new byte[in.remaining()];
                in.get(leftover);
            }
            if (leftover.length != 0 || header != null) {
                throw new AssertionError("input ended inside a frame");
            }
            return frames;
        }
    }
}
