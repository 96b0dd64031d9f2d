package io.niows.internal.frame;

import java.util.ArrayDeque;
import java.util.zip.Inflater;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A few idle zlib streams ({@link java.util.zip.Deflater} or {@link Inflater}) kept
 * for the next message, so that a connection holds native zlib memory only while it compresses or
 * inflates a message, not while it idles. A stream given back must have been reset by its user.
 *
 * <p>Thread-safe: any thread takes and gives back.
 *
 * @param <T> the kind of stream
 */
public final class ZlibPool<T> {

    /** How many idle streams a pool keeps by default. */
    static final int DEFAULT_MAX_IDLE = 64;

    private final Supplier<T> create;
    private final Consumer<T> end;
    private final int maxIdle;
    private final ArrayDeque<T> idle = new ArrayDeque<>();

    /** A pool of raw inflaters (RFC 7692 needs no zlib header), for {@link MessageInflater}. */
    public static ZlibPool<Inflater> inflaters() {
        return new ZlibPool<>(() -> new Inflater(true), Inflater::end, DEFAULT_MAX_IDLE);
    }

    /**
     * @param create makes a new stream when none is idle
     * @param end frees a stream's native memory when the pool is full
     * @param maxIdle how many idle streams are kept at most
     */
    ZlibPool(Supplier<T> create, Consumer<T> end, int maxIdle) {
        this.create = create;
        this.end = end;
        this.maxIdle = maxIdle;
    }

    /** An idle stream, or a new one. */
    T take() {
        T stream;
        synchronized (this) {
            stream = idle.pollFirst();
        }
        return stream != null ? stream : create.get();
    }

    /** Gives a reset stream back; it is ended if enough are idle already. */
    void give(T stream) {
        synchronized (this) {
            if (idle.size() < maxIdle) {
                idle.addFirst(stream);
                return;
            }
        }
        end.accept(stream);
    }
}
