package io.niows.spectests.wire;

import java.util.Arrays;

/**
 * One decoded frame exactly as it was on the wire: header bits, the masking key if any,
 * and the unmasked payload. Immutable once built (the arrays are not copied: callers must
 * not change them); safe to share between threads.
 *
 * @param fin     the FIN bit
 * @param rsv     the three RSV bits as a number 0-7 (RSV1 is 4)
 * @param opcode  the 4-bit opcode, reserved values included
 * @param maskKey the 4-byte masking key, or {@code null} for an unmasked frame
 * @param payload the application data, already unmasked
 */
public record Frame(boolean fin, int rsv, int opcode, byte[] maskKey, byte[] payload) {

    /** Whether the frame carried a masking key. */
    public boolean masked() {
        return maskKey != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && fin == f.fin && rsv == f.rsv && opcode == f.opcode
                && Arrays.equals(maskKey, f.maskKey) && Arrays.equals(payload, f.payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * opcode + rsv) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Frame[fin=" + fin + ", rsv=" + rsv + ", opcode=" + opcode + ", masked=" + masked()
                + ", length=" + payload.length + "]";
    }
}
