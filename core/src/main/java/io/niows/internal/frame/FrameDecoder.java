package io.niows.internal.frame;

import static io.niows.internal.frame.WireFormat.B0_FLAG_FIN;
import static io.niows.internal.frame.WireFormat.B0_MASK_OPCODE;
import static io.niows.internal.frame.WireFormat.MAX_CONTROL_PAYLOAD;
import static io.niows.internal.frame.WireFormat.OPCODE_BINARY;
import static io.niows.internal.frame.WireFormat.OPCODE_CLOSE;
import static io.niows.internal.frame.WireFormat.OPCODE_CONTINUATION;
import static io.niows.internal.frame.WireFormat.OPCODE_PING;
import static io.niows.internal.frame.WireFormat.OPCODE_PONG;
import static io.niows.internal.frame.WireFormat.OPCODE_TEXT;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * The RFC 6455 rules on top of {@link FrameReader}: checks every frame, assembles fragmented
 * messages, validates text as it arrives and reports messages and control frames to its {@link
 * FrameEvents}.
 *
 * <p>Every violation is thrown as a {@link ProtocolViolation} carrying its close code; the
 * decoder is then unusable and its owner fails the connection. Size limits are checked from the
 * header, before a byte of payload is buffered. Only the bytes of the unfinished message (and of
 * an unfinished control frame) are kept, and the message buffer grows with the bytes that arrive,
 * never on a declared length alone: a peer that declares 16 MiB and sends ten bytes costs ten
 * bytes' worth, so an attacker pays in bandwidth for every byte held. A single-frame message that
 * arrives in one read is buffered in an array of exactly its size. After a close frame, the
 * decoder stops: it reports nothing more and consumes and ignores all further input (RFC 6455
 * §5.5.1: the close frame is the last one the peer sends).
 *
 * <p>With permessage-deflate agreed (a {@link MessageInflater} given), a message whose first
 * frame has RSV1 set is inflated as its frames arrive (RFC 7692 §7.2.2): the size limit and the
 * UTF-8 check apply to the inflated bytes as zlib produces them, so a compression bomb ends with
 * 1009 having held no more than the limit. This transform sits here rather than above the
 * decoder because those two checks must see the inflated bytes and must fail fast.
 *
 * <p>Not thread-safe: driven by one thread at a time.
 */
public final class FrameDecoder implements FrameReader.FrameConsumer {

    /** Buffers are Java arrays: no message longer than this can be assembled. */
    private static final int MAX_BUFFER = Integer.MAX_VALUE - 8;
    /** The smallest step a message buffer grows by, so that a trickle of bytes is not copied per byte. */
    private static final int MIN_GROWTH = 4 * 1024;
    /** A message buffer is at most this many times the payload that has arrived (or {@link #MIN_GROWTH}). */
    private static final int TRUSTED_GROWTH = 8;
    private static final int NO_MESSAGE = -1;
    /** A first guess of how much a compressed frame inflates to, per byte, and at least. */
    private static final int INFLATED_PER_COMPRESSED = 4;
    private static final int MIN_INFLATED = 64;

    private final FrameReader reader = new FrameReader();
    /** Created for the first text message: a connection that only moves binary never needs it. */
    private Utf8Validator utf8;
    private final FrameEvents events;
    private final boolean expectMasked;
    private final long maxFrameSize;
    private final long maxMessageSize;

