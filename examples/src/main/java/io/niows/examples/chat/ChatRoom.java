package io.niows.examples.chat;

import io.niows.CloseCode;
import io.niows.examples.json.JsonWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The chat room's rules, apart from any network: who has joined under which name, the recent
 * history, and what each client message leads to. It owns no socket: it is told of connections,
 * messages and disconnections, and answers through a {@link ChatOutput}.
 *
 * <p>The rules: a connection must {@code join} with a name (unique, case-insensitively) before
 * it may {@code say} anything, and joins once. A joined member receives every message and every
 * join and leave, in the order the room handled them; a newcomer first gets a {@code welcome}
 * with who is online and the last {@link ChatLimits#historySize()} messages. Bad input (not
 * JSON, an unknown type, a bad name or text, saying before joining) is answered with an
 * {@code error} to that client alone and changes nothing. Each connection has a token bucket;
 * a message past it is refused with an {@code error}, and after
 * {@link ChatLimits#maxStrikes()} refusals in a row the connection is closed with 1008.
 *
 * <p>Thread-safe: every method holds the room's lock, and calls the output under it, so that
 * history and every member see the same order.
 *
 * @param <P> the handle on a connection, such as {@link io.niows.WebSocket}
 */
public final class ChatRoom<P> {

    private final ChatOutput<P> output;
    private final ChatLimits limits;
    private final Clock clock;
    private final ChatShared shared;
    private final Map<String, ChatSession<P>> members = new LinkedHashMap<>();

    /**
     * A room in this process alone.
     *
     * @param output where the room's messages go
     * @param limits the limits to enforce
     * @param clock the time of messages and of rate limiting
     */
    public ChatRoom(ChatOutput<P> output, ChatLimits limits, Clock clock) {
        this(output, limits, clock, new LocalChatShared(limits.historySize()));
    }

    /**
     * A room whose names and history are shared with other nodes.
     *
     * @param output where the room's messages go
     * @param limits the limits to enforce
     * @param clock the time of messages and of rate limiting
     * @param shared the names and history of the room, on every node
     */
    public ChatRoom(ChatOutput<P> output, ChatLimits limits, Clock clock, ChatShared shared) {
        this.output = Objects.requireNonNull(output, "output");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    /** A new connection, not yet a member. */
    public synchronized ChatSession<P> connect(P peer) {
        return new ChatSession<>(peer, new TokenBucket(limits.burst(), limits.refillMillis(),
                clock.millis()));
    }

    /** One text message from a connection. Never throws for bad input. */
    public synchronized void receive(ChatSession<P> session, String json) {
        if (session.gone) {
            return;
        }
        if (!session.bucket.tryTake(clock.millis())) {
            refuseFlood(session);
            return;
        }
        session.strikes = 0;
        try {
            ChatCommand command = ChatCommand.parse(json, limits);
            if (command instanceof ChatCommand.Join join) {
                join(session, join.name());
            } else {
                say(session, ((ChatCommand.Say) command).text());
            }
        } catch (ChatProtocolException refusal) {
            output.send(session.peer, ChatMessages.error(refusal));
        }
    }

    /** The connection is gone: a member leaves, and the others are told. */
    public synchronized void disconnect(ChatSession<P> session) {
        if (session.gone) {
            return;
        }
        session.gone = true;
        if (session.name != null) {
            members.remove(key(session.name));
            shared.release(session.name);
            output.unsubscribe(session.peer);
            announce(ChatMessages.left(session.name, clock.millis()));
        }
    }

    /**
     * The names of the members, of every node sharing the room: in the order they joined for a
     * room in one process, by name through Redis.
     */
    public synchronized List<String> online() {
        return shared.online();
    }

    /**
     * A room message that another node sharing the room handled: goes to this node's members, in
     * the order of the room's other events here.
     *
     * @param json the message, as the other node broadcast it
     */
    public synchronized void relay(String json) {
        output.broadcast(json);
    }

    private void join(ChatSession<P> session, String name) throws ChatProtocolException {
        if (session.name != null) {
            throw new ChatProtocolException("already-joined", "You have joined already.");
        }
        if (members.containsKey(key(name)) || !shared.claim(name)) {
            throw new ChatProtocolException("name-taken", "That name is taken; choose another.");
        }
        announce(ChatMessages.joined(name, clock.millis()));
        session.name = name;
        members.put(key(name), session);
        output.send(session.peer, ChatMessages.welcome(name, online(), shared.history()));
        output.subscribe(session.peer);
    }

    private void say(ChatSession<P> session, String text) throws ChatProtocolException {
        if (session.name == null) {
            throw new ChatProtocolException("not-joined",
                    "Join with a name before you say anything.");
        }
        Map<String, Object> message = ChatMessages.message(session.name, text, clock.millis());
        shared.record(message);
        announce(JsonWriter.write(message));
    }

    /** A room event: to this node's members, and to the other nodes sharing the room. */
    private void announce(String json) {
        output.broadcast(json);
        shared.publish(json);
    }

    private void refuseFlood(ChatSession<P> session) {
        if (++session.strikes >= limits.maxStrikes()) {
            output.close(session.peer, CloseCode.POLICY_VIOLATION, "too many messages");
            return;
        }
        output.send(session.peer, ChatMessages.error(new ChatProtocolException("slow-down",
                "You are sending too fast; that message was not sent.")));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
