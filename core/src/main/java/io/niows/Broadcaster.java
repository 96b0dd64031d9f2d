package io.niows;

import io.niows.protocol.SharedMessage;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The observer list: connections join, every broadcast message reaches every member, and a
 * connection that closes leaves by itself.
 *
 * <p>A broadcast encodes its frame once; every member's write queue gets a read-only view of the
 * same bytes (server frames are unmasked, so they are the same for everyone). Each member may
 * have at most {@link #maxQueuedBytes()} waiting to be written; a broadcast that would pass it
 * applies the {@link OverflowPolicy}, so one slow reader never stalls the others nor grows memory
 * without bound.
 *
 * <p>A message whose frame alone is larger than {@link #maxQueuedBytes()} could not be queued
 * within the limit even by a member that has written everything, so it says nothing about how
 * slow a member is: such a broadcast is refused for every member, closes and skips no one, and
 * is counted in {@link #oversized()}. Keep the server's {@code maxMessageSize} (plus the 10 bytes
 * of the largest frame header) within this limit and it never happens.
 *
 * <p>Joining again costs nothing: a close listener cannot be withdrawn from a connection, so a
 * connection that left while open keeps this broadcaster's one listener and one set entry until
 * it closes, however often it joined and left, and reuses them when it comes back.
 *
 * <p>Thread-safe: members may be added, removed and broadcast to from any thread, handlers
 * included. One thread's broadcasts reach each member in the order they were made.
 */
public final class Broadcaster {

    /** What happens to a member whose queue is full when a broadcast comes. */
    public enum OverflowPolicy {
        /** Close the member with 1008 (policy violation): it cannot keep up. */
        CLOSE,
        /** Skip this message for that member and count it in {@link #skipped()}. */
        SKIP
    }

    /** The default limit of queued bytes per member: 1 MiB. */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 1L << 20;

    private final Set<BroadcastMember> members = ConcurrentHashMap.newKeySet();
    /** Given to each member at its join, withdrawn when it leaves: one object for all members. */
    private final Consumer<WebSocket> leaveOnClose = this::closed;
    private final Predicate<BroadcastMember> evict = members::remove;
    private final Fanout fanout;

    /** A broadcaster with 1 MiB of queue per member and the {@link OverflowPolicy#CLOSE} policy. */
    public Broadcaster() {
        this(DEFAULT_MAX_QUEUED_BYTES, OverflowPolicy.CLOSE);
    }

    /**
     * A broadcaster with the given limit per member and policy past it.
     *
     * @param maxQueuedBytes the bytes a member may have waiting before the policy applies
     * @param policy what to do with a member past that limit
     */
    public Broadcaster(long maxQueuedBytes, OverflowPolicy policy) {
        this.fanout = new Fanout(maxQueuedBytes, policy);
    }

    /**
     * Adds a connection of a niows server.
     *
     * @param ws the connection to add; it leaves by itself when it closes
     * @return {@code false} if it was a member already or is closed
     * @throws IllegalArgumentException for a connection niows did not make, or a client connection
     */
    public boolean add(WebSocket ws) {
        BroadcastMember member = member(ws);
        if (!ws.isOpen() || !members.add(member)) {
            return false;
        }
        member.onClosed(leaveOnClose);
        return true;
    }

    /**
     * Removes a connection. A connection that left keeps nothing of this broadcaster: its close
     * listener is withdrawn with it.
     *
     * @param ws the connection to remove
     * @return whether it was a member
     */
    public boolean remove(WebSocket ws) {
        if (!(ws instanceof BroadcastMember) || !members.remove(ws)) {
            return false;
        }
        ((BroadcastMember) ws).removeOnClosed(leaveOnClose);
        return true;
    }

    private void closed(WebSocket ws) {
        members.remove(ws);
    }

    /**
     * Tells whether a connection is a member.
     *
     * @param ws the connection to look for
     * @return whether it is a member
     */
    public boolean contains(WebSocket ws) {
        return ws instanceof BroadcastMember && members.contains(ws);
    }

    /** {@return the number of members} */
    public int size() {
        return members.size();
    }

    /** {@return a snapshot of the members} */
    public Set<WebSocket> members() {
        return Set.copyOf(members);
    }

    /**
     * Sends a text message to every member.
     *
     * @param text the message
     * @return how many members it was queued for: none if its frame is larger than
     *     {@link #maxQueuedBytes()}
     */
    public int broadcast(CharSequence text) {
        return send(SharedMessage.text(text, members.size() >= Fanout.DIRECT_THRESHOLD));
    }

    /**
     * Sends a binary message (the bytes from position to limit; the buffer is untouched) to every
     * member.
     *
     * @param data the message
     * @return how many members it was queued for: none if its frame is larger than
     *     {@link #maxQueuedBytes()}
     */
    public int broadcast(ByteBuffer data) {
        return send(SharedMessage.binary(data, members.size() >= Fanout.DIRECT_THRESHOLD));
    }

    private int send(SharedMessage message) {
        return fanout.send(message, members, evict);
    }

    /**
     * {@return the messages skipped for members over their limit under {@link OverflowPolicy#SKIP},
     * or in the middle of sending a fragmented message of their own}
     */
    public long skipped() {
        return fanout.skipped();
    }

    /** {@return the members closed for being over their limit, under {@link OverflowPolicy#CLOSE}} */
    public long evicted() {
        return fanout.evicted();
    }

    /**
     * {@return the broadcasts refused because their frame alone is larger than
     * {@link #maxQueuedBytes()}} They reached no member, and no member was closed or skipped for
     * them.
     */
    public long oversized() {
        return fanout.oversized();
    }

    /** {@return the bytes a member may have waiting before the policy applies} */
    public long maxQueuedBytes() {
        return fanout.maxQueuedBytes();
    }

    /** {@return what happens to a member over its limit} */
    public OverflowPolicy policy() {
        return fanout.policy();
    }

    static BroadcastMember member(WebSocket ws) {
        if (!(ws instanceof BroadcastMember) || ((BroadcastMember) ws).masksFrames()) {
            throw new IllegalArgumentException("only connections of a niows server can join a Broadcaster or Topics");
        }
        return (BroadcastMember) ws;
    }
}
