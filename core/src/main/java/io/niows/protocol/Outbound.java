package io.niows.protocol;

import static io.niows.internal.frame.WireFormat.B0_FLAG_RSV1;
import static io.niows.internal.frame.WireFormat.MAX_CLOSE_REASON;
import static io.niows.internal.frame.WireFormat.MAX_CONTROL_PAYLOAD;
import static io.niows.internal.frame.WireFormat.OPCODE_BINARY;
import static io.niows.internal.frame.WireFormat.OPCODE_CONTINUATION;
import static io.niows.internal.frame.WireFormat.OPCODE_PING;
import static io.niows.internal.frame.WireFormat.OPCODE_PONG;
import static io.niows.internal.frame.WireFormat.OPCODE_TEXT;

import io.niows.internal.frame.CloseCodes;
import io.niows.internal.frame.FrameEncoder;
import io.niows.internal.frame.MessageDeflater;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The one front every send of a connection passes: text, binary, fragments, already encoded
 * frames, pings, pongs and the close. It checks, once for all callers, what RFC 6455 allows this
 * side to send now (no frame before the opening handshake is done, §4.1: the client "MUST wait for
 * a response from the server before sending any further data"; no data frame once a close was
 * asked for or sent, §5.5.1; fragments of one message never interleaved with another message,
 * §5.4; control payloads of at most 125 bytes, §5.5; only sendable close codes with reasons of at
 * most 123 bytes, §7.4), encodes the frame for the connection's role (masked for a client, §5.3),
 * and hands it to a {@link Port}. Once permessage-deflate is agreed it also compresses whole
 * messages (RFC 7692 §7.2.1), except short ones and those compression would not shorten;
 * fragments go uncompressed.
 *
 * <p>Thread-safe: any thread may send. The checks and the hand-off of one send happen under this
 * front's lock, so frames reach the port in the order their sends were admitted, and the frames of
 * a fragmented message reach it with nothing between them but control frames. The port is called
 * with that lock held and must not block.
 */
public final class Outbound {

    /**
     * Where admitted frames go: a write queue, a socket, a test's list.
     *
     * @param <C> what a caller passes along with a frame, such as a completion callback
     */
    @FunctionalInterface
    public interface Port<C> {

        /**
         * Takes one encoded frame, in admission order; called with the front's lock held.
         *
         * @param frame the frame's bytes, from position to limit; owned by the port from now on
         * @param context what the sender passed with it, possibly {@code null}
         * @return {@link SendResult#QUEUED}, {@link SendResult#QUEUED_ABOVE_HIGH_WATER}, or
         *     {@link SendResult#REFUSED_CLOSED} if the port cannot take it
         */
        SendResult submit(ByteBuffer frame, C context);

        /**
         * Takes one frame in two buffers, its header and then its payload, in admission order;
         * called with the front's lock held. By default they are joined into one buffer for
         * {@link #submit(ByteBuffer, Object)}; a port that writes buffers in sequence takes both
         * as they are, and spares the payload that copy.
         *
         * @param header the frame's header, from position to limit; owned by the port from now on
         * @param payload the frame's payload, from position to limit; owned by the port from now on
         * @param context what the sender passed with it, possibly {@code null}
         * @return as {@link #submit(ByteBuffer, Object)}
         */
        default SendResult submit(ByteBuffer header, ByteBuffer payload, C context) {
            ByteBuffer frame = ByteBuffer.allocate(header.remaining() + payload.remaining());
            return submit(frame.put(header).put(payload).flip(), context);
        }

        /**
         * Takes one whole message of a server's, to be sent in one final unmasked frame (RFC 6455
         * §5.1, §5.2), in admission order; called with the front's lock held. The port frames it
         * and copies the payload before it returns: the sender keeps its buffer. A port that writes
         * from a buffer of its own may frame the message there and spare it a frame buffer of its
         * own; by default the frame is encoded into a new buffer for {@link #submit(ByteBuffer,
         * Object)}.
         *
         * @param opcode the message's opcode: text or binary
         * @param payload the message, from position to limit; its position does not move
         * @param context what the sender passed with it, possibly {@code null}
         * @return as {@link #submit(ByteBuffer, Object)}
         */
        default SendResult submitWhole(int opcode, ByteBuffer payload, C context) {
            return submit(FrameEncoding.frame(opcode, true, payload, Role.SERVER), context);
        }
    }

