package io.niows.bench.soak;

import io.niows.bench.load.ClientFrameWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the soak sends, drawn from a seeded random source: data messages of 0 to 64 KiB, text
 * (valid UTF-8 with 1- to 4-byte sequences) or binary, cut into 1 to 8 fragments (RFC 6455 §5.4)
 * at any byte, even inside a UTF-8 sequence, with pings between fragments (§5.5: control frames
 * may be injected in the middle of a fragmented message), and every frame masked with a fresh key.
 *
 * <p>Stateless and thread-safe; each caller passes its own random source.
 */
final class Traffic {

    /** The largest message payload the soak sends: 64 KiB, the first length that needs 64 bits. */
    static final int MAX_MESSAGE = 64 * 1024;
    /** The largest control-frame payload (§5.5). */
    static final int MAX_CONTROL = 125;

    /** Lengths where the frame header changes form (7-bit, 16-bit, 64-bit) or that are empty. */
    private static final int[] EDGE_LENGTHS = {0, 1, 125, 126, 127, 65535, MAX_MESSAGE};
    private static final int MAX_FRAGMENTS = 8;

    /** A data message: what goes out, and what must come back unchanged. */
    record Message(int opcode, byte[] payload) {
        String describe() {
            return (opcode == ClientFrameWriter.OP_TEXT ? "text" : "binary") + " message of " + payload.length + " bytes";
        }
    }

    /**
     * The bytes of one message on the wire, with the pings mixed into it: {@code pings.get(i)} is
     * the payload of a ping whose frame ends at byte {@code pingEnds[i]} of {@code bytes}; the
     * message's last fragment ends at byte {@code messageEnd} (a ping may follow it).
     */
    record Wire(byte[] bytes, List<byte[]> pings, int[] pingEnds, int messageEnd) {
        /** The payloads of the pings wholly inside the first {@code length} bytes. */
        List<byte[]> pingsWithin(int length) {
            int n = 0;
            while (n < pingEnds.length && pingEnds[n] <= length) {
                n++;
            }
            return pings.subList(0, n);
        }
    }

    private Traffic() {
    }

    static Message message(SplittableRandom random) {
        int size = size(random);
        if (random.nextBoolean()) {
            return new Message(ClientFrameWriter.OP_TEXT, utf8(random, size));
        }
        byte[] payload = new byte[size];
        random.nextBytes(payload);
        return new Message(ClientFrameWriter.OP_BINARY, payload);
    }

    /** Small sizes as often as large ones, and the header's edge lengths often. */
    private static int size(SplittableRandom random) {
        switch (random.nextInt(4)) {
            case 0:
                return random.nextInt(MAX_CONTROL + 1);
            case 1:
                return EDGE_LENGTHS[random.nextInt(EDGE_LENGTHS.length)];
            case 2:
                return random.nextInt(MAX_CONTROL + 1, 4097);
            default:
                return random.nextInt(4097, MAX_MESSAGE + 1);
        }
    }

    /** {@code size} bytes of valid UTF-8, mostly ASCII, with 2-, 3- and 4-byte sequences mixed in. */
    static byte[] utf8(SplittableRandom random, int size) {
        byte[] out = new byte[size];
        int i = 0;
        while (i < size) {
            int room = size - i;
            int kind = random.nextInt(8);
            if (kind == 5 && room >= 2) {
                i = put(out, i, random.nextInt(0x80, 0x800));
            } else if (kind == 6 && room >= 3) {
                int cp = random.nextInt(0x800, 0x10000 - 0x800);
                i = put(out, i, cp < Character.MIN_SURROGATE ? cp : cp + 0x800);
            } else if (kind == 7 && room >= 4) {
                i = put(out, i, random.nextInt(0x10000, Character.MAX_CODE_POINT + 1));
            } else {
                out[i++] = (byte) random.nextInt(0x20, 0x7F);
            }
        }
        return out;
    }

    /** Writes code point {@code cp} as UTF-8 (RFC 3629) at {@code i}; returns the index after it. */
    private static int put(byte[] out, int i, int cp) {
        if (cp < 0x800) {
            out[i++] = (byte) (0xC0 | cp >>> 6);
        } else if (cp < 0x10000) {
            out[i++] = (byte) (0xE0 | cp >>> 12);
            out[i++] = (byte) (0x80 | (cp >>> 6 & 0x3F));
        } else {
            out[i++] = (byte) (0xF0 | cp >>> 18);
            out[i++] = (byte) (0x80 | (cp >>> 12 & 0x3F));
            out[i++] = (byte) (0x80 | (cp >>> 6 & 0x3F));
        }
        out[i++] = (byte) (0x80 | (cp & 0x3F));
        return i;
    }

    /** A ping payload of 0 to 125 random bytes. */
    static byte[] pingPayload(SplittableRandom random) {
        byte[] payload = new byte[random.nextInt(MAX_CONTROL + 1)];
        random.nextBytes(payload);
        return payload;
    }

    /**
     * {@code message} as frames: half the time one frame, otherwise 2 to 8 fragments cut at random
     * bytes (empty fragments included), with a ping in a third of the gaps and, now and then, one
     * before the first fragment or after the last.
     */
    static Wire wire(Message message, SplittableRandom random) {
        int[] cuts = cuts(message.payload().length, random);
        List<byte[]> frames = new ArrayList<>();
        List<byte[]> pings = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        int length = 0;
        for (int f = 0; f + 1 < cuts.length; f++) {
            if (random.nextInt(f == 0 ? 8 : 3) == 0) {
                length = addPing(random, frames, pings, ends, length);
            }
            boolean last = f + 2 == cuts.length;
            byte[] frame = frame(last, f == 0 ? message.opcode() : ClientFrameWriter.OP_CONTINUATION,
                    Arrays.copyOfRange(message.payload(), cuts[f], cuts[f + 1]), random.nextInt());
            frames.add(frame);
            length += frame.length;
        }
        int messageEnd = length;
        if (random.nextInt(8) == 0) {
            length = addPing(random, frames, pings, ends, length);
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        frames.forEach(out::put);
        return new Wire(out.array(), pings, ends.stream().mapToInt(Integer::intValue).toArray(), messageEnd);
    }

    private static int addPing(SplittableRandom random, List<byte[]> frames, List<byte[]> pings, List<Integer> ends,
            int length) {
        byte[] payload = pingPayload(random);
        byte[] ping = frame(true, ClientFrameWriter.OP_PING, payload, random.nextInt());
        frames.add(ping);
        pings.add(payload);
        ends.add(length + ping.length);
        return length + ping.length;
    }

    /** Fragment boundaries: 0, then sorted random offsets, then {@code size}. */
    private static int[] cuts(int size, SplittableRandom random) {
        int fragments = random.nextBoolean() ? 1 : random.nextInt(2, MAX_FRAGMENTS + 1);
        int[] cuts = new int[fragments + 1];
        for (int i = 1; i < fragments; i++) {
            cuts[i] = random.nextInt(size + 1);
        }
        cuts[fragments] = size;
        Arrays.sort(cuts, 1, fragments);
        return cuts;
    }

    /** One masked frame. */
    static byte[] frame(boolean fin, int opcode, byte[] payload, int maskKey) {
        ByteBuffer out = ByteBuffer.allocate(ClientFrameWriter.frameLength(payload.length));
        ClientFrameWriter.write(out, fin, opcode, ByteBuffer.wrap(payload), maskKey);
        return out.array();
    }
}
