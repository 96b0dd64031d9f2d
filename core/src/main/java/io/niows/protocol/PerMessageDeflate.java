package io.niows.protocol;

import io.niows.internal.frame.MessageDeflater;
import io.niows.internal.frame.ZlibPool;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The settings of the permessage-deflate extension (RFC 7692): whether it is offered (client) or
 * accepted (server), how hard messages are compressed, the size below which a message is sent
 * uncompressed, and the four parameters of RFC 7692 §7.1.
 *
 * <p>The parameters keep the RFC's meaning for either role:
 * <ul>
 *   <li>{@code server_no_context_takeover}: the server compresses each message on its own. A
 *       server with it set (the default) always answers with it: it then keeps no compressor
 *       per connection, and a broadcast is compressed once for every member. A client with it set
 *       asks for it.
 *   <li>{@code client_no_context_takeover}: the client compresses each message on its own. A
 *       server with it set (the default) asks it of every client: it then keeps no inflater per
 *       idle connection. A client with it set offers it.
 *   <li>{@code server_max_window_bits}: the server's compression window, 8 to 15. A server with a
 *       value under 15 answers with it; a client with one asks for it.
 *   <li>{@code client_max_window_bits}: the client's compression window. A client always offers
 *       the parameter (with its value when under 15), telling the server it can honour one; a
 *       server with a value under 15 asks it of clients that offered the parameter.
 * </ul>
 *
 * <p>Windows under 15 bits are honoured although the JDK's deflater has a fixed window: see
 * {@link MessageDeflater}. A server accepts the first offer it can honour and declines (skips)
 * every offer with an unknown parameter, a parameter given twice, or a value that is malformed or
 * out of range: a bad offer never fails the handshake.
 *
 * <p>Immutable and thread-safe: each {@code with*} method returns a changed copy. A copy also
 * holds the compressors and the pool of inflaters shared by the connections that use it.
 */
public final class PerMessageDeflate {

    /** The extension's name in {@code Sec-WebSocket-Extensions}. */
    public static final String NAME = "permessage-deflate";
    /** The default compression level, zlib's own default. */
    public static final int DEFAULT_LEVEL = 6;
    /**
     * The default size, in bytes, below which a message is sent uncompressed. Measured on chat-like
     * JSON (bench/README.md, "permessage-deflate"): each message compressed on its own costs a
     * fixed 3-4 µs of CPU to compress, then more to inflate, and at 64 bytes it saves 3 bytes (5 %),
     * at 128 bytes 19 (15 %), at 256 bytes 75 (29 %); below about 64 bytes it saves nothing.
     */
    public static final int DEFAULT_MIN_SIZE = 128;
    /** The largest window, and the default: 2^15 bytes. */
    public static final int MAX_WINDOW_BITS = MessageDeflater.MAX_WINDOW_BITS;
    /** The smallest window RFC 7692 allows: 2^8 bytes. */
    public static final int MIN_WINDOW_BITS = MessageDeflater.MIN_WINDOW_BITS;

    private static final int WINDOWS = MAX_WINDOW_BITS - MIN_WINDOW_BITS + 1;

    private final boolean enabled;
    private final int level;
    private final int minSize;
    private final boolean serverNoContextTakeover;
    private final boolean clientNoContextTakeover;
    private final int serverMaxWindowBits;
    private final int clientMaxWindowBits;
    /** One thread-safe independent compressor per window size, made when first needed. */
    private final AtomicReferenceArray<MessageDeflater> independent = new AtomicReferenceArray<>(WINDOWS);
    private final ZlibPool<Inflater> inflaters = ZlibPool.inflaters();

    private PerMessageDeflate(boolean enabled, int level, int minSize, boolean serverNoContextTakeover,
            boolean clientNoContextTakeover, int serverMaxWindowBits, int clientMaxWindowBits) {
        this.enabled = enabled;
        this.level = level;
        this.minSize = minSize;
        this.serverNoContextTakeover = serverNoContextTakeover;
        this.clientNoContextTakeover = clientNoContextTakeover;
        this.serverMaxWindowBits = serverMaxWindowBits;
        this.clientMaxWindowBits = clientMaxWindowBits;
    }

    /**
     * {@return a server's defaults: accepted, level 6, messages under 128 bytes uncompressed, the
     * server compresses without context takeover and asks the same of clients, full windows}
     */
    public static PerMessageDeflate serverDefaults() {
        return new PerMessageDeflate(true, DEFAULT_LEVEL, DEFAULT_MIN_SIZE, true, true, MAX_WINDOW_BITS,
                MAX_WINDOW_BITS);
    }

    /**
     * {@return a client's defaults: offered as {@code permessage-deflate; client_max_window_bits},
     * level 6, messages under 128 bytes uncompressed; context takeover as the server allows}
     */
    public static PerMessageDeflate clientDefaults() {
        return new PerMessageDeflate(true, DEFAULT_LEVEL, DEFAULT_MIN_SIZE, false, false, MAX_WINDOW_BITS,
                MAX_WINDOW_BITS);
    }

    /** {@return settings with the extension neither offered nor accepted} */
    public static PerMessageDeflate disabled() {
        return serverDefaults().enabled(false);
    }