    /**
     * The first header byte and the payload length of the current frame; kept as values rather
     * than the header itself, which then need not outlive {@link #onHeader} (nor be allocated).
     */
    private int frameByte0;
    private long frameLength;
    /** Opcode of the data message in progress (text or binary), or NO_MESSAGE. */
    private int messageOpcode = NO_MESSAGE;
    private ByteBuffer message;
    /** Payload bytes of the current data frame not received yet. */
    private long frameRemaining;
    /** Frame headers read so far. */
    private long frames;
    private ByteBuffer control;
    private boolean stopped;
    /** Decoding waits between two steps (a header or a payload chunk) until resumed; the rest of the input is left. */
    private boolean paused;
    /** Inflates compressed messages when permessage-deflate was agreed, else null. */
    private final MessageInflater inflater;
    /** Whether the data message in progress is compressed (RSV1 on its first frame). */
    private boolean compressed;
    /** Whether data messages are reported in chunks as they arrive instead of whole ({@link #streamMessages}). */
    private boolean streaming;
    /** The largest streamed frame and message; no limit applies to what is not buffered, unless asked. */
    private long streamLimit;
    /** Bytes of the streamed message in progress so far (inflated, if compressed). */
    private long streamed;
    /** Whether the streamed message in progress has had its last chunk reported. */
    private boolean streamEnded;
    /** Text of a streamed message, cut at whole code points; made for the first streamed text. */
    private CodePointChunks text;
    /** Where compressed streamed messages are inflated, chunk by chunk; made for the first one. */
    private byte[] inflated;
    /** Where data messages' buffers come from. */
    private IntFunction<ByteBuffer> messageBuffers = ByteBuffer::allocate;

    /**
     * @param expectMasked {@code true} if every frame must be masked (a server reading a client),
     *     {@code false} if none may be (a client reading a server): RFC 6455 §5.1
     * @param maxFrameSize the largest frame payload accepted, in bytes
     * @param maxMessageSize the largest message accepted, in bytes, all fragments together
     * @param events where complete messages and control frames go
     */
    public FrameDecoder(boolean expectMasked, long maxFrameSize, long maxMessageSize, FrameEvents events) {
        this(expectMasked, maxFrameSize, maxMessageSize, events, null);
    }

    /**
     * A decoder for a connection that agreed on permessage-deflate (RFC 7692): a data message
     * whose first frame has RSV1 set is inflated, and {@code maxMessageSize} bounds its inflated
     * size.
     *
     * @param inflater the connection's inflater, or {@code null} when no extension was agreed
     */
    public FrameDecoder(boolean expectMasked, long maxFrameSize, long maxMessageSize, FrameEvents events,
            MessageInflater inflater) {
        this.inflater = inflater;
        this.expectMasked = expectMasked;
        this.maxFrameSize = maxFrameSize;
        this.maxMessageSize = Math.min(maxMessageSize, MAX_BUFFER);
        this.events = events;
    }

    /**
     * Takes the buffers of data messages from {@code buffers} instead of new arrays.
     *
     * @param buffers called with a size, returns a buffer no one else uses, position 0, limit that
     *     size; {@code null} for new arrays
     */
    public void takeMessageBuffersFrom(IntFunction<ByteBuffer> buffers) {
        this.messageBuffers = buffers == null ? ByteBuffer::allocate : buffers;
    }

    /**
     * Decodes the frames in {@code in}, reporting each complete message and control frame. On
     * return {@code in} holds at most an incomplete header (13 bytes or fewer), which the caller
     * passes again followed by more bytes; while {@link #pause() paused}, it holds whatever was
     * not decoded yet.
     *
     * @throws ProtocolViolation when the peer broke a rule; the decoder must not be used again
     */
    public void decode(ByteBuffer in) {
        while (!stopped && !paused && reader.read(in, this)) {
            // each step consumed a header or a payload chunk and reported it
        }
        if (stopped) {
            in.position(in.limit());
        }
    }

    /**
     * {@return whether this decoder holds nothing of the peer's stream} That is: between frames and
     * messages, neither paused nor stopped, and with no inflater (whose window may carry context).
     * Its owner may then drop it and make a new one for the next byte.
     */
    public boolean atRest() {
        return reader.betweenFrames() && messageOpcode == NO_MESSAGE && control == null && !stopped && !paused
                && inflater == null;
    }

    /** {@return the frame headers read so far, those that broke a rule included} */
    public long framesDecoded() {
        return frames;
    }

    /**
     * From now on, reports data messages in chunks as their frames arrive ({@link
     * FrameEvents#onBinaryChunk}, {@link FrameEvents#onTextChunk}) instead of whole: nothing is
     * buffered, text is still validated as it arrives (a chunk holds the text before the first
     * invalid byte, then the violation is thrown) and a text chunk never splits a code point.
     * Compressed messages are inflated chunk by chunk too. The frame and message size limits are
     * replaced by {@code limit} (inflated bytes, for a compressed message).
     *
     * @param limit the largest streamed frame and message, in bytes; {@link Long#MAX_VALUE} for none
     */
    public void streamMessages(long limit) {
        streaming = true;
        streamLimit = limit;
    }

