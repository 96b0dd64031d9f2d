package io.niows.internal.handshake;

import static io.niows.internal.handshake.HttpSyntax.CR;
import static io.niows.internal.handshake.HttpSyntax.LF;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an HTTP/1.1 head line by line, in any split of the input, within {@link HandshakeLimits}
 * (RFC 7230 §3: start-line, header fields, an empty line). Shared by the request and the response
 * parsers; the start line's own grammar is theirs.
 *
 * <p>Lines must end with CRLF. RFC 7230 §3.5 allows ("MAY") recognizing a bare LF; this reader
 * does not, and answers 400: every client and server sends CRLF, and a lenient origin behind a
 * strict intermediary is how requests get smuggled. To type a handshake by hand, use
 * {@code nc -C}.
 *
 * <p>Memory stays bounded: at most one line is buffered, and the whole head may not exceed the
 * limit. Not thread-safe.
 */
final class HeadReader {

    /** Parses and checks a start line as soon as it is complete. */
    interface StartLineParser {
        void parse(String line) throws HttpError;
    }

    private enum State { AWAITING_START_LINE, AWAITING_HEADER_LINE, COMPLETE, FAILED }

    private static final int INITIAL_LINE_CAPACITY = 256;

    private final HandshakeLimits limits;
    private final String what;
    private final int startLineTooLongStatus;
    private final StartLineParser startLineParser;
    private final HttpHeaders.Builder headers = new HttpHeaders.Builder();

    private State state = State.AWAITING_START_LINE;
    private byte[] line = new byte[INITIAL_LINE_CAPACITY];
    private int lineLength;
    private boolean afterCr;
    private int headSize;
    private HttpError failure;

    /**
     * @param what "request" or "response", to name the head in reasons
     * @param startLineTooLongStatus the status of a start line over the length limit
     */
    HeadReader(HandshakeLimits limits, String what, int startLineTooLongStatus,
            StartLineParser startLineParser) {
        this.limits = limits;
        this.what = what;
        this.startLineTooLongStatus = startLineTooLongStatus;
        this.startLineParser = startLineParser;
    }

    /**
     * Consumes bytes until the head is complete (returns true, {@code in} positioned just past
     * the final CRLF) or {@code in} is empty (returns false).
     *
     * @throws HttpError when the head is malformed or over a limit, and on every later call
     * @throws IllegalStateException when the head was already complete
     */
    boolean read(ByteBuffer in) throws HttpError {
        if (state == State.FAILED) {
            throw failure;
        }
        if (state == State.COMPLETE) {
            throw new IllegalStateException("the " + what + " head is already complete");
        }
        try {
            while (in.hasRemaining()) {
                if (consume(in.get())) {
                    return true;
                }
            }
            return false;
        } catch (HttpError e) {
            state = State.FAILED;
            failure = e;
            line = null;
            throw e;
        }
    }

    /** The header fields; only once {@link #read} returned true. */
    HttpHeaders headers() {
        if (state != State.COMPLETE) {
            throw new IllegalStateException("the " + what + " head is not complete");
        }
        return headers.build();
    }

    private boolean consume(byte b) throws HttpError {
        boolean lineContent = !afterCr && b != CR && b != LF;
        if (lineContent) {
            checkStartLineLength();
        }
        if (++headSize > limits.maxHeadSize()) {
            throw new HttpError(431, what + " head larger than " + limits.maxHeadSize() + " bytes");
        }
        if (lineContent) {
            append(b);
        }
        if (afterCr) {
            if (b != LF) {
                throw new HttpError(400, "CR not followed by LF in the " + what + " head");
            }
            afterCr = false;
            return endOfLine();
        }
        if (b == CR) {
            afterCr = true;
        } else if (b == LF) {
            throw new HttpError(400, "bare LF in the " + what + " head: lines must end with CRLF");
        }
        return false;
    }

    /** Checked before the head size, so that an endless start line is answered 414, not 431. */
    private void checkStartLineLength() throws HttpError {
        if (state == State.AWAITING_START_LINE && lineLength >= limits.maxRequestLineLength()) {
            throw new HttpError(startLineTooLongStatus, what + " line longer than "
                    + limits.maxRequestLineLength() + " bytes");
        }
    }

    /** Called only within the head size limit, so the line never outgrows it. */
    private void append(byte b) {
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, Math.min(line.length * 2, limits.maxHeadSize()));
        }
        line[lineLength++] = b;
    }

    private boolean endOfLine() throws HttpError {
        String text = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1);
        lineLength = 0;
        if (state == State.AWAITING_START_LINE) {
            // RFC 7230 §3.5: a server "SHOULD ignore at least one empty line (CRLF) received
            // prior to the request-line".
            if (!text.isEmpty()) {
                startLineParser.parse(text);
                state = State.AWAITING_HEADER_LINE;
            }
            return false;
        }
        if (text.isEmpty()) {
            state = State.COMPLETE;
            line = null;
            return true;
        }
        addHeader(text);
        return false;
    }

    private void addHeader(String text) throws HttpError {
        if (HttpSyntax.isOws(text.charAt(0))) {
            // RFC 7230 §3.2.4: a server that receives an obs-fold "MUST either reject the message
            // by sending a 400 (Bad Request)" or unfold it; this also rejects whitespace between
            // the start line and the first header field (§3.5).
            throw new HttpError(400, "obsolete line folding in the " + what + " head");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new HttpError(400, "header line without a colon");
        }
        String name = text.substring(0, colon);
        if (!name.isEmpty() && HttpSyntax.isOws(name.charAt(name.length() - 1))) {
            // RFC 7230 §3.2.4: "A server MUST reject any received request message that contains
            // whitespace between a header field-name and colon with a response code of 400".
            throw new HttpError(400, "whitespace between header name and colon");
        }
        if (!HttpSyntax.isToken(name)) {
            throw new HttpError(400, "header name is not a token");
        }
        String value = HttpSyntax.trimOws(text.substring(colon + 1));
        if (!HttpSyntax.isFieldValue(value)) {
            throw new HttpError(400, "control character in header " + name);
        }
        if (headers.count() >= limits.maxHeaderCount()) {
            throw new HttpError(431, "more than " + limits.maxHeaderCount() + " header lines");
        }
        headers.add(name, value);
    }
}
