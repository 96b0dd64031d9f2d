package io.niows.protocol;

import static io.niows.internal.frame.WireFormat.OPCODE_PONG;

import io.niows.internal.frame.CloseCodes;
import io.niows.internal.frame.FrameDecoder;
import io.niows.internal.frame.FrameEvents;
import io.niows.internal.frame.MessageDeflater;
import io.niows.internal.frame.MessageInflater;
import io.niows.internal.frame.ProtocolViolation;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;

/**
 * One WebSocket connection's whole protocol (RFC 6455), server or client, from the first byte of
 * the opening handshake to the close, without I/O: bytes in through {@link #receive}, events out
 * to an {@link EngineListener}; sends in through {@link #outbound()} (or the {@code send*}
 * shortcuts), {@link #close} and {@link #fail}, bytes out to a {@link FrameSink}.
 *
 * <p>Its states are those of RFC 6455 §4 and §7: {@link ConnectionState#CONNECTING} while the
 * opening handshake runs ({@link #server} reads the request, asks a {@link HandshakeResponder},
 * writes the 101 or the refusal; {@link #client} writes the request at {@link #start()} and checks
 * the answer); {@link ConnectionState#OPEN}; {@link ConnectionState#CLOSING} once a close frame
 * was sent or the connection failed; {@link ConnectionState#CLOSED} when the close handshake is
 * over, the handshake failed, or the transport is gone.
 *
 * <p>What it does by itself: answers a ping with a pong carrying the same payload (§5.5.2, unless
 * turned off in {@link EngineConfig#withAutoPong}); answers a close frame with a close frame
 * echoing its status code, or an empty one for an empty close (§5.5.1); ignores data frames once a
 * close frame was sent or received, while still handling control frames; and fails the connection
 * on any protocol violation (§7.1.7) by sending a close frame with 1002, 1007 or 1009, after which
 * it reports no further event. When to close the TCP connection is said by {@link
 * #transportShouldClose()}; timeouts are the caller's, since this class has no clock.
 *
 * <p><b>Thread-safety:</b> an engine is confined to the one thread that drives it ({@link
 * #receive}, {@link #close}, {@link #fail}, the transport calls); its listener, responder and sink
 * are called on that thread, synchronously. Its {@link #outbound()} front alone may be used from
 * any thread, with a {@link Outbound.Port} of the caller's that hands frames to the driving thread.
 */
public final class WebSocketEngine {

    private static final int EMPTY_CLOSE = -1;
    /** Writes what this engine's own send calls admit to the sink they carry as their context. */
    private static final Outbound.Port<FrameSink> TO_SINK = (frame, sink) -> {
        sink.write(frame);
        return SendResult.QUEUED;
    };

    private final EngineConfig config;
    private final EngineListener listener;
    /** The caller's sink, or {@link #traced} in front of it. */
    private final FrameSink sink;
    /** The traces of what this engine receives and sends when a frame trace is set; else null. */
    private final TracedSink traced;
    private final Outbound outbound;
    /**
     * Made for the first frame byte (at once when permessage-deflate was agreed), so that a
     * connection that has sent nothing since its handshake holds none; let go again by {@link
     * #releaseIdleDecoder()}.
     */
    private FrameDecoder decoder;
    /** The server's or the client's side of the opening handshake while CONNECTING, else null. */
    private ServerOpening serverOpening;
    private ClientOpening clientOpening;
    /** Whether a client's engine has written its request. */
    private boolean started;
    private HandshakeRequest request;
    private String subprotocol;
    private String extensions;

    private ConnectionState state;
    private boolean closeSent;
    /** The code of the close frame this side sent: 1005 for one with no code, 0 before any. */
    private int sentCloseCode;
    private boolean closeReceived;
    private boolean failed;
    private boolean closedByPeer;
    /** Whether {@link #pauseInput()} holds the input; applied to a decoder made later too. */
    private boolean inputPaused;
    private int closeCode = CloseCodes.ABNORMAL_CLOSURE;
    private String closeReason = "";

    /**
     * An engine in state {@link ConnectionState#OPEN}: the opening handshake was done elsewhere
     * (by a test, a conformance tool, or a transport with its own handshake).
     *
     * @param config the role and limits; a {@code null} is refused
     * @param listener told the events, on the thread that drives the engine
     * @param sink given every byte this engine writes
     */
    public WebSocketEngine(EngineConfig config, EngineListener listener, FrameSink sink) {
        this(config, listener, sink, ConnectionState.OPEN);
        this.decoder = newDecoder();
    }

