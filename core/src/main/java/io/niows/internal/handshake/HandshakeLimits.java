package io.niows.internal.handshake;

/**
 * Bounds on an HTTP head read during the opening handshake, so that a peer cannot make the
 * parser buffer without limit (RFC 7230 §3.1.1 and RFC 6585 §5 name the answers: 414 and 431).
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return a new instance.
 */
public final class HandshakeLimits {

    /** Default longest request line, in bytes, not counting its CRLF. */
    public static final int DEFAULT_MAX_REQUEST_LINE_LENGTH = 8192;
    /** Default largest number of header lines. */
    public static final int DEFAULT_MAX_HEADER_COUNT = 100;
    /** Default largest head, in bytes, from the first byte to the final CRLF included. */
    public static final int DEFAULT_MAX_HEAD_SIZE = 16384;

    private static final HandshakeLimits DEFAULTS = new HandshakeLimits(
            DEFAULT_MAX_REQUEST_LINE_LENGTH, DEFAULT_MAX_HEADER_COUNT, DEFAULT_MAX_HEAD_SIZE);

    private final int maxRequestLineLength;
    private final int maxHeaderCount;
    private final int maxHeadSize;

    private HandshakeLimits(int maxRequestLineLength, int maxHeaderCount, int maxHeadSize) {
        this.maxRequestLineLength = requirePositive(maxRequestLineLength, "maxRequestLineLength");
        this.maxHeaderCount = requirePositive(maxHeaderCount, "maxHeaderCount");
        this.maxHeadSize = requirePositive(maxHeadSize, "maxHeadSize");
    }

    /** Returns the defaults: request line 8192 bytes, 100 headers, head 16384 bytes. */
    public static HandshakeLimits defaults() {
        return DEFAULTS;
    }

    /** Returns a copy with another longest request (or status) line; must be positive. */
    public HandshakeLimits withMaxRequestLineLength(int bytes) {
        return new HandshakeLimits(bytes, maxHeaderCount, maxHeadSize);
    }

    /** Returns a copy with another largest header count; must be positive. */
    public HandshakeLimits withMaxHeaderCount(int count) {
        return new HandshakeLimits(maxRequestLineLength, count, maxHeadSize);
    }

    /** Returns a copy with another largest total head size; must be positive. */
    public HandshakeLimits withMaxHeadSize(int bytes) {
        return new HandshakeLimits(maxRequestLineLength, maxHeaderCount, bytes);
    }

    /** Longest request (or status) line in bytes, not counting its CRLF. */
    public int maxRequestLineLength() {
        return maxRequestLineLength;
    }

    /** Largest number of header lines. */
    public int maxHeaderCount() {
        return maxHeaderCount;
    }

    /** Largest head in bytes, every line and CRLF counted, the final empty line included. */
    public int maxHeadSize() {
        return maxHeadSize;
    }

    @Override
    public String toString() {
        return "HandshakeLimits[maxRequestLineLength=" + maxRequestLineLength
                + ", maxHeaderCount=" + maxHeaderCount + ", maxHeadSize=" + maxHeadSize + "]";
    }

    private static int requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }
}
