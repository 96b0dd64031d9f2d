package io.niows.examples.chat;

import io.niows.Broadcaster;
import io.niows.WebSocket;
import io.niows.WebSocketServer;
import io.niows.examples.Tls;
import io.niows.examples.chat.redis.RedisChat;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * The chat example's server: the page at {@code /}, the room's WebSocket at {@code /chat} and
 * the server's metrics for Prometheus at {@code /metrics} ({@link MetricsPage}), on one port,
 * from niows alone.
 *
 * <p>It runs one selector loop. niows keeps the order of one thread's sends, and the room must
 * show every member the same order (and a newcomer its welcome before anything newer): with one
 * loop every send comes from the same thread. One loop is plenty for a chat.
 *
 * <p>It serves only requests addressed to one of its {@link OwnHosts own names}, page and
 * WebSocket alike, and a handshake only from its own page, from the page of a {@link ChatPeers
 * peer} it was given (a node of the same Redis-shared room), or from a client that is not a
 * browser ({@link SameOriginHook}).
 *
 * <p>Stateless and thread-safe; each {@link #start} builds an independent server and room.
 */
public final class ChatServer {

    /** The WebSocket path of the room. */
    public static final String PATH = "/chat";

    /** The room's name in Redis, for the chat across processes. */
    static final String ROOM = "lobby";

    /**
     * The largest client message, and frame (the page never fragments): 32 KiB. The page sends a
     * text of 2000 characters in at most 8 KB (4 bytes a character); even written with every
     * character as an escaped surrogate pair (12 bytes), such a text and the JSON around it stay
     * under 25 KB. Anything bigger is not a chat message and is closed with 1009 from its frame
     * header, before it is buffered.
     */
    static final int MAX_MESSAGE_SIZE = 32 << 10;

    /**
     * The bytes that may wait for one member before it is closed with 1008 as too slow: 1 MiB.
     * The room's largest broadcast, a message of 2000 four-byte characters, is about 8 KB, and a
     * newcomer's welcome (50 of them) about 400 KB: a member may fall behind by its welcome and
     * some seventy messages more, and every broadcast fits, so none is refused as oversized.
     */
    static final long MEMBER_QUEUE_LIMIT = 1 << 20;

    /**
     * A browser tab that vanished without a close (a laptop lid, a lost network) is found by a
     * ping after this much silence and dropped when the pong does not come, so it leaves the room.
     */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

    private ChatServer() {
    }

    /**
     * Starts a chat server.
     *
     * @param host the address to listen on, such as {@code 127.0.0.1}
     * @param port the port, or 0 for any free one ({@link WebSocketServer#port()} tells which)
     * @return the running server; close it to stop
     * @throws IOException if it cannot listen there
     */
    public static WebSocketServer start(String host, int port) throws IOException {
        return start(host, port, null);
    }

    /**
     * Starts a chat server, the page over {@code https://} and its WebSocket over {@code wss://}
     * if {@code tls} is not null.
     *
     * @param host the address to listen on, such as {@code 127.0.0.1}
     * @param port the port, or 0 for any free one ({@link WebSocketServer#port()} tells which)
     * @param tls the TLS context to serve with, or null for plain {@code http://} and {@code ws://}
     * @return the running server; close it to stop
     * @throws IOException if it cannot listen there
     */
    public static WebSocketServer start(String host, int port, SSLContext tls) throws IOException {
        return serve(host, port, tls, newRoom(new LocalChatShared(ChatLimits.DEFAULTS.historySize())),
                ChatPeers.NONE);
    }

    /**
     * Starts a chat node whose room is shared, through Redis, with every node given the same
     * Redis: see {@link RedisChat} for what is shared and how faults are borne.
     *
     * @param host the address to listen on, such as {@code 127.0.0.1}
     * @param port the port, or 0 for any free one
     * @param tls the TLS context to serve with, or null for plain {@code http://} and {@code ws://}
     * @param redis {@code redis://host:port}; Redis may be down now, the node connects when it is up
     * @return the running node; close it to stop its server and its Redis connections
     * @throws IOException if it cannot listen there
     */
    public static ChatNode start(String host, int port, SSLContext tls, URI redis) throws IOException {
        return start(host, port, tls, redis, ChatPeers.NONE);
    }

    /**
     * Starts a chat node whose room is shared through Redis and whose page fails over to the
     * other nodes given: when its connection drops, it tries the next URL of the list, its own
     * node's first. Pages served by those nodes may connect to this one ({@link ChatPeers}).
     *
     * @param host the address to listen on, such as {@code 127.0.0.1}
     * @param port the port, or 0 for any free one
     * @param tls the TLS context to serve with, or null for plain {@code http://} and {@code ws://}
     * @param redis {@code redis://host:port}; Redis may be down now, the node connects when it is up
     * @param peers the WebSocket URLs of the room's nodes (this one's may be among them)
     * @return the running node; close it to stop its server and its Redis connections
     * @throws IOException if it cannot listen there
     */
    public static ChatNode start(String host, int port, SSLContext tls, URI redis, ChatPeers peers)
            throws IOException {
        RedisChat shared = RedisChat.connect(redis, ROOM, ChatLimits.DEFAULTS.historySize());
        ChatRoom<WebSocket> room = newRoom(shared);
        shared.start(room::relay);
        try {
            return new ChatNode(serve(host, port, tls, room, peers), shared);
        } catch (IOException | RuntimeException e) {
            shared.close();
            throw e;
        }
    }

    private static ChatRoom<WebSocket> newRoom(ChatShared shared) {
        return new ChatRoom<>(
                new WebSocketChatOutput(new Broadcaster(MEMBER_QUEUE_LIMIT, Broadcaster.OverflowPolicy.CLOSE)),
                ChatLimits.DEFAULTS, Clock.systemUTC(), shared);
    }

    private static WebSocketServer serve(String host, int port, SSLContext tls, ChatRoom<WebSocket> room,
            ChatPeers peers) throws IOException {
        // With port 0 the port is known once the server listens; until then no one can know it
        // either, so a request that comes first and names another port is rightly refused.
        AtomicInteger listening = new AtomicInteger(port);
        OwnHosts hosts = OwnHosts.listeningOn(host, listening::get);
        AtomicReference<WebSocketServer> running = new AtomicReference<>();
        WebSocketServer server = Tls.serving(WebSocketServer.builder(), tls)
                .host(host)
                .port(port)
                .route(PATH, new ChatHandler(room))
                .fallback(new HostCheckedHandler(hosts, new MetricsPage(
                        () -> running.get() == null ? null : running.get().metrics(), StaticFiles.chatPage(peers))))
                .handshakeHook(new SameOriginHook(hosts, peers))
                .maxFrameSize(MAX_MESSAGE_SIZE)
                .maxMessageSize(MAX_MESSAGE_SIZE)
                .loops(1)
                .keepAlive(KEEP_ALIVE, KEEP_ALIVE)
                .build()
                .start();
        listening.set(server.port());
        running.set(server);
        return server;
    }
}
