package io.niows.fuzz;

import io.niows.internal.handshake.HandshakeLimits;

/** The HTTP head limits a fuzz input may choose: the defaults, and smaller ones it can reach. */
final class HeadLimits {

    /** Large enough for any head written out again from one parsed within other limits. */
    static final HandshakeLimits UNBOUNDED = HandshakeLimits.defaults()
            .withMaxHeadSize(1 << 20).withMaxRequestLineLength(1 << 20).withMaxHeaderCount(1 << 20);

    private static final HandshakeLimits[] CHOICES = {
        HandshakeLimits.defaults(),
        HandshakeLimits.defaults().withMaxHeadSize(700).withMaxRequestLineLength(120).withMaxHeaderCount(12),
        HandshakeLimits.defaults().withMaxHeadSize(64).withMaxRequestLineLength(16).withMaxHeaderCount(2),
        HandshakeLimits.defaults().withMaxHeadSize(300).withMaxRequestLineLength(300).withMaxHeaderCount(1),
    };

    private HeadLimits() {}

    /** The limits a two-bit setting names. */
    static HandshakeLimits of(int setting) {
        return CHOICES[setting];
    }

    /**
     * The most heap one parse may allocate: the parser keeps one line and the header fields, so
     * it is a small multiple of the input plus about a kilobyte per line (strings and map
     * entries), never a multiple of the limits.
     */
    static long allocationAllowance(byte[] head) {
        int lines = 0;
        for (byte b : head) {
            if (b == '\n') {
                lines++;
            }
        }
        return 16 * 1024 + 16L * head.length + 1024L * lines;
    }
}