    /**
     * {@return a copy that is, or is not, offered (client) and accepted (server)}
     *
     * @param on whether the extension is offered and accepted
     */
    public PerMessageDeflate enabled(boolean on) {
        return new PerMessageDeflate(on, level, minSize, serverNoContextTakeover, clientNoContextTakeover,
                serverMaxWindowBits, clientMaxWindowBits);
    }

    /**
     * {@return a copy with another compression level}
     *
     * @param level 0 (stored, no compression) to 9 (best), as {@link Deflater}
     */
    public PerMessageDeflate withLevel(int level) {
        if (level < Deflater.NO_COMPRESSION || level > Deflater.BEST_COMPRESSION) {
            throw new IllegalArgumentException("compression level must be 0 to 9: " + level);
        }
        return new PerMessageDeflate(enabled, level, minSize, serverNoContextTakeover, clientNoContextTakeover,
                serverMaxWindowBits, clientMaxWindowBits);
    }

    /**
     * {@return a copy that sends messages shorter than {@code bytes} uncompressed}
     *
     * @param bytes the size from which messages are compressed, 0 or more
     */
    public PerMessageDeflate withMinSize(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("minimum size must not be negative: " + bytes);
        }
        return new PerMessageDeflate(enabled, level, bytes, serverNoContextTakeover, clientNoContextTakeover,
                serverMaxWindowBits, clientMaxWindowBits);
    }

    /**
     * {@return a copy with {@code server_no_context_takeover} set or not (see the class comment)}
     *
     * @param set whether the parameter is set
     */
    public PerMessageDeflate withServerNoContextTakeover(boolean set) {
        return new PerMessageDeflate(enabled, level, minSize, set, clientNoContextTakeover, serverMaxWindowBits,
                clientMaxWindowBits);
    }

    /**
     * {@return a copy with {@code client_no_context_takeover} set or not (see the class comment)}
     *
     * @param set whether the parameter is set
     */
    public PerMessageDeflate withClientNoContextTakeover(boolean set) {
        return new PerMessageDeflate(enabled, level, minSize, serverNoContextTakeover, set, serverMaxWindowBits,
                clientMaxWindowBits);
    }

    /**
     * {@return a copy with another {@code server_max_window_bits} (see the class comment)}
     *
     * @param bits the window, 8 to 15
     */
    public PerMessageDeflate withServerMaxWindowBits(int bits) {
        return new PerMessageDeflate(enabled, level, minSize, serverNoContextTakeover, clientNoContextTakeover,
                windowBits(bits), clientMaxWindowBits);
    }

    /**
     * {@return a copy with another {@code client_max_window_bits} (see the class comment)}
     *
     * @param bits the window, 8 to 15
     */
    public PerMessageDeflate withClientMaxWindowBits(int bits) {
        return new PerMessageDeflate(enabled, level, minSize, serverNoContextTakeover, clientNoContextTakeover,
                serverMaxWindowBits, windowBits(bits));
    }

    /** {@return whether the extension is offered (client) or accepted (server)} */
    public boolean isEnabled() {
        return enabled;
    }

    /** {@return the compression level, 0 to 9} */
    public int level() {
        return level;
    }

    /** {@return the size, in bytes, below which a message is sent uncompressed} */
    public int minSize() {
        return minSize;
    }

    /** {@return whether {@code server_no_context_takeover} is set} */
    public boolean serverNoContextTakeover() {
        return serverNoContextTakeover;
    }

    /** {@return whether {@code client_no_context_takeover} is set} */
    public boolean clientNoContextTakeover() {
        return clientNoContextTakeover;
    }

    /** {@return the {@code server_max_window_bits} value, 15 when not limited} */
    public int serverMaxWindowBits() {
        return serverMaxWindowBits;
    }

    /** {@return the {@code client_max_window_bits} value, 15 when not limited} */
    public int clientMaxWindowBits() {
        return clientMaxWindowBits;
    }

    /** The thread-safe compressor of independent messages for a window, shared by every connection. */
    MessageDeflater independentDeflater(int windowBits) {
        int slot = windowBits - MIN_WINDOW_BITS;
        MessageDeflater deflater = independent.get(slot);
        if (deflater == null) {
            independent.compareAndSet(slot, null, MessageDeflater.independent(level, windowBits));
            deflater = independent.get(slot);
        }
        return deflater;
    }

    /** The inflaters lent, one message at a time, to connections whose peer does not keep its context. */
    ZlibPool<Inflater> inflaters() {
        return inflaters;
    }

    private static int windowBits(int bits) {
        if (bits < MIN_WINDOW_BITS || bits > MAX_WINDOW_BITS) {
            throw new IllegalArgumentException("window bits must be 8 to 15: " + bits);
        }
        return bits;
    }

    @Override
    public String toString() {
        return "PerMessageDeflate[enabled=" + enabled + ", level=" + level + ", minSize=" + minSize
                + ", serverNoContextTakeover=" + serverNoContextTakeover + ", clientNoContextTakeover="
                + clientNoContextTakeover + ", serverMaxWindowBits=" + serverMaxWindowBits
                + ", clientMaxWindowBits=" + clientMaxWindowBits + "]";
    }
}
