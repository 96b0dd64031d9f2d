package io.niows.protocol;

import io.niows.internal.frame.FrameEncoder;
import io.niows.internal.frame.SecureMaskingKeys;
import io.niows.internal.handshake.HandshakeLimits;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

/**
 * The settings of one {@link WebSocketEngine}: its role, its size limits (RFC 6455 §10.4: "An
 * implementation SHOULD impose a limit on the size of frames and the total message size"; and on
 * the opening handshake's head), its
 * masking-key source (RFC 6455 §5.3) and whether it answers pings by itself (§5.5.2).
 *
 * <p>Immutable and thread-safe: each {@code with*} method returns a changed copy.
 */
public final class EngineConfig {

    /** The default frame and message size limit: 16 MiB. */
    public static final long DEFAULT_MAX_SIZE = 16L * 1024 * 1024;
    /** The default limit of an opening handshake's head: 16 KiB. */
    public static final int DEFAULT_MAX_HANDSHAKE_SIZE = HandshakeLimits.DEFAULT_MAX_HEAD_SIZE;

    private final Role role;
    private final long maxFrameSize;
    private final long maxMessageSize;
    private final IntSupplier maskingKeys;
    private final boolean autoPong;
    private final int maxHandshakeSize;
    private final PerMessageDeflate deflate;
    private final FrameTrace trace;
    private final IntFunction<ByteBuffer> messageBuffers;
    private final FrameEncoder encoder;
    private final HandshakeLimits handshakeLimits;

    private EngineConfig(Role role, long maxFrameSize, long maxMessageSize, IntSupplier maskingKeys,
            boolean autoPong, int maxHandshakeSize, PerMessageDeflate deflate, FrameTrace trace,
            IntFunction<ByteBuffer> messageBuffers) {
        this.role = role;
        this.messageBuffers = messageBuffers;
        this.trace = trace;
        this.deflate = deflate;
        this.maxFrameSize = maxFrameSize;
        this.maxMessageSize = maxMessageSize;
        this.maskingKeys = maskingKeys;
        this.autoPong = autoPong;
        this.maxHandshakeSize = maxHandshakeSize;
        this.encoder = new FrameEncoder(role == Role.CLIENT, maskingKeys);
        HandshakeLimits limits = HandshakeLimits.defaults().withMaxHeadSize(maxHandshakeSize);
        this.handshakeLimits = limits.withMaxRequestLineLength(Math.min(limits.maxRequestLineLength(), maxHandshakeSize));
    }

    /**
     * The encoder for this role and key source. It holds no mutable state, so every engine built
     * from this configuration shares it instead of keeping its own.
     */
    FrameEncoder encoder() {
        return encoder;
    }

    /** The bounds of the opening handshake's head, from {@link #maxHandshakeSize()}. */
    HandshakeLimits handshakeLimits() {
        return handshakeLimits;
    }

    /**
     * {@return a server's defaults: 16 MiB limits, automatic pongs, permessage-deflate accepted
     * ({@link PerMessageDeflate#serverDefaults()})}
     */
    public static EngineConfig server() {
        return new EngineConfig(Role.SERVER, DEFAULT_MAX_SIZE, DEFAULT_MAX_SIZE, SecureMaskingKeys.shared(), true, DEFAULT_MAX_HANDSHAKE_SIZE,
                PerMessageDeflate.serverDefaults(), null, null);
    }

    /** {@return a client's defaults: 16 MiB limits, automatic pongs, secure random masking keys} */
    public static EngineConfig client() {
        return new EngineConfig(Role.CLIENT, DEFAULT_MAX_SIZE, DEFAULT_MAX_SIZE, SecureMaskingKeys.shared(), true, DEFAULT_MAX_HANDSHAKE_SIZE,
                PerMessageDeflate.disabled(), null, null);
    }

    /** {@return which end this engine plays} */
    public Role role() {
        return role;
    }

    /** {@return the largest frame payload accepted, in bytes} A larger one fails the connection with 1009. */
    public long maxFrameSize() {
        return maxFrameSize;
    }

    /** {@return the largest message accepted, in bytes, all fragments together} Over it: 1009. */
    public long maxMessageSize() {
        return maxMessageSize;
    }

    /** {@return where a client's masking keys come from} */
    public IntSupplier maskingKeys() {
        return maskingKeys;
    }

    /** {@return whether a ping is answered with a pong by the engine itself} */
    public boolean autoPong() {
        return autoPong;
    }

    /**
     * {@return a copy with another frame size limit}
     *
     * @param maxFrameSize the largest frame payload accepted, in bytes, at least 1
     */
    public EngineConfig withMaxFrameSize(long maxFrameSize) {
        return new EngineConfig(role, positive(maxFrameSize, "maxFrameSize"), maxMessageSize, maskingKeys, autoPong,
                maxHandshakeSize, deflate, trace, messageBuffers);
    }