    /**
     * Makes {@link #decode} return after the step in progress (a frame header or a payload chunk)
     * and leave the rest of its input unconsumed, until {@link #resume()}: called from an event
     * this decoder reports, no further event follows in that call.
     */
    public void pause() {
        paused = true;
    }

    /** Lets {@link #decode} go on with the input it left while paused. */
    public void resume() {
        paused = false;
    }

    /** Stops decoding: nothing more is reported and all further input is ignored. */
    public void stop() {
        stopped = true;
        message = null;
        control = null;
        if (inflater != null) {
            inflater.release();
        }
    }

    @Override
    public void onHeader(FrameHeader header) {
        frames++;
        checkMasking(header);
        checkReservedBits(header);
        frameByte0 = header.byte0();
        frameLength = header.payloadLength();
        if (header.isControl()) {
            beginControlFrame(header);
        } else {
            beginDataFrame(header);
        }
    }

    private void checkReservedBits(FrameHeader header) {
        if (header.rsvBits() == 0) {
            return;
        }
        // RFC 6455 §5.2: RSV1-3 "MUST be 0 unless an extension is negotiated that defines
        // meanings for non-zero values". permessage-deflate gives RSV1 a meaning, and only on the
        // first frame of a data message (RFC 7692 §6: "An endpoint MUST NOT set the "Per-Message
        // Compressed" bit of control frames and non-first fragments of a data message").
        if (inflater == null || header.rsv2() || header.rsv3()) {
            throw ProtocolViolation.protocolError("reserved bits set without an extension");
        }
        if (header.isControl()) {
            throw ProtocolViolation.protocolError("RSV1 set on a control frame");
        }
        if (header.opcode() == OPCODE_CONTINUATION) {
            throw ProtocolViolation.protocolError("RSV1 set on a continuation frame");
        }
    }

    private void checkMasking(FrameHeader header) {
        if (expectMasked && !header.masked()) {
            // RFC 6455 §5.1: "The server MUST close the connection upon receiving a frame that is
            // not masked."
            throw ProtocolViolation.protocolError("client frame not masked");
        }
        if (!expectMasked && header.masked()) {
            // RFC 6455 §5.1: "A client MUST close a connection if it detects a masked frame."
            throw ProtocolViolation.protocolError("server frame masked");
        }
    }

    private void beginControlFrame(FrameHeader header) {
        int opcode = header.opcode();
        if (opcode != OPCODE_CLOSE && opcode != OPCODE_PING && opcode != OPCODE_PONG) {
            // RFC 6455 §5.2: "If an unknown opcode is received, the receiving endpoint MUST _Fail
            // the WebSocket Connection_." (0xB-0xF are reserved control opcodes.)
            throw ProtocolViolation.protocolError("reserved control opcode " + opcode);
        }
        // RFC 6455 §5.5: "All control frames MUST have a payload length of 125 bytes or less and
        // MUST NOT be fragmented."
        if (header.payloadLength() > MAX_CONTROL_PAYLOAD) {
            throw ProtocolViolation.protocolError("control frame payload over 125 bytes");
        }
        if (!header.fin()) {
            throw ProtocolViolation.protocolError("fragmented control frame");
        }
        control = ByteBuffer.allocate((int) header.payloadLength());
    }

