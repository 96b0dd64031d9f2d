package io.niows.examples;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * A WebSocket client for tests, on the JDK's own implementation ({@code java.net.http}), an
 * independent check of the server: it collects whole messages in a queue and waits for them
 * with a timeout. Closing it ends the close handshake and its executor's threads.
 *
 * <p>Not thread-safe: one test thread drives it; the JDK's threads only fill its queue.
 */
public final class TestClient implements AutoCloseable {

    /** The longest any single wait in a test may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How the connection ended. */
    public record Close(int code, String reason) {
    }

    private final ExecutorService executor;
    private final Listener listener;
    private final WebSocket ws;

    private TestClient(ExecutorService executor, Listener listener, WebSocket ws) {
        this.executor = executor;
        this.listener = listener;
        this.ws = ws;
    }

    /** Connects, waiting at most {@link #TIMEOUT} for the handshake. */
    public static TestClient connect(URI uri) throws Exception {
        return connect(uri, (String) null);
    }

    /** Connects with an {@code Origin} header, as a browser would; {@code null} for none. */
    public static TestClient connect(URI uri, String origin) throws Exception {
        return connect(uri, origin, SSLContext.getDefault());
    }

    /** Connects to a {@code wss://} URL trusting what {@code tls} trusts. */
    public static TestClient connect(URI uri, SSLContext tls) throws Exception {
        return connect(uri, null, tls);
    }

    private static TestClient connect(URI uri, String origin, SSLContext tls) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            HttpClient http = HttpClient.newBuilder().executor(executor).connectTimeout(TIMEOUT).sslContext(tls)
                    .build();
            WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(TIMEOUT);
            if (origin != null) {
                builder.header("Origin", origin);
            }
            Listener listener = new Listener();
            WebSocket ws = builder.buildAsync(uri, listener).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new TestClient(executor, listener, ws);
        } catch (Exception e) {
            executor.shutdownNow();
            throw e;
        }
    }

    /** Sends a whole text message and waits until it is written. */
    public void sendText(String text) throws Exception {
        ws.sendText(text, true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a whole binary message and waits until it is written. */
    public void sendBinary(ByteBuffer data) throws Exception {
        ws.sendBinary(data, true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next whole message, a {@link String} or a {@link ByteBuffer}; fails after the timeout. */
    public Object next() throws InterruptedException {
        Object message = listener.messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + TIMEOUT);
        }
        return message;
    }

    /** The next whole message, which must be text. */
    public String nextText() throws InterruptedException {
        Object message = next();
        if (!(message instanceof String)) {
            throw new AssertionError("expected a text message, got " + message);
        }
        return (String) message;
    }

    /** The next whole message, which must be binary. */
    public ByteBuffer nextBinary() throws InterruptedException {
        Object message = next();
        if (!(message instanceof ByteBuffer)) {
            throw new AssertionError("expected a binary message, got " + message);
        }
        return (ByteBuffer) message;
    }

    /** Waits for the server to close; fails after the timeout. */
    public Close awaitClose() throws Exception {
        return listener.closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the connection has ended. */
    public boolean isClosed() {
        return listener.closed.isDone();
    }

    /** Ends the close handshake (if the server has not) and the client's threads. */
    @Override
    public void close() throws ExecutionException, TimeoutException {
        try {
            if (!listener.closed.isDone() && !ws.isOutputClosed()) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            listener.closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while closing", e);
        } finally {
            ws.abort();
            stopThreads();
        }
    }

    private void stopThreads() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the client's threads did not end within " + TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Joins fragments into whole messages and queues them. */
    private static final class Listener implements WebSocket.Listener {

        final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Close> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                messages.add(ByteBuffer.wrap(binary.toByteArray()));
                binary.reset();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(new Close(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(new Close(1006, String.valueOf(error)));
        }
    }
}