    private WebSocketEngine(EngineConfig config, EngineListener listener, FrameSink sink, ConnectionState state) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(sink, "sink");
        FrameTrace hook = config.trace();
        boolean head = state == ConnectionState.CONNECTING;
        this.traced = hook == null ? null : new TracedSink(sink, new WireTrace(hook, TracedFrame.Direction.IN, head),
                new WireTrace(hook, TracedFrame.Direction.OUT, head));
        this.sink = hook == null ? sink : traced;
        this.outbound = new Outbound(config.encoder(), config.role() == Role.CLIENT, state == ConnectionState.OPEN,
                traced == null ? null : traced.sent);
        this.state = state;
    }

    /**
     * A server's engine, {@link ConnectionState#CONNECTING}: it reads the client's request head
     * (bounded by {@link EngineConfig#maxHandshakeSize()}, in any split), answers malformed ones
     * itself (400, 405, 414, 426, 431, 505 with a one-line reason), asks {@code responder} about
     * the rest, and writes the answer; on a 101 it is OPEN and reads frames.
     *
     * @param config a server's configuration ({@link EngineConfig#server()})
     * @param responder asked for the answer to a complete, valid request head
     * @param listener told the events, on the thread that drives the engine
     * @param sink given every byte this engine writes
     * @return the engine, waiting for the request's first byte
     * @throws IllegalArgumentException if {@code config} is not a server's
     */
    public static WebSocketEngine server(EngineConfig config, HandshakeResponder responder, EngineListener listener,
            FrameSink sink) {
        if (config.role() != Role.SERVER) {
            throw new IllegalArgumentException("not a server's configuration: " + config);
        }
        WebSocketEngine engine = new WebSocketEngine(config, listener, sink, ConnectionState.CONNECTING);
        engine.serverOpening = new ServerOpening(config.handshakeLimits(), Objects.requireNonNull(responder, "responder"),
                config.deflate());
        return engine;
    }

    /**
     * A client's engine, {@link ConnectionState#CONNECTING}: {@link #start()} writes {@code
     * request}, then it reads and checks the server's answer (RFC 6455 §4.1); on a valid 101 it is
     * OPEN and reads frames.
     *
     * @param config a client's configuration ({@link EngineConfig#client()})
     * @param request made by {@link HandshakeRequest#client}
     * @param listener told the events, on the thread that drives the engine
     * @param sink given every byte this engine writes, the request first
     * @return the engine, to be {@link #start() started} once the transport is connected
     * @throws IllegalArgumentException if {@code config} is not a client's or the request is not
     *     one to send
     */
    public static WebSocketEngine client(EngineConfig config, HandshakeRequest request, EngineListener listener,
            FrameSink sink) {
        if (config.role() != Role.CLIENT || request.sent() == null) {
            throw new IllegalArgumentException("a client engine needs a client's configuration and request");
        }
        WebSocketEngine engine = new WebSocketEngine(config, listener, sink, ConnectionState.CONNECTING);
        engine.request = request;
        engine.clientOpening = new ClientOpening(config.handshakeLimits(), request.sent(), request.deflateOffer());
        return engine;
    }

    /**
     * Writes a client's opening request to the sink; call it once the transport is connected.
     *
     * @throws IllegalStateException if this is not a client's engine that has not started yet
     */
    public void start() {
        if (clientOpening == null || state != ConnectionState.CONNECTING || started) {
            throw new IllegalStateException("only a connecting client's engine starts, once");
        }
        started = true;
        sink.write(request.bytes());
    }

    /** {@return the state of the connection (RFC 6455 §4.1, §7)} */
    public ConnectionState state() {
        return state;
    }

    /**
     * {@return the opening request: the one received (server) or sent (client), in its compact
     * form} {@code null} on a server before the request head is complete, and on an engine made
     * open.
     */
    public HandshakeRequest request() {
        return request;
    }

    /**
     * Lets go of the opening request: {@link #request()} answers {@code null} from now on. A
     * transport that keeps what its application needs of the request elsewhere calls it once the
     * connection is open, so that an open connection does not hold the head's bytes for its whole
     * life.
     */
    public void dropRequest() {
        request = null;
    }

    /**
     * {@return the extensions agreed in the opening handshake, as the server's {@code
     * Sec-WebSocket-Extensions} header states them (such as {@code permessage-deflate;
     * server_no_context_takeover}), or {@code null} for none}
     */
    public String extensions() {
        return extensions;
    }

    /** {@return the subprotocol agreed in the opening handshake, or {@code null} for none} */
    public String subprotocol() {
        return subprotocol;
    }

    /** {@return the front through which everything this connection sends passes; thread-safe} */
    public Outbound outbound() {
        return outbound;
    }

    /**
     * Consumes bytes: handshake bytes while CONNECTING, then frames; reports events to the
     * listener, writes answers (the handshake's, pongs, the close echo, a failing close) to the
     * sink.
     *
     * <p>On return, {@code in.remaining()} is at most 13: an incomplete frame header, left
     * unconsumed; the caller keeps those bytes and passes them again followed by new bytes (a
     * handshake head is always consumed whole). While input is {@link #pauseInput() paused}, more
     * may be left: the caller keeps it and passes it again once {@link #resumeInput() resumed}.
     * A whole message is unmasked while it is copied out of {@code in}; the masked payload of a
     * message handed on in chunks (streamed or compressed) is unmasked in place, so the bytes of a
     * writable {@code in} may change. After the connection failed or a close frame was received,
     * all input is consumed and ignored.
     *
     * <p>Never throws for bad input: a handshake that fails is answered (server) and reported to
     * {@link EngineListener#onHandshakeFailed}; a protocol violation writes the close frame with
     * the right code to the sink, moves to {@link ConnectionState#CLOSING}, makes {@link
     * #transportShouldClose()} true and is reported to {@link EngineListener#onProtocolViolation}.
     * If the listener, the responder or the sink throws, the connection is failed (1011 with no
     * details; 500 during a server's handshake) and the exception is rethrown for the caller to
     * log.
     *
     * @param in the bytes that arrived, from position to limit, after any kept from the last call
     */
    public void receive(ByteBuffer in) {
        if (traced == null) {
            handle(in);
            return;
        }
        WireTrace received = traced.received;
        // The trace reads the bytes before they are handled (masked payload may be unmasked in place),
        // so that a frame is traced before the answer it causes; the bytes left are passed again.
        // While the opening handshake runs it reads the head first and a copy of the rest after:
        // frames that came with the head are read knowing what it agreed (permessage-deflate).
        ByteBuffer fresh = in.duplicate();
        fresh.position(Math.min(in.limit(), in.position() + traced.skip));
        boolean opening = state == ConnectionState.CONNECTING;
        if (opening) {
            ByteBuffer copy = ByteBuffer.allocate(fresh.remaining()).put(fresh).flip();
            fresh = copy.position(received.feedHead(copy));
        } else {
            received.feed(fresh);
        }
        try {
            handle(in);
        } finally {
            traced.skip = in.remaining();
            if (opening) {
                received.feed(fresh);
            }
        }
    }

    private void handle(ByteBuffer in) {
        if (state == ConnectionState.CONNECTING && !readOpening(in)) {
            return;
        }
        if (failed || closeReceived || state == ConnectionState.CLOSED) {
            in.position(in.limit());
            return;
        }
        if (decoder == null) {
            if (!in.hasRemaining()) {
                return;
            }
            decoder = newDecoder();
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
     * Stops reading frames after the step in progress (a frame header or a payload chunk): {@link
     * #receive} then leaves the rest of its input unconsumed and reports nothing more until {@link
     * #resumeInput()}. Called from a listener's event, no further event follows in that {@code
     * receive}. For inbound flow control: the caller stops reading its transport too, so the peer
     * is held back by it (TCP's window) and what is held here stays at what was already read.
     */
    public void pauseInput() {
        inputPaused = true;
        if (decoder != null) {
            decoder.pause();
        }
    }

    /** Reads frames again after {@link #pauseInput()}: pass the input left since then to {@link #receive}. */
    public void resumeInput() {
        inputPaused = false;
        if (decoder != null) {
            decoder.resume();
        }
    }

    /**
     * Sends a text message in one frame through {@link #outbound()}; the sink gets it at once.
     *
     * @param text the message
     * @return {@link SendResult#QUEUED} once the sink has the frame, or why it was refused (as
     *     {@link Outbound#text})
     */
    public SendResult sendText(CharSequence text) {
        return outbound.text(text, callerSink(), TO_SINK);
    }

    /**
     * Sends a binary message in one frame, as {@link #sendText}; the payload's position does not move.
     *
     * @param data the message, from position to limit
     * @return {@link SendResult#QUEUED} once the sink has the frame, or why it was refused (as
     *     {@link Outbound#text})
     */
    public SendResult sendBinary(ByteBuffer data) {
        return outbound.binary(data, callerSink(), TO_SINK);
    }

    /**
     * Sends one fragment of a message (RFC 6455 §5.4), as {@link Outbound#fragment}.
     *
     * @param text whether the message is text or binary; the same for every fragment of it
     * @param part the fragment's bytes, from position to limit
     * @param last whether this fragment ends the message
     * @return {@link SendResult#QUEUED} once the sink has the frame, or why it was refused (as
     *     {@link Outbound#text})
     * @throws IllegalArgumentException if {@code text} changes within a message
     */
    public SendResult sendFragment(boolean text, ByteBuffer part, boolean last) {
        return outbound.fragment(text, part, last, this, callerSink(), TO_SINK);
    }

    /**
     * Sends a ping (RFC 6455 §5.5.2); allowed while closing.
     *
     * @param payload the ping's application data, from position to limit
     * @return {@link SendResult#QUEUED} once the sink has the frame, or why it was refused (as
     *     {@link Outbound#text})
     * @throws IllegalArgumentException if the payload is over 125 bytes
     */
    public SendResult sendPing(ByteBuffer payload) {
        return outbound.ping(payload, callerSink(), TO_SINK);
    }

    /**
     * Sends a pong (RFC 6455 §5.5.3), solicited or not; allowed while closing.
     *
     * @param payload the pong's application data, from position to limit
     * @return {@link SendResult#QUEUED} once the sink has the frame, or why it was refused (as
     *     {@link Outbound#text})
     * @throws IllegalArgumentException if the payload is over 125 bytes
     */
    public SendResult sendPong(ByteBuffer payload) {
        return outbound.pong(payload, callerSink(), TO_SINK);
    }

    /**
     * Starts the closing handshake (RFC 6455 §7.1.2) by sending a close frame; does nothing if a
     * close frame was already sent or the connection is not open. Data frames may not be sent
     * afterwards; received ones are ignored.
     *
     * @param code the close code, one {@link io.niows.CloseCode#maySend} allows
     * @param reason the close reason, at most 123 bytes of UTF-8; {@code null} for none
     * @throws IllegalArgumentException as {@link Outbound#checkClose}
     */
    public void close(int code, String reason) {
        ByteBuffer frame = outbound.closeFrame(code, reason == null ? "" : reason);
        if (closeSent || state == ConnectionState.CLOSED || state == ConnectionState.CONNECTING) {
            return;
        }
        closeSent = true;
        sentCloseCode = code;
        state = ConnectionState.CLOSING;
        outbound.closing();
        sink.write(frame);
    }

    /**
     * Fails the connection (RFC 6455 §7.1.7): sends a close frame with {@code code} unless one was
     * already sent, reports no further event, and makes {@link #transportShouldClose()} true at
     * once. For handler errors use {@link io.niows.CloseCode#INTERNAL_ERROR} with no details in the reason.
     * Does nothing once the connection is closed or already failed; while CONNECTING it only ends
     * the handshake (nothing is sent).
     *
     * @param code the close code, one {@link io.niows.CloseCode#maySend} allows
     * @param reason the close reason, at most 123 bytes of UTF-8; {@code null} for none
     * @throws IllegalArgumentException as {@link #close}
     */
    public void fail(int code, String reason) {
        String checkedReason = reason == null ? "" : reason;
        outbound.closeFrame(code, checkedReason);
        if (state == ConnectionState.CONNECTING) {
            failed = true;
            endOpening();
            state = ConnectionState.CLOSED;
            outbound.closed();
        } else if (state != ConnectionState.CLOSED) {
            failConnection(code, checkedReason);
        }
    }

    /**
     * {@return whether this side should close the TCP connection now} RFC 6455 §7.1.1: "the server MUST
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
        endOpening();
        outbound.closed();
        if (decoder != null) {
            decoder.stop();
        }
        if (traced != null) {
            traced.received.end();
            traced.sent.end();
        }
    }

    /**
     * Lets go of the frame decoder if it holds nothing of the peer's stream (between frames and
     * messages, input not paused, no permessage-deflate agreed), so that a connection that has
     * been quiet for a while keeps none; the next byte received makes a new one. {@link
     * #framesReceived()} counts from zero again.
     *
     * @return whether the decoder was let go
     */
    public boolean releaseIdleDecoder() {
        if (decoder == null || !decoder.atRest()) {
            return false;
        }
        decoder = null;
        return true;
    }

    /**
     * {@return the bytes held for the unfinished incoming message and control frame} They grow only
     * with payload that has arrived (at most about eight times what arrived).
     */
    public long heldBytes() {
        return decoder == null ? 0 : decoder.heldBytes();
    }

    /**
     * {@return the close code to report to the application} That is the peer's (1005 when its close
     * frame had none), else the code this side failed the connection with, else 1006 (what it will
     * be if the TCP connection ends now).
     */
    public int closeCode() {
        return closeCode;
    }

    /** {@return the reason going with {@link #closeCode()}; empty when none} */
    public String closeReason() {
        return closeReason;
    }

    /**
     * {@return the code of the close frame this side sent} 1005 for a close frame with no code (the
     * echo of one), 0 while none was sent.
     */
    public int sentCloseCode() {
        return sentCloseCode;
    }

    /**
     * {@return the frames received since the connection opened, control frames included, or since
     * {@link #releaseIdleDecoder()} last let the decoder go} For counting: read it on the thread
     * that calls {@link #receive}.
     */
    public long framesReceived() {
        return decoder == null ? 0 : decoder.framesDecoded();
    }

    /** {@return whether the peer sent the first close frame} */
    public boolean closedByPeer() {
        return closedByPeer;
    }

    /**
     * Reads opening-handshake bytes; returns whether the connection is open now and the rest of
     * {@code in} holds frames.
     */
    private boolean readOpening(ByteBuffer in) {
        if (serverOpening != null) {
            return readRequest(in);
        }
        String agreed;
        try {
            agreed = clientOpening.read(in);
        } catch (WebSocketHandshakeException e) {
            in.position(in.limit());
            handshakeFailed(e);
            return false;
        }
        return agreed != null && opened(agreed.isEmpty() ? null : agreed, clientOpening.deflate());
    }

    private boolean readRequest(ByteBuffer in) {
        HandshakeAnswer answer;
        try {
            answer = serverOpening.read(in);
        } catch (RuntimeException responderError) {
            sink.write(HandshakeAnswer.refuse(500, "the server failed to answer this request").encodeResponse(true));
            handshakeFailed(new WebSocketHandshakeException(500, "the handshake responder failed", Map.of(),
                    new byte[0]));
            throw responderError;
        }
        if (answer == null) {
            return false;
        }
        request = serverOpening.request();
        sink.write(serverOpening.encode(answer));
        if (!answer.accepted()) {
            in.position(in.limit());
            handshakeFailed(new WebSocketHandshakeException(answer.status(),
                    answer.reason() != null ? answer.reason() : "answered " + answer.status(), Map.of(), new byte[0]));
            return false;
        }
        return opened(answer.subprotocol(), serverOpening.deflate());
    }

    /**
     * Refuses a server's connection before its request is read, such as past a connection limit:
     * writes {@code answer} (an error status) at once and ignores what the client sends.
     *
     * @param answer the refusal to write
     * @throws IllegalStateException if this is not a server's engine still reading its request
     * @throws IllegalArgumentException if {@code answer} accepts
     */
    public void refuse(HandshakeAnswer answer) {
        if (serverOpening == null || state != ConnectionState.CONNECTING) {
            throw new IllegalStateException("only a server's engine reading its request refuses");
        }
        if (answer.accepted()) {
            throw new IllegalArgumentException("a refusal is not a 101");
        }
        sink.write(answer.encodeResponse(true));
        handshakeFailed(new WebSocketHandshakeException(answer.status(), answer.reason(), Map.of(), new byte[0]));
    }

    private boolean opened(String agreedSubprotocol, DeflateAgreement agreedDeflate) {
        endOpening();
        subprotocol = agreedSubprotocol;
        state = ConnectionState.OPEN;
        if (agreedDeflate == null) {
            outbound.opened();
        } else {
            useDeflate(agreedDeflate);
        }
        try {
            listener.onOpen();
        } catch (RuntimeException listenerError) {
            failConnection(CloseCodes.INTERNAL_ERROR, "");
            throw listenerError;
        }
        return true;
    }

    private void handshakeFailed(WebSocketHandshakeException failure) {
        endOpening();
        failed = true;
        state = ConnectionState.CLOSED;
        outbound.closed();
        listener.onHandshakeFailed(failure);
    }

    private void endOpening() {
        serverOpening = null;
        clientOpening = null;
    }

    private FrameDecoder newDecoder() {
        return held(new FrameDecoder(config.role() == Role.SERVER, config.maxFrameSize(), config.maxMessageSize(),
                new Events()));
    }

    /**
     * Applies the configured message buffers, and what was asked before the decoder existed: paused
     * input, streamed messages.
     */
    private FrameDecoder held(FrameDecoder fresh) {
        fresh.takeMessageBuffersFrom(config.messageBuffers());
        if (inputPaused) {
            fresh.pause();
        }
        if (listener.streamsMessages()) {
            fresh.streamMessages(listener.maxStreamedMessageSize());
        }
        return fresh;
    }

    /**
     * Compresses and inflates as agreed (RFC 7692): what this side sends with a compressor of its
     * window, independent or keeping context as agreed; what the peer sends through an inflater
     * that keeps the peer's context only if the peer may use it.
     */
    private void useDeflate(DeflateAgreement agreed) {
        extensions = agreed.header();
        if (traced != null) {
            traced.received.inflateCompressed();
            traced.sent.inflateCompressed();
        }
        Role own = config.role();
        Role peer = own == Role.SERVER ? Role.CLIENT : Role.SERVER;
        PerMessageDeflate settings = own == Role.SERVER ? config.deflate() : request.deflateOffer();
        MessageInflater inflater = new MessageInflater(settings.inflaters(), !agreed.compressesIndependently(peer));
        decoder = held(new FrameDecoder(own == Role.SERVER, config.maxFrameSize(), config.maxMessageSize(),
                new Events(), inflater));
        int window = agreed.windowBits(own);
        MessageDeflater shared = settings.independentDeflater(window);
        // Context takeover is a permission, never a duty: settings that ask for none use none.
        boolean ownNoContext = own == Role.SERVER ? settings.serverNoContextTakeover()
                : settings.clientNoContextTakeover();
        MessageDeflater deflater = agreed.compressesIndependently(own) || ownNoContext ? shared
                : MessageDeflater.withContext(settings.level(), window);
        outbound.opened(deflater, shared, settings.minSize());
    }

    private void failConnection(int code, String reason) {
        if (failed) {
            return;
        }
        failed = true;
        if (decoder != null) {
            decoder.stop();
        }
        outbound.closing();
        if (!closeReceived) {
            closeCode = code;
            closeReason = reason;
        }
        if (state == ConnectionState.OPEN) {
            state = ConnectionState.CLOSING;
        }
        if (!closeSent) {
            closeSent = true;
            sentCloseCode = code;
            sink.write(config.encoder().close(code, reason));
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
        public void onTextChunk(CharSequence chunk, boolean last) {
            if (!closeSent) {
                listener.onTextChunk(chunk, last);
            }
        }

        @Override
        public void onBinaryChunk(ByteBuffer chunk, boolean last) {
            if (!closeSent) {
                listener.onBinaryChunk(chunk, last);
            }
        }

        @Override
        public void onPing(ByteBuffer payload) {
            if (config.autoPong()) {
                // RFC 6455 §5.5.2: "Upon receipt of a Ping frame, an endpoint MUST send a Pong
                // frame in response", with "identical Application data".
                sink.writePong(config.encoder().encode(OPCODE_PONG, true, payload));
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
                sentCloseCode = code;
                outbound.closing();
                sink.write(config.encoder().close(code == CloseCodes.NO_STATUS_RECEIVED ? EMPTY_CLOSE : code, ""));
            }
            state = ConnectionState.CLOSED;
            listener.onCloseReceived(code, reason);
        }
    }

    /** The caller's sink, for frames the outbound front traces itself. */
    private FrameSink callerSink() {
        return traced == null ? sink : traced.sink;
    }

    /**
     * A sink that shows the trace each frame (and handshake head) before passing it on, with the
     * trace of what is received: one object, made only when a trace is set, so that an engine
     * without one holds a single null for all of it.
     */
    private static final class TracedSink implements FrameSink {

        private final FrameSink sink;
        private final WireTrace received;
        private final WireTrace sent;
        /** Bytes at the start of the next {@link WebSocketEngine#receive} that {@link #received} has read already. */
        private int skip;

        TracedSink(FrameSink sink, WireTrace received, WireTrace sent) {
            this.sink = sink;
            this.received = received;
            this.sent = sent;
        }

        @Override
        public void write(ByteBuffer frame) {
            sent.feed(frame);
            sink.write(frame);
        }

        @Override
        public void writePong(ByteBuffer frame) {
            sent.feed(frame);
            sink.writePong(frame);
        }
    }
}