    private void beginDataFrame(FrameHeader header) {
        int opcode = header.opcode();
        if (opcode == OPCODE_CONTINUATION) {
            if (messageOpcode == NO_MESSAGE) {
                // RFC 6455 §5.4: a fragmented message starts with text or binary, never with a
                // continuation frame.
                throw ProtocolViolation.protocolError("continuation frame without a message");
            }
        } else if (opcode == OPCODE_TEXT || opcode == OPCODE_BINARY) {
            if (messageOpcode != NO_MESSAGE) {
                // RFC 6455 §5.4: "The fragments of one message MUST NOT be interleaved between the
                // fragments of another message unless an extension has been negotiated".
                throw ProtocolViolation.protocolError("new data frame inside a fragmented message");
            }
        } else {
            throw ProtocolViolation.protocolError("reserved data opcode " + opcode);
        }
        long length = header.payloadLength();
        long frameLimit = streaming ? streamLimit : maxFrameSize;
        if (length > frameLimit) {
            throw ProtocolViolation.messageTooBig("frame over " + frameLimit + " bytes");
        }
        long held = streaming ? streamed : message == null ? 0 : message.position();
        long messageLimit = streaming ? streamLimit : maxMessageSize;
        boolean inflates = opcode == OPCODE_CONTINUATION ? compressed : header.rsv1();
        if (!inflates && held + length > messageLimit) {
            throw ProtocolViolation.messageTooBig("message over " + messageLimit + " bytes");
        }
        if (opcode != OPCODE_CONTINUATION) {
            beginMessage(opcode, header.rsv1());
        }
        frameRemaining = length;
    }

    private void beginMessage(int opcode, boolean rsv1) {
        messageOpcode = opcode;
        compressed = rsv1;
        streamed = 0;
        streamEnded = false;
        if (opcode == OPCODE_TEXT) {
            if (utf8 == null) {
                utf8 = new Utf8Validator();
                text = streaming ? new CodePointChunks() : null;
            }
            utf8.reset();
            if (streaming) {
                text.reset();
            }
        }
    }

    private boolean finalFrame() {
        return (frameByte0 & B0_FLAG_FIN) != 0;
    }

    private boolean controlFrame() {
        return WireFormat.isControl(frameByte0 & B0_MASK_OPCODE);
    }

    /**
     * Makes room for {@code incoming} bytes that have arrived. The buffer at least doubles each
     * time, so copies stay linear in the message size, but never past the end of a final frame
     * nor past the message limit. Once what has arrived is at least an eighth of where a final
     * frame ends, the buffer goes straight to that end: a large one-frame message arriving in a
     * few reads is allocated once, at its exact size, and never copied to grow, while a declared
     * length alone still buys nothing (the buffer is at most {@value #TRUSTED_GROWTH} times what
     * arrived).
     */
    private void makeRoom(int incoming) {
        if (message != null && message.remaining() >= incoming) {
            return;
        }
        int held = message == null ? 0 : message.position();
        long needed = (long) held + incoming;
        long end = finalFrame() ? held + frameRemaining : maxMessageSize;
        long doubled = Math.max(MIN_GROWTH, 2L * (message == null ? 0 : message.limit()));
        long size = end <= TRUSTED_GROWTH * needed ? end : Math.min(end, Math.max(needed, doubled));
        ByteBuffer larger = messageBuffers.apply((int) size);
        if (message != null) {
            larger.put(message.flip());
        }
        message = larger;
    }

    /**
     * The bytes this decoder holds for the unfinished message and control frame: the capacity of
     * their buffers, which grows only with payload that has arrived (at most eight times what arrived,
     * plus a few KiB).
     */
    public long heldBytes() {
        return (message == null ? 0 : message.capacity()) + (control == null ? 0 : control.capacity())
                + (inflated == null ? 0 : inflated.length);
    }

    /**
     * Takes a payload chunk: unmasked while copied into the message or control frame buffer; or,
     * where the bytes are handed on as they are (inflating, streaming), unmasked in place.
     */
    @Override
    public void onPayload(PayloadChunk chunk) {
        if (controlFrame()) {
            chunk.copyTo(control);
            return;
        }
        int n = chunk.length();
        if (compressed) {
            frameRemaining -= n;
            inflater.input(chunk.unmasked());
            if (streaming) {
                inflateStreamed();
            } else {
                inflateAvailable();
            }
            return;
        }
        if (streaming) {
            frameRemaining -= n;
            streamed += n;
            deliverChunk(chunk.unmasked(), finalFrame() && frameRemaining == 0);
            return;
        }
        if (message == null && finalFrame() && n == frameRemaining) {
            deliverWhole(chunk);
            return;
        }
        makeRoom(n);
        frameRemaining -= n;
        int start = message.position();
        chunk.copyTo(message);
        checkUtf8(message, start);
    }

