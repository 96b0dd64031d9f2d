package io.niows.spectests.wire;

/**
 * Frame opcodes of RFC 6455 section 5.2 as plain ints, so that tests can also name the
 * reserved ones (3-7, 11-15). Stateless; safe from any thread.
 */
public final class Opcode {
    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private Opcode() {
    }

    /** Control frames have the high bit of the 4-bit opcode set (section 5.5). */
    public static boolean isControl(int opcode) {
        return (opcode & 0x8) != 0;
    }

    /** True for the six opcodes RFC 6455 defines; false for the reserved ones. */
    public static boolean isDefined(int opcode) {
        return opcode <= BINARY || (opcode >= CLOSE && opcode <= PONG);
    }
}
