package io.niows.examples.redis;

import io.niows.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Topics that span several server processes through Redis pub/sub: each topic is the Redis
 * channel {@code prefix + topic}. {@link #publish} sends a message to Redis (and appends it to
 * the topic's capped history list in the same script, so history and delivery share one order);
 * every process, the publishing one included, delivers what arrives from Redis to the local
 * subscribers of its {@link Topics}: each message is encoded once per process. Every subscriber
 * of a topic, on any process, sees that topic's messages in the order Redis received them.
 *
 * <p>Faults: when Redis goes away the subscriber thread reconnects with a backoff doubling from
 * {@link #FIRST_BACKOFF} to {@link #MAX_BACKOFF} and subscribes again. Redis pub/sub keeps
 * nothing for a disconnected subscriber: messages published while a process is cut off are not
 * delivered to its members (they are in the history, if Redis kept it), and a {@link #publish}
 * while Redis is unreachable fails and returns {@code false}.
 *
 * <p>Thread-safe: publish and read history from any thread; one thread of its own receives.
 */
public final class RedisRelay implements AutoCloseable {

    /** The first wait before reconnecting to Redis. */
    public static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    /** The longest wait between two attempts to reconnect. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(RedisRelay.class.getName());
    /** KEYS[1] the history list, KEYS[2] the channel; ARGV[1] the message, ARGV[2] the history size. */
    private static final String PUBLISH = "redis.call('RPUSH', KEYS[1], ARGV[1]) "
            + "redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1) "
            + "return redis.call('PUBLISH', KEYS[2], ARGV[1])";

    private final String host;
    private final int port;
    private final String prefix;
    private final int historySize;
    private final Topics topics;
    private final JedisPool commands;
    private final Thread receiver;
    private final AtomicReference<JedisPubSub> subscription = new AtomicReference<>();
    private volatile boolean closed;
    private volatile boolean subscribed;

    /**
     * Connects to Redis and starts relaying its channels {@code prefix*} to {@code topics}.
     *
     * @param redis the server, as {@code redis://host:port}
     * @param prefix the start of every channel and history key of these topics
     * @param historySize how many of a topic's last messages Redis keeps
     * @param topics the local subscribers
     */
    public RedisRelay(URI redis, String prefix, int historySize, Topics topics) {
        if (!"redis".equals(redis.getScheme()) || redis.getHost() == null || redis.getPort() < 0) {
            throw new IllegalArgumentException("expected redis://host:port, got " + redis);
        }
        this.host = redis.getHost();
        this.port = redis.getPort();
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.historySize = historySize;
        this.topics = Objects.requireNonNull(topics, "topics");
        this.commands = new JedisPool(host, port);
        this.receiver = new Thread(this::receive, "niows-redis-relay");
        receiver.setDaemon(true);
        receiver.start();
    }

    /**
     * Publishes a message to a topic on every process, and keeps it in the topic's history.
     *
     * @param topic the topic
     * @param message the message
     * @return whether Redis took it ({@code false} while Redis is unreachable: the message is lost)
     */
    public boolean publish(String topic, String message) {
        // A pooled connection from before a Redis restart fails once: the second try takes a new one.
        for (int attempt = 0; attempt < 2; attempt++) {
            try (Jedis jedis = commands.getResource()) {
                jedis.eval(PUBLISH, List.of(historyKey(topic), prefix + topic),
                        List.of(message, Integer.toString(historySize)));
                return true;
            } catch (JedisException unreachable) {
                LOG.log(Level.FINE, "publish to Redis failed", unreachable);
            }
        }
        return false;
    }

    /**
     * {@return a topic's last messages, oldest first, or an empty list while Redis is unreachable}
     *
     * @param topic the topic
     */
    public List<String> history(String topic) {
        try (Jedis jedis = commands.getResource()) {
            return jedis.lrange(historyKey(topic), 0, -1);
        } catch (JedisException unreachable) {
            LOG.log(Level.FINE, "history from Redis failed", unreachable);
            return List.of();
        }
    }

    /** {@return whether the receiving connection is subscribed now} */
    public boolean isSubscribed() {
        return subscribed;
    }

    private String historyKey(String topic) {
        return prefix + "history:" + topic;
    }

    private void receive() {
        long backoff = FIRST_BACKOFF.toMillis();
        while (!closed) {
            JedisPubSub pubSub = new JedisPubSub() {
                @Override
                public void onPMessage(String pattern, String channel, String message) {
                    if (!channel.startsWith(prefix + "history:")) {
                        topics.publish(channel.substring(prefix.length()), message);
                    }
                }

                @Override
                public void onPSubscribe(String pattern, int count) {
                    subscribed = true;
                }
            };
            subscription.set(pubSub);
            try (Jedis jedis = new Jedis(host, port)) {
                if (!closed) {
                    jedis.psubscribe(pubSub, prefix + "*");
                }
                backoff = FIRST_BACKOFF.toMillis();
            } catch (JedisException lost) {
                LOG.log(Level.FINE, "Redis subscription lost; retrying in " + backoff + " ms", lost);
            } finally {
                subscribed = false;
            }
            if (!closed && !sleep(backoff)) {
                return;
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
        }
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException stop) {
            return false;
        }
    }

    /** Stops receiving and closes the connections to Redis. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        JedisPubSub pubSub = subscription.get();
        if (pubSub != null && pubSub.isSubscribed()) {
            try {
                pubSub.punsubscribe();
            } catch (JedisException redisGone) {
                // Redis went away and the receiver has not seen it yet: its read fails by itself.
                LOG.log(Level.FINE, "unsubscribing from a Redis that is gone", redisGone);
            }
        }
        receiver.interrupt();
        receiver.join(5_000);
        commands.close();
    }
}