    /**
     * The common case of small messages: the last frame of a message, nothing of it held yet, all
     * of its payload in this chunk. Delivered from here, never kept in {@link #message}: storing a
     * new buffer into this long-lived decoder would cost a GC write barrier per message.
     */
    private void deliverWhole(PayloadChunk chunk) {
        int n = chunk.length();
        frameRemaining = 0;
        ByteBuffer whole = messageBuffers.apply(n);
        chunk.copyTo(whole);
        checkUtf8(whole, 0);
        deliverMessage(whole.flip());
    }

    /** Checks the text bytes of {@code bytes} from {@code start} to its position. */
    private void checkUtf8(ByteBuffer bytes, int start) {
        if (messageOpcode == OPCODE_TEXT && utf8.feed(bytes, start, bytes.position()) >= 0) {
            // RFC 6455 §8.1: an endpoint that finds a byte stream is not valid UTF-8 "MUST _Fail
            // the WebSocket Connection_". Checked per chunk: fail fast.
            throw ProtocolViolation.invalidPayload("invalid UTF-8 in text message");
        }
    }

    /**
     * Inflates all the compressed input given so far into the message buffer, growing it as the
     * inflated bytes need (never past the message limit) and checking text as it appears.
     */
    private void inflateAvailable() {
        while (true) {
            if ((message == null || !message.hasRemaining()) && !growForInflated()) {
                return;
            }
            int start = message.position();
            int room = message.remaining();
            int n = inflater.inflate(message.array(), message.arrayOffset() + start, room);
            message.position(start + n);
            checkUtf8(message, start);
            if (n < room) {
                return;
            }
        }
    }

    /**
     * Makes room for more inflated bytes: a first buffer a few times the compressed frame (at
     * most {@value #MIN_GROWTH} bytes), then doubling, never past the message limit.
     *
     * @return {@code false} if the message is at its limit and the inflater has nothing more
     * @throws ProtocolViolation 1009 if it has more
     */
    private boolean growForInflated() {
        int held = message == null ? 0 : message.position();
        if (held >= maxMessageSize) {
            if (inflater.inflate(new byte[1], 0, 1) == 0) {
                return false;
            }
            throw ProtocolViolation.messageTooBig("message over " + maxMessageSize + " bytes once inflated");
        }
        // Sized by what has arrived, never by a declared length alone: the first guess is capped.
        long size = message == null
                ? Math.min(MIN_GROWTH, INFLATED_PER_COMPRESSED * frameLength + MIN_INFLATED)
                : Math.max(MIN_GROWTH, 2L * held);
        ByteBuffer larger = messageBuffers.apply((int) Math.min(maxMessageSize, size));
        if (message != null) {
            larger.put(message.flip());
        }
        message = larger;
        return true;
    }

    /**
     * Reports a chunk of a streamed message: binary as it is; text checked first, and only the
     * text before an invalid byte reported before the violation is thrown (RFC 6455 §8.1).
     */
    private void deliverChunk(ByteBuffer chunk, boolean last) {
        streamEnded = last;
        if (messageOpcode == OPCODE_BINARY) {
            events.onBinaryChunk(chunk, last);
        } else {
            int from = chunk.position();
            int invalid = utf8.feed(chunk, from, chunk.limit());
            if (invalid >= 0) {
                deliverText(text.decode(chunk, from, invalid), false);
                throw ProtocolViolation.invalidPayload("invalid UTF-8 in text message");
            }
            if (last && !utf8.isComplete()) {
                throw ProtocolViolation.invalidPayload("text message ends inside a UTF-8 sequence");
            }
            deliverText(text.decode(chunk, from, chunk.limit()), last);
        }
        if (last) {
            messageOpcode = NO_MESSAGE;
        }
    }

