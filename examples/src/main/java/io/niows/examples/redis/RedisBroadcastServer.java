package io.niows.examples.redis;

import io.niows.Broadcaster;
import io.niows.CloseCode;
import io.niows.Topics;
import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import io.niows.examples.BroadcastServer;
import io.niows.examples.Tls;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * The broadcast example across processes ({@code broadcast --redis redis://HOST:PORT}): every
 * text message any client of any node sends goes to every client of every node given the same
 * Redis, the sender included, through {@link RedisRelay}: the topic {@value #TOPIC}, the Redis
 * channel {@code niows:broadcast:broadcast}. Each node delivers what arrives from Redis, its own
 * clients' messages too, so every client of every node sees the messages in the one order Redis
 * received them. It is also the load target of the 2-node broadcast figure (bench/README.md,
 * "Topics (issue 17)").
 *
 * <ul>
 *   <li>A publish to Redis is a network round trip; it runs on a thread of its own, never on the
 *       selector loop, in the order the loop received the messages. At most
 *       {@value #PUBLISH_QUEUE} messages wait for it; a client whose message finds the queue full
 *       is closed with 1013 (try again later), as is every client while Redis is unreachable
 *       (the message could not be relayed).</li>
 *   <li>Binary messages are not relayed (the relay carries text): their sender is closed with
 *       1003.</li>
 *   <li>Limits as {@link BroadcastServer}: messages up to 64 KiB, 1 MiB queued per client, past
 *       which a client is closed with 1008.</li>
 *   <li>{@link RedisRelay} keeps the last message in Redis ({@code niows:broadcast:history:broadcast});
 *       this example does not read it.</li>
 * </ul>
 *
 * <p>Thread-safe: {@link #close} from any thread.
 */
public final class RedisBroadcastServer implements AutoCloseable {

    /** The one topic every client is subscribed to. */
    public static final String TOPIC = "broadcast";
    /** The messages that may wait to be published to Redis. */
    public static final int PUBLISH_QUEUE = 4096;

    private static final String PREFIX = "niows:broadcast:";

    private final WebSocketServer server;
    private final RedisRelay relay;
    private final ThreadPoolExecutor publisher;

    private RedisBroadcastServer(WebSocketServer server, RedisRelay relay, ThreadPoolExecutor publisher) {
        this.server = server;
        this.relay = relay;
        this.publisher = publisher;
    }

    /**
     * Starts a node.
     *
     * @param host the address to listen on
     * @param port the port, or 0 for any free one
     * @param tls the TLS context to serve {@code wss://} with, or null for plain {@code ws://}
     * @param redis {@code redis://host:port}; the node subscribes when Redis is up
     * @return the running node; close it to stop its server, its publisher and its relay
     * @throws IOException if it cannot listen there
     */
    public static RedisBroadcastServer start(String host, int port, SSLContext tls, URI redis) throws IOException {
        Topics topics = new Topics(BroadcastServer.OBSERVER_QUEUE_LIMIT, Broadcaster.OverflowPolicy.CLOSE);
        RedisRelay relay = new RedisRelay(redis, PREFIX, 1, topics);
        ThreadPoolExecutor publisher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(PUBLISH_QUEUE), r -> {
                    Thread thread = new Thread(r, "niows-broadcast-redis-publisher");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            WebSocketServer server = Tls.serving(WebSocketServer.builder(), tls)
                    .host(host)
                    .port(port)
                    .defaultRoute(new Relay(topics, relay, publisher))
                    .maxFrameSize(BroadcastServer.MAX_MESSAGE_SIZE)
                    .maxMessageSize(BroadcastServer.MAX_MESSAGE_SIZE)
                    .loops(1)
                    .build()
                    .start();
            return new RedisBroadcastServer(server, relay, publisher);
        } catch (IOException | RuntimeException e) {
            publisher.shutdownNow();
            closeQuietly(relay);
            throw e;
        }
    }

    /** {@return the node's WebSocket server} */
    public WebSocketServer server() {
        return server;
    }

    /** {@return whether the node is subscribed to Redis now} */
    public boolean subscribed() {
        return relay.isSubscribed();
    }

    /** Closes the server (its clients get 1001), lets the queued publishes finish, closes the relay. */
    @Override
    public void close() {
        server.close();
        publisher.shutdown();
        try {
            publisher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(relay);
    }

    private static void closeQuietly(RedisRelay relay) {
        try {
            relay.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Subscribes each connection and hands its messages to the publisher thread; loop thread only. */
    private static final class Relay implements WebSocketHandler {

        private final Topics topics;
        private final RedisRelay relay;
        private final ThreadPoolExecutor publisher;

        Relay(Topics topics, RedisRelay relay, ThreadPoolExecutor publisher) {
            this.topics = topics;
            this.relay = relay;
            this.publisher = publisher;
        }

        @Override
        public void onOpen(WebSocket ws) {
            topics.subscribe(ws, TOPIC);
        }

        @Override
        public void onText(WebSocket ws, String text) {
            try {
                publisher.execute(() -> {
                    if (!relay.publish(TOPIC, text)) {
                        ws.close(CloseCode.TRY_AGAIN_LATER, "Redis is unreachable");
                    }
                });
            } catch (RejectedExecutionException full) {
                ws.close(CloseCode.TRY_AGAIN_LATER, "too many messages waiting for Redis");
            }
        }

        @Override
        public void onBinary(WebSocket ws, ByteBuffer data) {
            ws.close(CloseCode.UNSUPPORTED_DATA, "only text is relayed");
        }
    }
}
