package io.niows.examples.chat.redis;

import io.niows.examples.chat.ChatShared;
import io.niows.examples.json.JsonException;
import io.niows.examples.json.JsonReader;
import io.niows.examples.json.JsonWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One chat node's share of a room kept in Redis, so that several chat processes are one room.
 *
 * <ul>
 *   <li>Events: each room event (join, leave, message) is published on the Redis channel
 *       {@code niows:chat:ROOM} as {@code NODE JSON}; every other node's subscriber thread hands
 *       it to its room ({@link io.niows.examples.chat.ChatRoom#relay}), which encodes it once
 *       for all its members. A node delivers its own events to its members at once, not through
 *       Redis.</li>
 *   <li>History: the list {@code niows:chat:ROOM:history}, capped at the room's history size
 *       ({@code RPUSH} + {@code LTRIM}), read whole at each join.</li>
 *   <li>Presence: the hash {@code niows:chat:ROOM:online}, lower-cased name to
 *       {@code NODE|Name}; each node sets {@code niows:chat:node:NODE} with a 3 s expiry every
 *       second and writes its own names again then. A name whose node's key has expired (the node
 *       died) is not listed and may be taken again.</li>
 * </ul>
 *
 * <p>Faults: while Redis is unreachable, the node works as a room of its own (names checked
 * locally only, no history for newcomers, events not shared), without waiting on Redis: after a
 * failed call it stops calling until the subscriber is back. The subscriber reconnects with
 * backoff (100 ms doubling to 2 s), subscribes again and writes its presence again. Redis
 * pub/sub keeps nothing for an absent subscriber: events published during the gap are lost for
 * the nodes that were cut off, and a Redis restarted without persistence has lost the history.
 *
 * <p>Thread-safe: its {@link ChatShared} methods are called under the room's lock on a loop
 * thread; its own threads (the subscriber, the heartbeat) touch only thread-safe fields.
 */
public final class RedisChat implements ChatShared, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RedisChat.class.getName());
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 2000;
    private static final int NODE_TTL_SECONDS = 3;
    private static final long HEARTBEAT_SECONDS = 1;

    private final String node = UUID.randomUUID().toString();
    private final String channel;
    private final String historyKey;
    private final String onlineKey;
    private final int historySize;
    private final HostAndPort address;
    private final RedisClient commands;
    /** The names this node's members hold: any thread (the heartbeat writes them again). */
    private final Set<String> mine = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;
    private final Thread subscriber;
    /** Whether the last call to Redis worked: any thread. */
    private volatile boolean healthy;
    private volatile boolean closed;
    /** The subscriber's connection now, closed by {@link #close} to end its blocking read. */
    private volatile Jedis subscription;
    private volatile Consumer<String> relay;

    private RedisChat(URI redis, String room, int historySize) {
        this.channel = "niows:chat:" + room;
        this.historyKey = channel + ":history";
        this.onlineKey = channel + ":online";
        this.historySize = historySize;
        this.address = new HostAndPort(redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort());
        JedisClientConfig config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(250).socketTimeoutMillis(1000).build();
        // Each borrowed connection is checked with a PING: after a Redis restart the idle ones are dead.
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setTestOnBorrow(true);
        this.commands = RedisClient.builder().hostAndPort(address).clientConfig(config).poolConfig(pool).build();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "niows-chat-redis-heartbeat"));
        this.subscriber = daemon(this::subscribeUntilClosed, "niows-chat-redis-subscriber");
    }

    /**
     * Connects to Redis for a room (the connections are made on demand: Redis may be down now).
     *
     * @param redis {@code redis://host:port}
     * @param room the room's name, part of every key and of the channel
     * @param historySize how many messages the history keeps
     * @return the node's share of the room; {@link #start} it once the room exists
     */
    public static RedisChat connect(URI redis, String room, int historySize) {
        if (!"redis".equals(redis.getScheme()) || redis.getHost() == null) {
            throw new IllegalArgumentException("expected redis://host:port, got " + redis);
        }
        return new RedisChat(redis, room, historySize);
    }

    /**
     * Starts the subscriber and the heartbeat.
     *
     * @param relay where the other nodes' events go: the room's {@code relay}
     */
    public void start(Consumer<String> relay) {
        this.relay = relay;
        healthy = true;
        heartbeat.scheduleWithFixedDelay(this::beat, 0, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
        subscriber.start();
    }

    /** {@return whether the subscriber is subscribed now} */
    public boolean subscribed() {
        Jedis now = subscription;
        return healthy && now != null && now.isConnected();
    }

    @Override
    public boolean claim(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        String value = node + "|" + name;
        Boolean taken = call(() -> {
            if (commands.hsetnx(onlineKey, key, value) == 1) {
                return false;
            }
            String owner = commands.hget(onlineKey, key);
            if (owner != null && !owner.startsWith(node + "|") && alive(owner)) {
                return true;
            }
            commands.hset(onlineKey, key, value);
            return false;
        });
        if (Boolean.TRUE.equals(taken)) {
            return false;
        }
        mine.add(name);
        return true;
    }

    @Override
    public void release(String name) {
        mine.remove(name);
        String key = name.toLowerCase(Locale.ROOT);
        call(() -> {
            String owner = commands.hget(onlineKey, key);
            if (owner != null && owner.startsWith(node + "|")) {
                commands.hdel(onlineKey, key);
            }
            return null;
        });
    }

    @Override
    public List<String> online() {
        List<String> names = call(() -> {
            Map<String, Boolean> alive = new HashMap<>();
            List<String> found = new ArrayList<>();
            for (String value : commands.hgetAll(onlineKey).values()) {
                String owner = value.substring(0, value.indexOf('|'));
                if (owner.equals(node) || alive.computeIfAbsent(owner, o -> commands.exists(nodeKey(o)))) {
                    found.add(value.substring(owner.length() + 1));
                }
            }
            return found;
        });
        List<String> result = names == null ? new ArrayList<>(mine) : names;
        result.sort(String.CASE_INSENSITIVE_ORDER);
        return result;
    }

    @Override
    public List<Map<String, Object>> history() {
        List<String> stored = call(() -> commands.lrange(historyKey, 0, -1));
        List<Map<String, Object>> messages = new ArrayList<>();
        for (String json : stored == null ? List.<String>of() : stored) {
            try {
                messages.add(JsonReader.parseObject(json));
            } catch (JsonException e) {
                LOG.log(System.Logger.Level.WARNING, "skipping a history entry that is not JSON: " + e.getMessage());
            }
        }
        return messages;
    }

    @Override
    public void record(Map<String, Object> message) {
        String json = JsonWriter.write(message);
        call(() -> {
            commands.rpush(historyKey, json);
            commands.ltrim(historyKey, -historySize, -1);
            return null;
        });
    }

    @Override
    public void publish(String json) {
        call(() -> commands.publish(channel, node + " " + json));
    }

    /**
     * Gives back this node's names at once, before its members are disconnected, so that they can
     * join again on another node under the same names.
     */
    public void releaseAll() {
        for (String name : List.copyOf(mine)) {
            release(name);
        }
    }

    /** Stops the threads, gives back this node's names, and closes the connections. */
    @Override
    public void close() {
        closed = true;
        heartbeat.shutdownNow();
        Jedis now = subscription;
        if (now != null) {
            now.close();
        }
        subscriber.interrupt();
        try {
            subscriber.join(5000);
            heartbeat.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        releaseAll();
        call(() -> commands.del(nodeKey(node)));
        healthy = false;
        commands.close();
    }

    private boolean alive(String owner) {
        return commands.exists(nodeKey(owner.substring(0, owner.indexOf('|'))));
    }

    private static String nodeKey(String node) {
        return "niows:chat:node:" + node;
    }

    /** Says this node is alive and writes its names again (Redis may have restarted empty). */
    private void beat() {
        try {
            commands.setex(nodeKey(node), NODE_TTL_SECONDS, "1");
            for (String name : mine) {
                commands.hset(onlineKey, name.toLowerCase(Locale.ROOT), node + "|" + name);
            }
            healthy = true;
        } catch (JedisException e) {
            healthy = false;
        }
    }

    private interface RedisCall<T> {
        T run();
    }

    /** Runs a call unless Redis is known to be down; null if it is or the call fails. */
    private <T> T call(RedisCall<T> call) {
        if (!healthy) {
            return null;
        }
        try {
            return call.run();
        } catch (JedisException e) {
            healthy = false;
            LOG.log(System.Logger.Level.WARNING, "Redis unreachable; this node works alone until it is back: " + e);
            return null;
        }
    }

    private void subscribeUntilClosed() {
        long[] backoff = {FIRST_BACKOFF_MILLIS};
        while (!closed) {
            JedisPubSub listener = new JedisPubSub() {
                @Override
                public void onSubscribe(String subscribed, int count) {
                    backoff[0] = FIRST_BACKOFF_MILLIS;
                    healthy = true;
                    beat();
                }

                @Override
                public void onMessage(String from, String message) {
                    int space = message.indexOf(' ');
                    if (space > 0 && !message.substring(0, space).equals(node)) {
                        relay.accept(message.substring(space + 1));
                    }
                }
            };
            try (Jedis connection = new Jedis(address, DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis(250).socketTimeoutMillis(0).build())) {
                subscription = connection;
                if (closed) {
                    return;
                }
                connection.subscribe(listener, channel);
            } catch (JedisException e) {
                healthy = false;
                if (closed) {
                    return;
                }
                if (backoff[0] == FIRST_BACKOFF_MILLIS) {
                    LOG.log(System.Logger.Level.WARNING, "Redis subscription lost; reconnecting: " + e);
                }
            } finally {
                subscription = null;
            }
            try {
                Thread.sleep(backoff[0]);
            } catch (InterruptedException e) {
                return;
            }
            backoff[0] = Math.min(MAX_BACKOFF_MILLIS, backoff[0] * 2);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
