package io.niows.internal.handshake;

import java.nio.ByteBuffer;

/**
 * Parses the head of an HTTP/1.1 request incrementally, in any split of the input, within
 * {@link HandshakeLimits} (RFC 7230 §3, RFC 6455 §4.2.1).
 *
 * <p>Answers with {@link HttpError}: 414 for a request line over the limit, 431 for too many
 * header lines or a head over the size limit, 400 for bad syntax (bare LF, obsolete line folding,
 * whitespace before a colon, a malformed request line), 400 for HTTP/1.0 (RFC 6455 §4.1: "the HTTP
 * version MUST be at least 1.1") and 505 for any version other than 1.x. After an error the parser
 * refuses more input by throwing the same error again. Lines must end with CRLF (see
 * {@link HeadReader} for why a bare LF is refused).
 *
 * <p>Not thread-safe: one parser per connection, used by one thread at a time.
 */
public final class HttpRequestParser {

    private final HeadReader reader;
    private String method;
    private String target;
    private String version;

    /** A parser for one request head. */
    public HttpRequestParser(HandshakeLimits limits) {
        this.reader = new HeadReader(limits, "request", 414, this::parseRequestLine);
    }

    /**
     * Consumes bytes of the request head from {@code in}.
     *
     * @return the request once the empty line ending the head was consumed, with
     *     {@code in.position()} just past that line's CRLF so that bytes which follow (a first
     *     frame) stay in the buffer; {@code null} when more bytes are needed (all of {@code in}
     *     was consumed)
     * @throws HttpError for malformed or oversize input, and on every call after that
     * @throws IllegalStateException when called again after the request was returned
     */
    public HttpRequest parse(ByteBuffer in) throws HttpError {
        if (!reader.read(in)) {
            return null;
        }
        return new HttpRequest(method, target, version, reader.headers());
    }

    /** request-line = method SP request-target SP HTTP-version (RFC 7230 §3.1.1). */
    private void parseRequestLine(String line) throws HttpError {
        int firstSpace = line.indexOf(' ');
        int secondSpace = line.indexOf(' ', firstSpace + 1);
        if (firstSpace <= 0 || secondSpace <= firstSpace + 1
                || line.indexOf(' ', secondSpace + 1) >= 0) {
            throw new HttpError(400, "request line is not METHOD SP target SP version");
        }
        String candidateMethod = line.substring(0, firstSpace);
        String candidateTarget = line.substring(firstSpace + 1, secondSpace);
        HttpVersion parsedVersion = HttpVersion.parse(line.substring(secondSpace + 1));
        if (!HttpSyntax.isToken(candidateMethod)) {
            throw new HttpError(400, "request method is not a token");
        }
        if (!isVisibleAscii(candidateTarget)) {
            throw new HttpError(400, "request target holds a character that is not allowed");
        }
        if (parsedVersion == null) {
            throw new HttpError(400, "malformed HTTP version in the request line");
        }
        if (!parsedVersion.isHttp11OrLater1x()) {
            throw parsedVersion.unsupported("request");
        }
        method = candidateMethod;
        target = candidateTarget;
        version = parsedVersion.toString();
    }

    private static boolean isVisibleAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