    /**
     * {@return a copy with another message size limit}
     *
     * @param maxMessageSize the largest message accepted, in bytes, at least 1
     */
    public EngineConfig withMaxMessageSize(long maxMessageSize) {
        return new EngineConfig(role, maxFrameSize, positive(maxMessageSize, "maxMessageSize"), maskingKeys, autoPong,
                maxHandshakeSize, deflate, trace, messageBuffers);
    }

    /**
     * {@return a copy with another masking-key source} Tests use it for deterministic keys. Servers
     * do not mask.
     *
     * @param keys each call gives one frame's 32-bit masking key; thread-safe if frames are encoded
     *     on several threads
     */
    public EngineConfig withMaskingKeys(IntSupplier keys) {
        return new EngineConfig(role, maxFrameSize, maxMessageSize, Objects.requireNonNull(keys, "keys"), autoPong,
                maxHandshakeSize, deflate, trace, messageBuffers);
    }

    /**
     * {@return a copy that does, or does not, answer pings by itself}
     *
     * @param autoPong whether the engine queues the pong for every ping it receives
     */
    public EngineConfig withAutoPong(boolean autoPong) {
        return new EngineConfig(role, maxFrameSize, maxMessageSize, maskingKeys, autoPong, maxHandshakeSize, deflate,
                trace, messageBuffers);
    }

    /**
     * {@return a copy with another limit of the opening handshake's head} A longer request head is
     * answered 431 (a request line over it 414), a longer response fails the handshake.
     *
     * @param bytes the largest head, in bytes, at least 1
     */
    public EngineConfig withMaxHandshakeSize(int bytes) {
        return new EngineConfig(role, maxFrameSize, maxMessageSize, maskingKeys, autoPong,
                (int) positive(bytes, "maxHandshakeSize"), deflate, trace, messageBuffers);
    }

    /**
     * A copy with other permessage-deflate settings (RFC 7692): what a server's engine accepts. A
     * client's engine goes by what its {@link HandshakeRequest} offered; a transport that makes
     * the request (as niows' client does) takes the offer from here.
     *
     * @param deflate the settings
     * @return the changed copy
     */
    public EngineConfig withDeflate(PerMessageDeflate deflate) {
        return new EngineConfig(role, maxFrameSize, maxMessageSize, maskingKeys, autoPong, maxHandshakeSize,
                Objects.requireNonNull(deflate, "deflate"), trace, messageBuffers);
    }

    /**
     * A copy that tells {@code trace} every frame in and out and the opening handshake's heads; see
     * {@link FrameTrace} for when and on which thread.
     *
     * @param trace the hook, or {@code null} for none (the default, which costs one null check per
     *     read and per send)
     * @return the changed copy
     */
    public EngineConfig withTrace(FrameTrace trace) {
        return new EngineConfig(role, maxFrameSize, maxMessageSize, maskingKeys, autoPong, maxHandshakeSize, deflate,
                trace, messageBuffers);
    }

    /**
     * A copy whose engines take the buffer of each incoming data message from {@code buffers}
     * instead of a new array: for a caller that reuses the arrays its handlers hand back. It is
     * called on the thread that drives the engine with the size the message needs (a message of
     * several frames may ask again for a larger one, and its bytes are copied over), and must
     * return a buffer no one else uses, at position 0, with that size as its limit. The buffer
     * then belongs to the listener, as a new one would.
     *
     * @param buffers the source, or {@code null} for new arrays (the default)
     * @return the changed copy
     */
    public EngineConfig withMessageBuffers(IntFunction<ByteBuffer> buffers) {
        return new EngineConfig(role, maxFrameSize, maxMessageSize, maskingKeys, autoPong, maxHandshakeSize, deflate,
                trace, buffers);
    }

    /** {@return where incoming data messages' buffers come from, or {@code null} for new arrays} */
    public IntFunction<ByteBuffer> messageBuffers() {
        return messageBuffers;
    }

    /** {@return the frame trace hook, or {@code null} for none} */
    public FrameTrace trace() {
        return trace;
    }

    /** {@return the permessage-deflate settings a server accepts with} */
    public PerMessageDeflate deflate() {
        return deflate;
    }

    /** {@return the largest opening-handshake head accepted, in bytes} */
    public int maxHandshakeSize() {
        return maxHandshakeSize;
    }

    private static long positive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "EngineConfig[role=" + role + ", maxFrameSize=" + maxFrameSize + ", maxMessageSize="
                + maxMessageSize + ", autoPong=" + autoPong + ", maxHandshakeSize=" + maxHandshakeSize + ", deflate="
                + deflate + ", trace=" + (trace != null) + "]";
    }
}
