package io.niows.spectests.engine;

import java.nio.charset.StandardCharsets;

/**
 * A frame a case wants sent, with how to send it: {@code chop} splits the frame's bytes
 * into writes of that many octets, each flushed; {@code sync} flushes the frame by itself.
 * A fluent builder; not thread-safe, used by one case thread.
 */
public final class OutFrame {
    private static final byte[] EMPTY = new byte[0];

    final int opcode;
    byte[] payload = EMPTY;
    boolean fin = true;
    int rsv;
    int chop;
    boolean sync;
    boolean unmasked;

    private OutFrame(int opcode) {
        this.opcode = opcode;
    }

    /** A final frame with an empty payload. */
    public static OutFrame of(int opcode) {
        return new OutFrame(opcode);
    }

    /** Sets the payload (not copied). */
    public OutFrame payload(byte[] bytes) {
        this.payload = bytes;
        return this;
    }

    /** Sets the payload to the UTF-8 bytes of a string. */
    public OutFrame payload(String text) {
        return payload(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sets the FIN bit. */
    public OutFrame fin(boolean value) {
        this.fin = value;
        return this;
    }

    /** Sets the three reserved bits (0-7). */
    public OutFrame rsv(int value) {
        this.rsv = value;
        return this;
    }

    /** Writes the frame in pieces of this many octets, each flushed on its own. */
    public OutFrame chop(int octets) {
        this.chop = octets;
        return this;
    }

    /** Flushes this frame on its own. */
    public OutFrame sync() {
        this.sync = true;
        return this;
    }

    /** Sends the frame without a masking key, whatever the role. */
    public OutFrame unmasked() {
        this.unmasked = true;
        return this;
    }
}
