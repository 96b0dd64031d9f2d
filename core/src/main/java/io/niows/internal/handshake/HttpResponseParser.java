package io.niows.internal.handshake;

import java.nio.ByteBuffer;

/**
 * Parses the head of the server's HTTP/1.1 response to a client's opening handshake,
 * incrementally and within {@link HandshakeLimits} (RFC 7230 §3.1.2, RFC 6455 §4.1). The body
 * of a non-101 response is not read.
 *
 * <p>The contract is that of {@link HttpRequestParser}; the status of the {@link HttpError} says
 * what was wrong by analogy (414 status line too long, 431 too many or too large headers, 400 bad
 * syntax, 505 not HTTP/1.1 or a later 1.x). The status line's reason phrase may be absent along
 * with the space before it: RFC 7230 §3.1.2 says "A client SHOULD ignore the reason-phrase
 * content", and some servers omit it.
 *
 * <p>Not thread-safe: one parser per connection.
 */
public final class HttpResponseParser {

    private static final int STATUS_DIGITS = 3;

    private final HeadReader reader;
    /** Whether an HTTP/1.0 status line is taken (a proxy's answer to CONNECT), not only 1.1 and later 1.x. */
    private final boolean http10;
    private String version;
    private int status;
    private String reason;

    /** A parser for one response head to an upgrade: HTTP/1.1 or a later 1.x (RFC 6455 §4.1). */
    public HttpResponseParser(HandshakeLimits limits) {
        this(limits, false);
    }

    /**
     * A parser for one response head.
     *
     * @param http10 whether HTTP/1.0 is taken too: proxies answer {@code CONNECT} with it (RFC 9110
     *     §9.3.6 lets any 2xx establish the tunnel)
     */
    public HttpResponseParser(HandshakeLimits limits, boolean http10) {
        this.reader = new HeadReader(limits, "response", 414, this::parseStatusLine);
        this.http10 = http10;
    }

    /**
     * Consumes bytes of the response head from {@code in}.
     *
     * @return the head once the empty line ending it was consumed, with {@code in.position()}
     *     just past that line's CRLF so that the server's first frame stays in the buffer;
     *     {@code null} when more bytes are needed (all of {@code in} was consumed)
     * @throws HttpError for malformed or oversize input, and on every call after that
     * @throws IllegalStateException when called again after the head was returned
     */
    public HttpResponseHead parse(ByteBuffer in) throws HttpError {
        if (!reader.read(in)) {
            return null;
        }
        return new HttpResponseHead(version, status, reason, reader.headers());
    }

    /** status-line = HTTP-version SP status-code SP reason-phrase (RFC 7230 §3.1.2). */
    private void parseStatusLine(String line) throws HttpError {
        int space = line.indexOf(' ');
        HttpVersion parsedVersion = space < 0 ? null : HttpVersion.parse(line.substring(0, space));
        if (parsedVersion == null) {
            throw new HttpError(400, "status line is not HTTP-version SP status-code");
        }
        if (!parsedVersion.isHttp11OrLater1x() && !(http10 && parsedVersion.major() == 1)) {
            throw parsedVersion.unsupported("response");
        }
        int codeEnd = space + 1 + STATUS_DIGITS;
        if (line.length() < codeEnd || (line.length() > codeEnd && line.charAt(codeEnd) != ' ')
                || !isThreeDigits(line.substring(space + 1, codeEnd))) {
            throw new HttpError(400, "status line has no three-digit status code");
        }
        String phrase = line.length() > codeEnd ? line.substring(codeEnd + 1) : "";
        if (!HttpSyntax.isFieldValue(phrase)) {
            throw new HttpError(400, "control character in the reason phrase");
        }
        version = parsedVersion.toString();
        status = Integer.parseInt(line.substring(space + 1, codeEnd));
        reason = phrase;
    }

    private static boolean isThreeDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return s.length() == STATUS_DIGITS;
    }
}