    private static final int CONNECTING = 0;
    private static final int OPEN = 1;
    private static final int CLOSING = 2;
    private static final int CLOSED = 3;
    private static final int NO_MESSAGE = -1;
    /**
     * Shorter messages handed over are copied into one frame all the same: two buffers cost the
     * write queue more than copying so few bytes.
     */
    private static final int MIN_HANDED_OVER = 1024;

    private final FrameEncoder encoder;
    private final boolean masks;
    /** Told each frame a port accepted, when a frame trace is set; else null. */
    private final WireTrace trace;
    /**
     * How messages are compressed once permessage-deflate was agreed, else null; set before the
     * phase becomes OPEN, so a sender that read OPEN sees it. An independent one is used from any
     * thread, one with context only under this front's lock.
     */
    private MessageDeflater deflater;
    /** The independent compressor for this connection's window, whose frames any member may share. */
    private MessageDeflater sharedDeflater;
    /** Messages shorter than this go uncompressed. */
    private int minCompressedSize;
    /** CONNECTING: nothing may be sent yet; OPEN: anything; CLOSING: control frames only; CLOSED: nothing. */
    private volatile int phase;
    /** Who sends the unfinished fragmented message, or null; guarded by this. */
    private Object fragmentOwner;
    /** The opcode of that message, or NO_MESSAGE; guarded by this. */
    private int fragmentOpcode = NO_MESSAGE;

    /**
     * @param open whether the opening handshake is done; if not, nothing is sent until {@link #opened()}
     * @param trace told each frame a port accepted, or {@code null}
     */
    Outbound(FrameEncoder encoder, boolean masks, boolean open, WireTrace trace) {
        this.encoder = encoder;
        this.trace = trace;
        this.masks = masks;
        this.phase = open ? OPEN : CONNECTING;
    }

    /**
     * {@return whether data may be sent: the opening handshake is done and no close was asked for,
     * sent or received}
     */
    public boolean isOpen() {
        return phase == OPEN;
    }

    /** {@return whether frames sent through this front are masked (a client's are, RFC 6455 §5.3)} */
    public boolean masksFrames() {
        return masks;
    }

