package io.niows.spectests.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a byte stream into frames (RFC 6455 section 5.2) without checking any protocol
 * rule: reserved bits, reserved opcodes, masking and control-frame limits are reported as
 * they are, for the caller to judge. Input may arrive in pieces of any size; a partial
 * header or payload is kept until the rest arrives. Not thread-safe: one reader per stream.
 */
public final class FrameReader {
    private final long maxPayload;
    private byte[] buf = new byte[8192];
    private int start;
    private int end;

    /** @param maxPayload largest payload accepted before the stream is declared unreadable */
    public FrameReader(long maxPayload) {
        this.maxPayload = maxPayload;
    }

    /** Appends bytes and returns every frame they complete, in order. */
    public List<Frame> feed(byte[] data, int off, int len) throws FrameFormatException {
        append(data, off, len);
        List<Frame> frames = new ArrayList<>();
        Frame f;
        while ((f = next()) != null) {
            frames.add(f);
        }
        return frames;
    }

    /** Bytes received that do not form a complete frame yet. */
    public int pending() {
        return end - start;
    }

    private void append(byte[] data, int off, int len) {
        if (buf.length - end < len) {
            int live = end - start;
            byte[] target = buf;
            if (live + len > buf.length) {
                target = new byte[Math.max(buf.length * 2, live + len)];
            }
            System.arraycopy(buf, start, target, 0, live);
            buf = target;
            start = 0;
            end = live;
        }
        System.arraycopy(data, off, buf, end, len);
        end += len;
    }

    private Frame next() throws FrameFormatException {
        int avail = end - start;
        if (avail < 2) {
            return null;
        }
        int b0 = buf[start] & 0xFF;
        int b1 = buf[start + 1] & 0xFF;
        int code = b1 & FrameWriter.B1_MASK_LENGTH;
        boolean masked = (b1 & FrameWriter.B1_FLAG_MASK) != 0;
        int lengthBytes = code == FrameWriter.LENGTH_16 ? 2 : code == FrameWriter.LENGTH_64 ? 8 : 0;
        int header = 2 + lengthBytes + (masked ? 4 : 0);
        if (avail < header) {
            return null;
        }
        long len = code < FrameWriter.LENGTH_16 ? code : readLength(start + 2, lengthBytes);
        if (len < 0) {
            throw new FrameFormatException("64-bit payload length with the most significant bit set");
        }
        if (len > maxPayload) {
            throw new FrameFormatException("frame payload of " + len + " bytes exceeds " + maxPayload);
        }
        if (avail < header + len) {
            return null;
        }
        byte[] key = null;
        if (masked) {
            key = new byte[4];
            System.arraycopy(buf, start + header - 4, key, 0, 4);
        }
        byte[] payload = new byte[(int) len];
        System.arraycopy(buf, start + header, payload, 0, (int) len);
        if (key != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= key[i & 3];
            }
        }
        start += header + (int) len;
        return new Frame((b0 & FrameWriter.B0_FLAG_FIN) != 0, (b0 & FrameWriter.B0_MASK_RSV) >>> 4,
                b0 & FrameWriter.B0_MASK_OPCODE, key, payload);
    }

    private long readLength(int pos, int bytes) {
        long v = 0;
        for (int i = 0; i < bytes; i++) {
            v = (v << 8) | (buf[pos + i] & 0xFF);
        }
        return v;
    }
}
