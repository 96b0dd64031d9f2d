package io.niows.spectests.engine;

import java.nio.charset.StandardCharsets;

/**
 * A frame a case wants sent, with how to send it, as Autobahn's {@code sendFrame} arguments:
 * {@code chop} splits the frame's bytes into pieces of that many octets and {@code sync} keeps
 * the frame whole; either way the pieces go through Autobahn's send queue, one reactor turn
 * apart (see {@link SendQueue} for which of them share a TCP write). A frame with neither is
 * sent plainly, in the same write as everything else its turn sends.
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

    /** Sends the frame in pieces of this many octets, through the send queue. */
    public OutFrame chop(int octets) {
        this.chop = octets;
        return this;
    }

    /** Sends the frame whole through the send queue (Autobahn's {@code sync=True}). */
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