    /**
     * Sends a text message in one frame.
     *
     * @param text the message
     * @param context what the sender passes along to the port with the frame, possibly {@code null}
     * @param port where the frame goes once admitted
     * @param <C> the type of that context
     * @return the port's result; {@link SendResult#REFUSED_CLOSED} before the opening handshake is
     *     done and once a close was asked for, {@link SendResult#REFUSED_BUSY} while a fragmented
     *     message is unfinished
     */
    public <C> SendResult text(CharSequence text, C context, Port<C> port) {
        if (phase != OPEN) {
            return SendResult.REFUSED_CLOSED;
        }
        ByteBuffer utf8 = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)); // '?' for a lone surrogate
        return deflater == null ? uncompressed(OPCODE_TEXT, utf8, context, port)
                : compressible(OPCODE_TEXT, utf8, context, port);
    }

    /**
     * Sends a binary message in one frame; {@code data}'s position does not move.
     *
     * @param data the message, from position to limit
     * @param context what the sender passes along to the port with the frame, possibly {@code null}
     * @param port where the frame goes once admitted
     * @param <C> the type of that context
     * @return as {@link #text}
     */
    public <C> SendResult binary(ByteBuffer data, C context, Port<C> port) {
        if (phase != OPEN || deflater == null) {
            return uncompressed(OPCODE_BINARY, data, context, port);
        }
        return compressible(OPCODE_BINARY, data, context, port);
    }

    /**
     * Sends a binary message in one frame without copying {@code data}: the frame's header goes
     * in a buffer of its own and {@code data} itself follows it to the port. The caller hands the
     * buffer over, whatever the result: it must not touch its bytes again (a client's front masks
     * them in place, RFC 6455 §5.3) until the port is done with them, which a completion callback
     * passed as the context can tell. Messages shorter than {@value #MIN_HANDED_OVER} bytes, a
     * read-only buffer, a message to be compressed and every message while a frame trace is set
     * (it reads the frame after the port may have finished with it) are sent as {@link #binary}
     * sends them.
     *
     * @param data the message, from position to limit
     * @param context what the sender passes along to the port with the frame, possibly {@code null}
     * @param port where the frame goes once admitted
     * @param <C> the type of that context
     * @return as {@link #text}
     */
    public <C> SendResult handOverBinary(ByteBuffer data, C context, Port<C> port) {
        if (phase != OPEN || data.remaining() < MIN_HANDED_OVER || data.isReadOnly() || trace != null
                || deflater != null && data.remaining() >= minCompressedSize) {
            return binary(data, context, port);
        }
        return whole(encoder.header(OPCODE_BINARY, true, data), data, context, port);
    }

    /**
     * Sends a message of a broadcast in the frame {@code message} holds for this connection's
     * compression: the plain frame, or the one compressed once for every connection with the
     * same window.
     *
     * @param <C> what the caller passes along with the frame
     * @param message the message
     * @param context passed to the port with the frame
     * @param port where the frame goes
     * @return as {@link #text}
     * @throws IllegalArgumentException for a client's front, whose frames are masked each on its own
     */
    public <C> SendResult shared(SharedMessage message, C context, Port<C> port) {
        return encoded(message.frameFor(this), context, port);
    }

    /**
     * Sends a whole message already encoded for this role, such as a broadcast frame shared by
     * many connections: only the state and the fragment rule are checked.
     *
     * @param frame the frame's bytes, from position to limit, handed to the port as they are
     * @param context what the sender passes along to the port with the frame, possibly {@code null}
     * @param port where the frame goes once admitted
     * @param <C> the type of that context
     * @return as {@link #text}
     */
    public <C> SendResult encoded(ByteBuffer frame, C context, Port<C> port) {
        boolean compressed = (frame.get(frame.position()) & B0_FLAG_RSV1) != 0;
        if (!compressed || deflater == null || deflater.isIndependent()) {
            return whole(frame, context, port);
        }
        synchronized (this) {
            SendResult result = whole(frame, context, port);
            if (result.accepted()) {
                // The peer's window now holds bytes this connection's compressor did not produce.
                deflater.resetContext();
            }
            return result;
        }
    }

    /**
     * Sends one fragment of a message (RFC 6455 §5.4): the first starts a text or binary message
     * and makes {@code sender} its owner, the next ones (from the owner) continue it, the one with
     * {@code last} ends it. Meanwhile every other data send is refused as busy.
     *
     * @param text whether the message is text (its fragments carry UTF-8) or binary; the same for
     *     every fragment of a message
     * @param part the fragment's bytes, from position to limit; the position does not move
     * @param last whether this fragment ends the message
     * @param sender who sends, compared by identity: the niows reactor passes the calling thread,
     *     so one thread's fragments are never interleaved with another's
     * @param context what the sender passes along to the port with the frame, possibly {@code null}
     * @param port where the frame goes once admitted
     * @param <C> the type of that context
     * @return as {@link #text}; {@link SendResult#REFUSED_BUSY} when another sender owns an
     *     unfinished message
     * @throws IllegalArgumentException if {@code text} changes within the message
     */
    public <C> SendResult fragment(boolean text, ByteBuffer part, boolean last, Object sender, C context,
            Port<C> port) {
        int type = text ? OPCODE_TEXT : OPCODE_BINARY;
        synchronized (this) {
            if (phase != OPEN) {
                return SendResult.REFUSED_CLOSED;
            }
            if (fragmentOwner != null && fragmentOwner != sender) {
                return SendResult.REFUSED_BUSY;
            }
            if (fragmentOpcode != NO_MESSAGE && fragmentOpcode != type) {
                throw new IllegalArgumentException("the fragmented message being sent is not " + (text ? "text" : "binary"));
            }
            int opcode = fragmentOpcode == NO_MESSAGE ? type : OPCODE_CONTINUATION;
            SendResult result = submit(port, encoder.encode(opcode, last, part), context);
            if (result.accepted()) {
                fragmentOwner = last ? null : sender;
                fragmentOpcode = last ? NO_MESSAGE : type;
            }
            return result;
        }
    }

    /**
     * Sends a ping (RFC 6455 §5.5.2); allowed while closing, refused before the opening handshake
     * is done and once closed.
     *
     * @param payload the ping's application data, from position to limit
     * @param context what the sender passes along to the port with the frame, possibly {@code null}
     * @param port where the frame goes once admitted
     * @param <C> the type of that context
     * @return the port's result, or {@link SendResult#REFUSED_CLOSED} when no control frame may go
     * @throws IllegalArgumentException if the payload is over 125 bytes
     */
    public <C> SendResult ping(ByteBuffer payload, C context, Port<C> port) {
        return control(OPCODE_PING, payload, context, port);
    }

    /**
     * Sends a pong (RFC 6455 §5.5.3), solicited or not; allowed while closing, refused before the
     * opening handshake is done and once closed.
     *
     * @param payload the pong's application data, from position to limit
     * @param context what the sender passes along to the port with the frame, possibly {@code null}
     * @param port where the frame goes once admitted
     * @param <C> the type of that context
     * @return as {@link #ping}
     * @throws IllegalArgumentException if the payload is over 125 bytes
     */
    public <C> SendResult pong(ByteBuffer payload, C context, Port<C> port) {
        return control(OPCODE_PONG, payload, context, port);
    }

    /**
     * Asks for the close, from any thread: checks the code and reason, and from now on refuses
     * data. The close frame itself is written by the engine, on its thread ({@link
     * WebSocketEngine#close}), behind the frames already admitted.
     *
     * @param code the close code, one {@link io.niows.CloseCode#maySend} allows
     * @param reason the close reason, at most 123 bytes of UTF-8
     * @return {@code true} for the first request, {@code false} if the connection is not open:
     *     the opening handshake is not done, or a close was already asked for, sent or received
     * @throws IllegalArgumentException as {@link #checkClose}
     */
    public boolean requestClose(int code, String reason) {
        checkClose(code, reason);
        synchronized (this) {
            if (phase != OPEN) {
                return false;
            }
            phase = CLOSING;
            return true;
        }
    }

    /**
     * Checks a close frame's content: RFC 6455 §7.4.1, codes 1005, 1006 and 1015 "MUST NOT be set
     * as a status code in a Close control frame by an endpoint", nor may codes outside the
     * defined ranges; §5.5, the reason fits in a control frame after the 2-byte code.
     *
     * @param code the close code
     * @param reason the close reason
     * @throws IllegalArgumentException if {@link io.niows.CloseCode#maySend} refuses {@code code} or the
     *     reason is longer than 123 bytes in UTF-8
     */
    public static void checkClose(int code, String reason) {
        if (!CloseCodes.validInCloseFrame(code)) {
            throw new IllegalArgumentException("close code " + code + " may not be sent (RFC 6455 §7.4)");
        }
        if (reason.getBytes(StandardCharsets.UTF_8).length > MAX_CLOSE_REASON) {
            throw new IllegalArgumentException("a close reason is at most 123 bytes of UTF-8");
        }
    }

    /** A close frame, checked as {@link #checkClose}; the engine's, for the frame it writes. */
    ByteBuffer closeFrame(int code, String reason) {
        checkClose(code, reason);
        return encoder.close(code, reason);
    }

    /**
     * The opening handshake is done and agreed permessage-deflate: messages of at least {@code
     * minSize} bytes are compressed by {@code deflater} from now on.
     *
     * @param shared the independent compressor for the same window, for shared frames
     */
    void opened(MessageDeflater deflater, MessageDeflater shared, int minSize) {
        this.deflater = deflater;
        this.sharedDeflater = shared;
        this.minCompressedSize = minSize;
        opened();
    }

    /** The independent compressor whose frames fit this connection, or null without compression. */
    MessageDeflater sharedDeflater() {
        return phase == OPEN ? sharedDeflater : null;
    }

    /** The size from which this connection compresses messages. */
    int minCompressedSize() {
        return minCompressedSize;
    }

    /** The opening handshake is done: frames are admitted from now on. */
    void opened() {
        synchronized (this) {
            if (phase == CONNECTING) {
                phase = OPEN;
            }
        }
    }

    /** A close frame was sent or received, or the connection failed: data is refused from now on. */
    void closing() {
        if (phase == OPEN) {
            synchronized (this) {
                if (phase == OPEN) {
                    phase = CLOSING;
                }
            }
        }
    }

    /** The transport is gone: everything is refused from now on. */
    void closed() {
        if (deflater == null || deflater.isIndependent()) {
            phase = CLOSED;
            return;
        }
        synchronized (this) {
            phase = CLOSED;
            deflater.end();
        }
    }

    /**
     * A whole message, compressed unless it is short. An independent compressor runs on the
     * caller's thread before the hand-off; one with context runs under the lock, so that messages
     * are compressed in the order they go on the wire.
     */
    private <C> SendResult compressible(int opcode, ByteBuffer payload, C context, Port<C> port) {
        if (payload.remaining() < minCompressedSize) {
            return uncompressed(opcode, payload, context, port);
        }
        if (deflater.isIndependent()) {
            return whole(compressed(deflater, opcode, payload), context, port);
        }
        synchronized (this) {
            if (phase != OPEN || fragmentOwner != null) {
                return phase != OPEN ? SendResult.REFUSED_CLOSED : SendResult.REFUSED_BUSY;
            }
            return submit(port, compressed(deflater, opcode, payload), context);
        }
    }

    /**
     * A frame with RSV1 set carrying the compressed message (RFC 7692 §6); or the plain frame when
     * compressing did not make it shorter (incompressible bytes grow a little), which also spares
     * the peer the inflating and keeps every frame within the size its plain message allows.
     */
    ByteBuffer compressed(MessageDeflater with, int opcode, ByteBuffer payload) {
        ByteBuffer deflated = with.compress(payload);
        if (deflated.remaining() >= payload.remaining()) {
            // The peer's window will not hold this message: neither may the compressor's.
            with.resetContext();
            return encoder.encode(opcode, true, payload);
        }
        return encoder.encode(opcode | B0_FLAG_RSV1, true, deflated);
    }

    private <C> SendResult whole(ByteBuffer frame, C context, Port<C> port) {
        return whole(frame, null, context, port);
    }

    /**
     * A whole message's frame, in one buffer ({@code payload} null) or as a header and the payload
     * that follows it (never traced: {@link #handOverBinary} copies when a trace is set).
     */
    private <C> SendResult whole(ByteBuffer frame, ByteBuffer payload, C context, Port<C> port) {
        synchronized (this) {
            SendResult refused = refusal();
            if (refused != null) {
                return refused;
            }
            return payload == null ? submit(port, frame, context) : port.submit(frame, payload, context);
        }
    }

    /**
     * A whole message in one plain frame: a server's is framed by the port ({@link
     * Port#submitWhole}), which may spare it a frame buffer; a client's is masked here, and a
     * traced one encoded here for the trace to read.
     */
    private <C> SendResult uncompressed(int opcode, ByteBuffer payload, C context, Port<C> port) {
        if (masks || trace != null) {
            return whole(phase == OPEN ? encoder.encode(opcode, true, payload) : null, context, port);
        }
        synchronized (this) {
            SendResult refused = refusal();
            return refused != null ? refused : port.submitWhole(opcode, payload, context);
        }
    }

    /** Why a whole message may not be sent now, or null if it may; under the lock. */
    private SendResult refusal() {
        if (phase != OPEN) {
            return SendResult.REFUSED_CLOSED;
        }
        // RFC 6455 §5.4: fragments of one message "MUST NOT be interleaved" with another's.
        return fragmentOwner != null ? SendResult.REFUSED_BUSY : null;
    }

    private <C> SendResult control(int opcode, ByteBuffer payload, C context, Port<C> port) {
        if (payload.remaining() > MAX_CONTROL_PAYLOAD) {
            // RFC 6455 §5.5: "All control frames MUST have a payload length of 125 bytes or less".
            throw new IllegalArgumentException("a control frame carries at most 125 bytes, not " + payload.remaining());
        }
        if (!mayControl()) {
            return SendResult.REFUSED_CLOSED;
        }
        ByteBuffer frame = encoder.encode(opcode, true, payload);
        synchronized (this) {
            return mayControl() ? submit(port, frame, context) : SendResult.REFUSED_CLOSED;
        }
    }

    /** Control frames go while open and while closing, not before the handshake is done nor once closed. */
    private boolean mayControl() {
        int now = phase;
        return now == OPEN || now == CLOSING;
    }

    /** Hands a frame to the port; the trace, if any, reads it once the port accepted it. */
    private <C> SendResult submit(Port<C> port, ByteBuffer frame, C context) {
        if (trace == null) {
            return port.submit(frame, context);
        }
        ByteBuffer view = frame.duplicate();
        SendResult result = port.submit(frame, context);
        if (result.accepted()) {
            trace.feed(view);
        }
        return result;
    }
}