    /** A text chunk, unless it is empty and not the last: bytes that only began a code point make none. */
    private void deliverText(String chunk, boolean last) {
        if (last || !chunk.isEmpty()) {
            events.onTextChunk(chunk, last);
        }
    }

    /** Inflates the compressed input given so far into chunks of one reused buffer, reporting each. */
    private void inflateStreamed() {
        if (inflated == null) {
            inflated = new byte[MIN_GROWTH * 4];
        }
        int n;
        do {
            n = inflater.inflate(inflated, 0, inflated.length);
            streamed += n;
            if (streamed > streamLimit) {
                throw ProtocolViolation.messageTooBig("message over " + streamLimit + " bytes once inflated");
            }
            if (n > 0) {
                deliverChunk(ByteBuffer.wrap(inflated, 0, n), false);
            }
        } while (n == inflated.length);
    }

    @Override
    public void onFrameEnd() {
        if (controlFrame()) {
            ByteBuffer payload = control.flip();
            control = null;
            deliverControl(frameByte0 & B0_MASK_OPCODE, payload);
        } else if (finalFrame() && streaming) {
            endStreamed();
        } else if (finalFrame() && messageOpcode != NO_MESSAGE) { // NO_MESSAGE: delivered whole already
            if (compressed) {
                inflater.inputTail();
                inflateAvailable();
                inflater.endMessage();
            }
            deliverMessage();
        }
    }

    /** The last frame of a streamed message ended: its last chunk, possibly empty, unless reported already. */
    private void endStreamed() {
        if (compressed) {
            inflater.inputTail();
            inflateStreamed();
            inflater.endMessage();
            inflated = null;
        }
        if (!streamEnded) {
            deliverChunk(ByteBuffer.allocate(0), true);
        }
        compressed = false;
    }

    private void deliverMessage() {
        deliverMessage(message == null ? ByteBuffer.allocate(0) : message.flip());
    }

    private void deliverMessage(ByteBuffer payload) {
        int opcode = messageOpcode;
        message = null;
        messageOpcode = NO_MESSAGE;
        compressed = false;
        if (opcode == OPCODE_BINARY) {
            events.onBinary(payload);
            return;
        }
        if (!utf8.isComplete()) {
            throw ProtocolViolation.invalidPayload("text message ends inside a UTF-8 sequence");
        }
        events.onText(decodeValidated(payload, utf8.isAscii()));
    }

    private static String decodeValidated(ByteBuffer payload, boolean ascii) {
        // Validated already: decoding cannot substitute anything. ASCII is Latin-1, the cheaper copy.
        return new String(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining(),
                ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private void deliverControl(int opcode, ByteBuffer payload) {
        switch (opcode) {
            case OPCODE_PING -> events.onPing(payload);
            case OPCODE_PONG -> events.onPong(payload);
            default -> deliverClose(payload);
        }
    }

    private void deliverClose(ByteBuffer payload) {
        int code = CloseCodes.NO_STATUS_RECEIVED;
        String reason = "";
        if (payload.remaining() == 1) {
            // RFC 6455 §5.5.1: a close body, if present, "MUST" start with a 2-byte status code.
            throw ProtocolViolation.protocolError("close frame with a 1-byte payload");
        }
        if (payload.remaining() >= 2) {
            code = ((payload.get(0) & 0xFF) << Byte.SIZE) | (payload.get(1) & 0xFF);
            if (!CloseCodes.validInCloseFrame(code)) {
                throw ProtocolViolation.protocolError("invalid close code " + code);
            }
            reason = closeReason(payload);
        }
        stop();
        events.onCloseReceived(code, reason);
    }

    private static String closeReason(ByteBuffer payload) {
        Utf8Validator utf8 = new Utf8Validator();
        // RFC 6455 §5.5.1: the reason's "data is not guaranteed to be human readable" but it is
        // UTF-8, and §8.1 applies: invalid UTF-8 fails the connection.
        if (utf8.feed(payload, 2, payload.limit()) >= 0 || !utf8.isComplete()) {
            throw ProtocolViolation.invalidPayload("invalid UTF-8 in close reason");
        }
        return decodeValidated(payload.position(2), utf8.isAscii());
    }
}
