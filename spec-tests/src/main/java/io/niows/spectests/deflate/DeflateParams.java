package io.niows.spectests.deflate;

/**
 * The permessage-deflate parameters one connection agreed (RFC 7692 section 7.1), seen from
 * the fuzzer: how it compresses ("local") and what it holds the peer's compressed messages to.
 * Immutable.
 *
 * @param localNoContextTakeover the fuzzer starts every message with a fresh compression context
 * @param localMaxWindowBits     the largest LZ77 window the fuzzer's messages may use (8-15)
 * @param peerNoContextTakeover  the peer's messages may not refer to earlier messages
 * @param peerMaxWindowBits      the largest window the peer's messages may use (8-15)
 * @param agreed                 the extension as the response named it, for the report
 */
public record DeflateParams(boolean localNoContextTakeover, int localMaxWindowBits, boolean peerNoContextTakeover,
        int peerMaxWindowBits, String agreed) {

    /** The window bits when nothing smaller was agreed (RFC 7692 section 7.1.2). */
    public static final int MAX_WINDOW_BITS = 15;
    /** The smallest window bits a peer may name. */
    public static final int MIN_WINDOW_BITS = 8;

    public DeflateParams {
        checkBits(localMaxWindowBits);
        checkBits(peerMaxWindowBits);
    }

    /**
     * Parses a window-bits value: a decimal integer from 8 to 15 without leading zeros
     * (RFC 7692 sections 7.1.2.1 and 7.1.2.2); throws with a reason otherwise.
     */
    public static int parseBits(String parameter, String value) {
        if (value == null || !value.matches("[89]|1[0-5]")) {
            throw new IllegalArgumentException(parameter + " needs a value from 8 to 15, got "
                    + (value == null ? "none" : "'" + value + "'"));
        }
        return Integer.parseInt(value);
    }

    private static void checkBits(int bits) {
        if (bits < MIN_WINDOW_BITS || bits > MAX_WINDOW_BITS) {
            throw new IllegalArgumentException("window bits out of range: " + bits);
        }
    }
}
