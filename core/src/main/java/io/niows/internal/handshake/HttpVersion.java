package io.niows.internal.handshake;

/**
 * An HTTP-version of RFC 7230 §2.6: {@code HTTP-name "/" DIGIT "." DIGIT}. Immutable.
 */
record HttpVersion(int major, int minor) {

    private static final String PREFIX = "HTTP/";
    private static final int LENGTH = PREFIX.length() + 3;

    /** Parses a version, or returns null when the text does not follow the grammar. */
    static HttpVersion parse(String text) {
        if (text.length() != LENGTH || !text.startsWith(PREFIX) || text.charAt(LENGTH - 2) != '.') {
            return null;
        }
        char major = text.charAt(LENGTH - 3);
        char minor = text.charAt(LENGTH - 1);
        if (!isDigit(major) || !isDigit(minor)) {
            return null;
        }
        return new HttpVersion(major - '0', minor - '0');
    }

    /**
     * Tells whether this is HTTP/1.1 or a later 1.x: RFC 6455 §4.1, "the HTTP version MUST be at
     * least 1.1", and the head must still be HTTP/1 framing.
     */
    boolean isHttp11OrLater1x() {
        return major == 1 && minor >= 1;
    }

    /**
     * Returns the error for a version this handshake cannot use: 400 for HTTP/1.0 (a version the
     * server speaks, but too old for an upgrade), 505 for any other major version.
     */
    HttpError unsupported(String what) {
        if (major == 1) {
            return new HttpError(400, what + " must be HTTP/1.1 or later, not " + this);
        }
        return new HttpError(505, "HTTP version " + major + "." + minor + " not supported");
    }

    @Override
    public String toString() {
        return PREFIX + major + "." + minor;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
