package io.niows;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A client connection that reconnects by itself (opt-in): for a chat-style client that should stay
 * connected across server restarts and network drops. Whenever the connection ends or an attempt
 * fails, the next attempt waits an exponential backoff with jitter, capped: attempt {@code n}
 * waits a random time between half and all of {@code min(cap, initial * 2^(n-1))} ("equal
 * jitter", so that clients dropped together do not come back together). The count starts again
 * once a connection opens. {@link #close()} ends the connection with 1000 and stops reconnecting.
 *
 * <pre>{@code
 * Reconnecting chat = Reconnecting.to(client, URI.create("wss://chat.example/room"), handler)
 *         .backoff(Duration.ofMillis(500), Duration.ofSeconds(30))
 *         .onReconnect(attempt -> log.info("reconnecting, attempt " + attempt))
 *         .start();
 * chat.current().sendText("hello"); // null while disconnected: check, or send from onOpen
 * chat.close();
 * }</pre>
 *
 * <p>The handler is the same object for every connection: its {@code onOpen} runs for each, its
 * {@code onClose} for each end (then a reconnect is scheduled, unless closed). Thread-safety: every
 * method may be called from any thread; attempts are started on a timer thread of this object's,
 * which {@link #close()} ends.
 */
public final class Reconnecting implements AutoCloseable {

    /** Told when an attempt to reconnect starts, on the timer thread. */
    @FunctionalInterface
    public interface Listener {
        /**
         * An attempt to reconnect starts.
         *
         * @param attempt 1 for the first attempt after a connection ended, counting failed ones
         */
        void onReconnect(int attempt);
    }

    private final WebSocketClient client;
    private final URI uri;
    private final WebSocketHandler handler;
    private final long initialMillis;
    private final long capMillis;
    private final Listener listener;
    private final ScheduledExecutorService timer;
    /** Guarded by this: attempts since the last open, the open connection, the next attempt, closed. */
    private int attempts;
    private WebSocket current;
    private ScheduledFuture<?> next;
    private boolean closed;

    private Reconnecting(Builder b) {
        this.client = b.client;
        this.uri = b.uri;
        this.handler = b.handler;
        this.initialMillis = b.initial.toMillis();
        this.capMillis = b.cap.toMillis();
        this.listener = b.listener;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "niows-reconnect");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A reconnecting connection to {@code uri}, not started yet; defaults: backoff from 1 s to 30 s.
     *
     * @param client the client that makes each connection
     * @param uri the {@code ws://} or {@code wss://} URL
     * @param handler the handler of every connection
     * @return the builder
     */
    public static Builder to(WebSocketClient client, URI uri, WebSocketHandler handler) {
        return new Builder(client, uri, handler);
    }

    /** {@return the open connection, or {@code null} while disconnected} */
    public synchronized WebSocket current() {
        return current;
    }

    /** Closes the connection with 1000 (normal closure) and stops reconnecting; later calls do nothing. */
    @Override
    public void close() {
        WebSocket open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = current;
            if (next != null) {
                next.cancel(false);
            }
        }
        timer.shutdownNow();
        if (open != null) {
            open.close();
        }
    }

    /**
     * {@return how long attempt {@code attempt} waits, in milliseconds} Between half and all of
     * {@code min(cap, initial * 2^(attempt-1))}, where {@code random} (in [0, 1)) picks the point.
     */
    static long delayMillis(int attempt, long initial, long cap, double random) {
        long nominal = initial << Math.min(attempt - 1, 30);
        if (nominal <= 0 || nominal > cap) {
            nominal = cap;
        }
        return nominal / 2 + (long) (random * (nominal - nominal / 2));
    }

    private void connect() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        client.connect(uri, new Wrapped()).whenComplete((ws, failure) -> {
            if (failure != null) {
                retry();
            }
        });
    }

    private void retry() {
        int attempt;
        synchronized (this) {
            if (closed) {
                return;
            }
            attempt = ++attempts;
            long delay = delayMillis(attempt, initialMillis, capMillis, ThreadLocalRandom.current().nextDouble());
            next = timer.schedule(() -> {
                listener.onReconnect(attempt);
                connect();
            }, delay, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The application's handler, with the reconnecting bookkeeping around open and close. One per
     * connection; its callbacks come on that connection's loop thread. A connection that opens
     * after {@link #close()} is closed at once and never shown to the handler: no event of it,
     * not even its close, reaches the handler.
     */
    private final class Wrapped implements WebSocketHandler {
        /** Whether the handler was told of this connection's open; loop thread only. */
        private boolean shown;

        @Override
        public void onOpen(WebSocket ws) {
            boolean stale;
            synchronized (Reconnecting.this) {
                stale = closed;
                if (!stale) {
                    attempts = 0;
                    current = ws;
                }
            }
            if (stale) {
                ws.close();
                return;
            }
            shown = true;
            handler.onOpen(ws);
        }

        @Override
        public void onText(WebSocket ws, String text) {
            if (shown) {
                handler.onText(ws, text);
            }
        }

        @Override
        public void onBinary(WebSocket ws, ByteBuffer data) {
            if (shown) {
                handler.onBinary(ws, data);
            }
        }

        @Override
        public void onPing(WebSocket ws, ByteBuffer payload) {
            if (shown) {
                handler.onPing(ws, payload);
            }
        }

        @Override
        public void onPong(WebSocket ws, ByteBuffer payload) {
            if (shown) {
                handler.onPong(ws, payload);
            }
        }

        @Override
        public void onWritable(WebSocket ws) {
            if (shown) {
                handler.onWritable(ws);
            }
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (shown) {
                handler.onError(ws, error);
            }
        }

        @Override
        public void onClose(WebSocket ws, int code, String reason, boolean remote) {
            synchronized (Reconnecting.this) {
                if (current == ws) {
                    current = null;
                }
            }
            try {
                if (shown) {
                    handler.onClose(ws, code, reason, remote);
                }
            } finally {
                retry();
            }
        }
    }

    /** Collects the backoff and the listener. Not thread-safe: build on one thread. */
    public static final class Builder {
        private final WebSocketClient client;
        private final URI uri;
        private final WebSocketHandler handler;
        private Duration initial = Duration.ofSeconds(1);
        private Duration cap = Duration.ofSeconds(30);
        private Listener listener = attempt -> { };

        private Builder(WebSocketClient client, URI uri, WebSocketHandler handler) {
            this.client = Objects.requireNonNull(client, "client");
            this.uri = Objects.requireNonNull(uri, "uri");
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        /**
         * The backoff: the first attempt after an end waits up to {@code initial}, each failed one
         * doubles it, never past {@code cap}; each wait is a random point between half and all of it.
         *
         * @param initial the first wait's upper bound, at least 1 ms
         * @param cap the longest wait, at least {@code initial}
         * @return this builder
         */
        public Builder backoff(Duration initial, Duration cap) {
            if (initial.toMillis() < 1 || cap.compareTo(initial) < 0) {
                throw new IllegalArgumentException("want 1 ms <= initial <= cap, got " + initial + ", " + cap);
            }
            this.initial = initial;
            this.cap = cap;
            return this;
        }

        /**
         * Told when each attempt to reconnect starts, with its number.
         *
         * @param listener the listener, called on the timer thread
         * @return this builder
         */
        public Builder onReconnect(Listener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** {@return the reconnecting connection, its first attempt started} */
        public Reconnecting start() {
            Reconnecting r = new Reconnecting(this);
            r.connect();
            return r;
        }
    }
}
