package io.niows.protocol;

import static io.niows.internal.frame.WireFormat.MAX_CONTROL_PAYLOAD;
import static io.niows.internal.frame.WireFormat.OPCODE_BINARY;
import static io.niows.internal.frame.WireFormat.OPCODE_CONTINUATION;
import static io.niows.internal.frame.WireFormat.OPCODE_PING;
import static io.niows.internal.frame.WireFormat.OPCODE_PONG;
import static io.niows.internal.frame.WireFormat.OPCODE_TEXT;

import io.niows.internal.frame.CloseCodes;
import io.niows.internal.frame.FrameDecoder;
import io.niows.internal.frame.FrameEncoder;
import io.niows.internal.frame.FrameEvents;
import io.niows.internal.frame.ProtocolViolation;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The WebSocket connection state machine of RFC 6455 after the opening handshake, without I/O:
 * bytes in through {@link #receive}, events out to an {@link EngineListener}; calls in through
 * the {@code send*}, {@link #close} and {@link #fail} methods, frames out to a {@link FrameSink}.
 *
 * <p>What it does by itself: answers a ping with a pong carrying the same payload (§5.5.2, unless
 * turned off in {@link EngineConfig#withAutoPong}); answers a close frame with a close frame
 * echoing its status code, or an empty one for an empty close (§5.5.1); ignores data frames once a
 * close frame was sent or received, while still handling control frames; and fails the connection
 * on any protocol violation (§7.1.7) by sending a close frame with 1002, 1007 or 1009, after which
 * it reports no further event. When to close the TCP connection is said by {@link
 * #transportShouldClose()}; timeouts are the caller's, since this class has no clock.
 *
 * <p><b>Not thread-safe.</b> An engine is confined to the one thread that drives it (a connection's
 * selector loop); its listener and sink are called on that thread, synchronously. To send from
 * another thread, encode with {@link FrameEncoding} and hand the bytes to the owning thread.
 */
public final class WebSocketEngine {

    private static final int NO_MESSAGE = -1;
    private static final int EMPTY_CLOSE = -1;

    private final EngineConfig config;
    private final EngineListener listener;
    private final FrameSink sink;
    private final FrameEncoder encoder;
    private final FrameDecoder decoder;

    private ConnectionState state = ConnectionState.OPEN;
    private boolean closeSent;
    private boolean closeReceived;
    private boolean failed;
    private boolean closedByPeer;
    private int closeCode = CloseCodes.ABNORMAL_CLOSURE;
    private String closeReason = "";
    /** Opcode of the fragmented message this side is sending, or NO_MESSAGE. */
    private int sendingOpcode = NO_MESSAGE;

    /**
     * An engine in state {@link ConnectionState#OPEN}: the opening handshake is done elsewhere.
     */
    public WebSocketEngine(EngineConfig config, EngineListener listener, FrameSink sink) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.encoder = config.encoder();
        this.decoder = new FrameDecoder(
                config.role() == Role.SERVER, config.maxFrameSize(), config.maxMessageSize(), new Events());
    }

    /** The state of the connection (RFC 6455 §4.1, §7). */
    public ConnectionState state() {
        return state;
    }

    /**
     * Consumes bytes, decodes frames, reports events to the listener, writes automatic replies
     * (pong, close echo, failing close) to the sink.
     *
     * <p>On return, {@code in.remaining()} is at most 13: an incomplete header, left unconsumed;
     * the caller keeps those bytes and passes them again followed by new bytes. Masked payload is
     * unmasked in place, so the bytes of a writable {@code in} change. After the connection failed
     * or a close frame was received, all input is consumed and ignored.
     *
     * <p>Never throws for bad input: a protocol violation writes the close frame with the right
     * code to the sink, moves to {@link ConnectionState#CLOSING}, makes {@link
     * #transportShouldClose()} true and is reported to {@link EngineListener#onProtocolViolation}. If the listener or the sink throws, the connection is failed
     * with 1011 (no details sent) and the exception is rethrown for the caller to log.
     */
    public void receive(ByteBuffer in) {
        if (failed || closeReceived || state == ConnectionState.CLOSED) {
            in.position(in.limit());
            return;
        }
        try {
            decoder.decode(in);
        } catch (ProtocolViolation violation) {
            // The one place where a violation becomes "Fail the WebSocket Connection" (§7.1.7).
            int code = violation.closeCode();
            failConnection(code, violation.getMessage());
            in.position(in.limit());
            listener.onProtocolViolation(new WebSocketProtocolException(code, violation.getMessage()));
        } catch (RuntimeException listenerOrSinkError) {
            failConnection(CloseCodes.INTERNAL_ERROR, "");
            in.position(in.limit());
            throw listenerOrSinkError;
        }
    }

    /**
     * Sends a text message in one frame.
     *
     * @throws IllegalStateException if a close frame was already sent, or a fragmented message
     *     is being sent
     */
    public void sendText(CharSequence text) {
        checkMaySendData();
        checkNoFragmentedSend();
        sink.write(encoder.text(text));
    }

    /**
     * Sends a binary message in one frame; the payload's position does not move.
     *
     * @throws IllegalStateException as {@link #sendText}
     */
    public void sendBinary(ByteBuffer data) {
        checkMaySendData();
        checkNoFragmentedSend();
        sink.write(encoder.encode(OPCODE_BINARY, true, data));
    }

    /**
     * Sends one fragment of a message (RFC 6455 §5.4): the first call starts a text or binary
     * message, the next ones continue it, the one with {@code last} ends it. Control frames and
     * nothing else may be sent in between.
     *
     * @param text whether the message is text (its fragments carry UTF-8 bytes) or binary; must
     *     stay the same for all fragments of a message
     * @throws IllegalStateException if a close frame was already sent
     * @throws IllegalArgumentException if {@code text} changes within a message
     */
    public void sendFragment(boolean text, ByteBuffer part, boolean last) {
        checkMaySendData();
        int type = text ? OPCODE_TEXT : OPCODE_BINARY;
        int opcode = OPCODE_CONTINUATION;
        if (sendingOpcode == NO_MESSAGE) {
            opcode = type;
        } else if (sendingOpcode != type) {
            throw new IllegalArgumentException("the fragmented message being sent is not " + (text ? "text" : "binary"));
        }
        ByteBuffer frame = encoder.encode(opcode, last, part);
        sendingOpcode = last ? NO_MESSAGE : type;
        sink.write(frame);
    }

    /**
     * Sends a ping (RFC 6455 §5.5.2); allowed while closing.
     *
     * @throws IllegalArgumentException if the payload is over 125 bytes
     * @throws IllegalStateException if the connection failed or is closed
     */
    public void sendPing(ByteBuffer payload) {
        sendControl(OPCODE_PING, payload);
    }

    /**
     * Sends a pong (RFC 6455 §5.5.3), solicited or not; allowed while closing.
     *
     * @throws IllegalArgumentException if the payload is over 125 bytes
     * @throws IllegalStateException if the connection failed or is closed
     */
    public void sendPong(ByteBuffer payload) {
        sendControl(OPCODE_PONG, payload);
    }

    /**
     * Starts the closing handshake (RFC 6455 §7.1.2) by sending a close frame; does nothing if a
     * close frame was already sent. Data frames may not be sent afterwards; received ones are
     * ignored.
     *
     * @throws IllegalArgumentException if {@link io.niows.CloseCode#maySend} refuses {@code code} or the
     *     reason is longer than 123 UTF-8 bytes
     */
    public void close(int code, String reason) {
        ByteBuffer frame = closeFrame(code, reason);
        if (closeSent || state == ConnectionState.CLOSED) {
            return;
        }
        closeSent = true;
        state = ConnectionState.CLOSING;
        sink.write(frame);
    }

    /**
     * Fails the connection (RFC 6455 §7.1.7): sends a close frame with {@code code} unless one was
     * already sent, reports no further event, and makes {@link #transportShouldClose()} true at
     * once. For handler errors use {@link io.niows.CloseCode#INTERNAL_ERROR} with no details in the reason.
     * Does nothing once the connection is closed or already failed.
     *
     * @throws IllegalArgumentException as {@link #close}
     */
    public void fail(int code, String reason) {
        String checkedReason = reason == null ? "" : reason;
        closeFrame(code, checkedReason);
        if (state != ConnectionState.CLOSED) {
            failConnection(code, checkedReason);
        }
    }

    /**
     * Whether this side should close the TCP connection now. RFC 6455 §7.1.1: "the server MUST
     * close the underlying TCP connection immediately" once the closing handshake is complete
     * (whichever side started it), and so does any side that failed the connection; a client
     * after a clean handshake "SHOULD wait for the server to close the connection", so this
     * stays false for it and the caller applies a timeout.
     */
    public boolean transportShouldClose() {
        if (failed) {
            return true;
        }
        return config.role() == Role.SERVER && closeSent && closeReceived;
    }

    /**
     * The TCP connection is gone: the state becomes {@link ConnectionState#CLOSED}. If no close
     * frame was received and the connection had not failed, {@link #closeCode()} stays 1006
     * (abnormal closure, RFC 6455 §7.1.5).
     */
    public void transportClosed() {
        state = ConnectionState.CLOSED;
        decoder.stop();
    }

    /**
     * The bytes held for the unfinished incoming message and control frame; they grow only with
     * payload that has arrived (at most about twice what arrived).
     */
    public long heldBytes() {
        return decoder.heldBytes();
    }

    /**
     * The close code to report to the application: the peer's (1005 when its close frame had
     * none), else the code this side failed the connection with, else 1006 (what it will be if the
     * TCP connection ends now).
     */
    public int closeCode() {
        return closeCode;
    }

    /** The reason going with {@link #closeCode()}; empty when none. */
    public String closeReason() {
        return closeReason;
    }

    /** Whether the peer sent the first close frame. */
    public boolean closedByPeer() {
        return closedByPeer;
    }

    private void sendControl(int opcode, ByteBuffer payload) {
        if (payload.remaining() > MAX_CONTROL_PAYLOAD) {
            // RFC 6455 §5.5: "All control frames MUST have a payload length of 125 bytes or less".
            throw new IllegalArgumentException("control frame payload over 125 bytes: " + payload.remaining());
        }
        if (failed || state == ConnectionState.CLOSED) {
            throw new IllegalStateException("connection " + (failed ? "failed" : "closed"));
        }
        sink.write(encoder.encode(opcode, true, payload));
    }

    private void checkMaySendData() {
        if (closeSent || state == ConnectionState.CLOSED) {
            // RFC 6455 §5.5.1: "The application MUST NOT send any more data frames after sending
            // a Close frame."
            throw new IllegalStateException("a close frame was already sent");
        }
    }

    private void checkNoFragmentedSend() {
        if (sendingOpcode != NO_MESSAGE) {
            // RFC 6455 §5.4: fragments of one message "MUST NOT be interleaved" with another's.
            throw new IllegalStateException("a fragmented message is being sent");
        }
    }

    private ByteBuffer closeFrame(int code, String reason) {
        if (!CloseCodes.validInCloseFrame(code)) {
            throw new IllegalArgumentException("close code may not be sent: " + code);
        }
        return encoder.close(code, reason == null ? "" : reason);
    }

    private void failConnection(int code, String reason) {
        if (failed) {
            return;
        }
        failed = true;
        decoder.stop();
        if (!closeReceived) {
            closeCode = code;
            closeReason = reason;
        }
        if (state == ConnectionState.OPEN) {
            state = ConnectionState.CLOSING;
        }
        if (!closeSent) {
            closeSent = true;
            sink.write(encoder.close(code, reason));
        }
    }

    /** What the decoder reports, filtered by the closing state and answered where due. */
    private final class Events implements FrameEvents {

        @Override
        public void onText(String text) {
            if (!closeSent) {
                listener.onText(text);
            }
        }

        @Override
        public void onBinary(ByteBuffer data) {
            if (!closeSent) {
                listener.onBinary(data);
            }
        }

        @Override
        public void onPing(ByteBuffer payload) {
            if (config.autoPong()) {
                // RFC 6455 §5.5.2: "Upon receipt of a Ping frame, an endpoint MUST send a Pong
                // frame in response", with "identical Application data".
                sink.writePong(encoder.encode(OPCODE_PONG, true, payload));
            }
            listener.onPing(payload);
        }

        @Override
        public void onPong(ByteBuffer payload) {
            listener.onPong(payload);
        }

        @Override
        public void onCloseReceived(int code, String reason) {
            closeReceived = true;
            closeCode = code;
            closeReason = reason;
            if (!closeSent) {
                // RFC 6455 §5.5.1: "If an endpoint receives a Close frame and did not previously
                // send a Close frame, the endpoint MUST send a Close frame in response", typically
                // "echoing the status code it received".
                closedByPeer = true;
                closeSent = true;
                sink.write(encoder.close(code == CloseCodes.NO_STATUS_RECEIVED ? EMPTY_CLOSE : code, ""));
            }
            state = ConnectionState.CLOSED;
            listener.onCloseReceived(code, reason);
        }
    }
}
