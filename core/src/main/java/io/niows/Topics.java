package io.niows;

import io.niows.Broadcaster.OverflowPolicy;
import io.niows.protocol.SharedMessage;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Publish/subscribe by name: connections subscribe to topics, a message published to a topic
 * reaches every subscriber of that topic, and a connection that closes leaves all its topics by
 * itself. Each topic is a {@link Broadcaster}'s observer list keyed by name, with the same rules:
 * a publish encodes its frame once (and compresses it at most once per permessage-deflate window
 * among the subscribers), every subscriber's queue gets a read-only view of the same bytes, and a
 * subscriber past {@link #maxQueuedBytes()} meets the {@link OverflowPolicy}. A message whose
 * frame alone is larger than the limit is refused for every subscriber and counted in
 * {@link #oversized()}.
 *
 * <p>Costs: subscribe, unsubscribe and publish touch only the topic named and the connection
 * given, never the other topics; a closing connection costs one step per topic it was in. A
 * topic without subscribers is forgotten (publishing to it reaches no one and costs no memory).
 * A connection keeps one close listener of this registry while it is subscribed to anything;
 * giving and withdrawing it (a connection's first subscription and its last unsubscription)
 * takes one lock of the registry, briefly.
 *
 * <p>Order: messages published to one topic by one thread reach every subscriber in the order
 * they were published, and so do messages one thread publishes to several topics (and sends of
 * its own to a connection), for a subscriber of both: sends ordered by happens-before reach the
 * peer in that order. Publishes from different threads not ordered by happens-before (two loops
 * publishing at once) may interleave differently for different subscribers. A connection that
 * subscribes while a publish runs may or may not get that message; it gets every later one.
 *
 * <p>Thread-safe: subscribe, unsubscribe and publish from any thread, handlers of any loop
 * included, and from several threads at once.
 */
public final class Topics {

    /** Subscribers by topic: a topic is here while it has at least one. */
    private final Map<String, Set<BroadcastMember>> topics = new ConcurrentHashMap<>();
    /** Topics by subscriber, so that a closing connection leaves its own topics alone. */
    private final Map<BroadcastMember, Set<String>> subscriptions = new ConcurrentHashMap<>();
    /** Given to a connection at its first subscription, withdrawn when it has none left. */
    /** The members holding {@link #leaveAllOnClose}; guarded by itself. */
    private final Set<BroadcastMember> listening = new HashSet<>();
    private final Consumer<WebSocket> leaveAllOnClose = ws -> leaveAll((BroadcastMember) ws);
    private final Predicate<BroadcastMember> evict = this::leaveAll;
    private final Fanout fanout;

    /** Topics with 1 MiB of queue per subscriber and the {@link OverflowPolicy#CLOSE} policy. */
    public Topics() {
        this(Broadcaster.DEFAULT_MAX_QUEUED_BYTES, OverflowPolicy.CLOSE);
    }

    /**
     * Topics with the given limit per subscriber and policy past it.
     *
     * @param maxQueuedBytes the bytes a subscriber may have waiting before the policy applies
     * @param policy what to do with a subscriber past that limit: under
     *     {@link OverflowPolicy#CLOSE} it is closed with 1008 and leaves every topic
     * @throws IllegalArgumentException if {@code maxQueuedBytes} is not positive
     */
    public Topics(long maxQueuedBytes, OverflowPolicy policy) {
        this.fanout = new Fanout(maxQueuedBytes, policy);
    }

    /**
     * Subscribes a connection of a niows server to a topic.
     *
     * @param ws the connection; it leaves every topic by itself when it closes
     * @param topic the topic's name
     * @return {@code false} if it was subscribed already or is closed
     * @throws IllegalArgumentException for a connection niows did not make, or a client connection
     */
    public boolean subscribe(WebSocket ws, String topic) {
        BroadcastMember member = Broadcaster.member(ws);
        Objects.requireNonNull(topic, "topic");
        boolean[] added = new boolean[2];
        subscriptions.compute(member, (m, mine) -> {
            if (!m.isOpen()) {
                return mine;
            }
            Set<String> set = mine;
            if (set == null) {
                set = ConcurrentHashMap.newKeySet();
                added[1] = true;
            }
            if (set.add(topic)) {
                joinTopic(m, topic);
                added[0] = true;
            }
            return set.isEmpty() ? null : set;
        });
        if (added[1]) {
            updateListener(member);
        }
        return added[0];
    }

    /**
     * Unsubscribes a connection from a topic. A connection left with no topic keeps nothing of
     * this registry: its close listener is withdrawn.
     *
     * @param ws the connection
     * @param topic the topic's name
     * @return whether it was subscribed
     */
    public boolean unsubscribe(WebSocket ws, String topic) {
        if (!(ws instanceof BroadcastMember)) {
            return false;
        }
        BroadcastMember member = (BroadcastMember) ws;
        boolean[] removed = new boolean[2];
        subscriptions.computeIfPresent(member, (m, mine) -> {
            if (mine.remove(topic)) {
                removed[0] = true;
                leaveTopic(m, topic);
            }
            removed[1] = mine.isEmpty();
            return removed[1] ? null : mine;
        });
        if (removed[1]) {
            updateListener(member);
        }
        return removed[0];
    }

    /** Removes a member from all its topics; whether it had any (so that it is evicted once). */
    private boolean leaveAll(BroadcastMember member) {
        boolean[] had = new boolean[1];
        subscriptions.computeIfPresent(member, (m, mine) -> {
            had[0] = true;
            for (String topic : mine) {
                leaveTopic(m, topic);
            }
            return null;
        });
        if (had[0]) {
            updateListener(member);
        }
        return had[0];
    }

    /**
     * Gives a member this registry's close listener if it has a topic, and withdraws it if not:
     * the state is read under the lock, so whichever of two racing first-subscribe and
     * last-unsubscribe calls comes last leaves the listener as the subscriptions are. Outside the
     * maps' computes: a connection closed meanwhile runs the listener at once, which leaves its
     * topics and comes back here on the same thread.
     */
    private void updateListener(BroadcastMember member) {
        synchronized (listening) {
            boolean subscribed = subscriptions.containsKey(member);
            if (subscribed && listening.add(member)) {
                member.onClosed(leaveAllOnClose);
            } else if (!subscribed && listening.remove(member)) {
                member.removeOnClosed(leaveAllOnClose);
            }
        }
    }

    /**
     * Adds a member inside the topic's own compute: added after it, the member could land in a set
     * that its last other member's leave has just removed from the registry.
     */
    private void joinTopic(BroadcastMember member, String topic) {
        topics.compute(topic, (t, members) -> {
            Set<BroadcastMember> set = members == null ? ConcurrentHashMap.newKeySet() : members;
            set.add(member);
            return set;
        });
    }

    private void leaveTopic(BroadcastMember member, String topic) {
        topics.computeIfPresent(topic, (t, members) -> members.remove(member) && members.isEmpty() ? null : members);
    }

    /**
     * Tells whether a connection is subscribed to a topic.
     *
     * @param ws the connection
     * @param topic the topic's name
     * @return whether it is subscribed
     */
    public boolean isSubscribed(WebSocket ws, String topic) {
        Set<BroadcastMember> members = topics.get(topic);
        return members != null && ws instanceof BroadcastMember && members.contains(ws);
    }

    /**
     * {@return a snapshot of the topics a connection is subscribed to}
     *
     * @param ws the connection
     */
    public Set<String> topicsOf(WebSocket ws) {
        Set<String> mine = ws instanceof BroadcastMember ? subscriptions.get(ws) : null;
        return mine == null ? Set.of() : Set.copyOf(mine);
    }

    /**
     * {@return a snapshot of a topic's subscribers}
     *
     * @param topic the topic's name
     */
    public Set<WebSocket> subscribers(String topic) {
        Set<BroadcastMember> members = topics.get(topic);
        return members == null ? Set.of() : Set.copyOf(members);
    }

    /**
     * {@return the number of a topic's subscribers}
     *
     * @param topic the topic's name
     */
    public int subscriberCount(String topic) {
        Set<BroadcastMember> members = topics.get(topic);
        return members == null ? 0 : members.size();
    }

    /** {@return the number of topics with at least one subscriber} */
    public int topicCount() {
        return topics.size();
    }

    /**
     * Sends a text message to every subscriber of a topic.
     *
     * @param topic the topic's name
     * @param text the message
     * @return how many subscribers it was queued for: none if the topic has none, or if its frame
     *     is larger than {@link #maxQueuedBytes()}
     */
    public int publish(String topic, CharSequence text) {
        Set<BroadcastMember> members = topics.get(topic);
        if (members == null) {
            return 0;
        }
        return fanout.send(SharedMessage.text(text, members.size() >= Fanout.DIRECT_THRESHOLD), members, evict);
    }

    /**
     * Sends a binary message (the bytes from position to limit; the buffer is untouched) to every
     * subscriber of a topic.
     *
     * @param topic the topic's name
     * @param data the message
     * @return how many subscribers it was queued for, as {@link #publish(String, CharSequence)}
     */
    public int publish(String topic, ByteBuffer data) {
        Set<BroadcastMember> members = topics.get(topic);
        if (members == null) {
            return 0;
        }
        return fanout.send(SharedMessage.binary(data, members.size() >= Fanout.DIRECT_THRESHOLD), members, evict);
    }

    /**
     * {@return the messages skipped for subscribers over their limit under
     * {@link OverflowPolicy#SKIP}, or in the middle of sending a fragmented message of their own}
     */
    public long skipped() {
        return fanout.skipped();
    }

    /** {@return the subscribers closed for being over their limit, under {@link OverflowPolicy#CLOSE}} */
    public long evicted() {
        return fanout.evicted();
    }

    /** {@return the publishes refused because their frame alone is larger than {@link #maxQueuedBytes()}} */
    public long oversized() {
        return fanout.oversized();
    }

    /** {@return the bytes a subscriber may have waiting before the policy applies} */
    public long maxQueuedBytes() {
        return fanout.maxQueuedBytes();
    }

    /** {@return what happens to a subscriber over its limit} */
    public OverflowPolicy policy() {
        return fanout.policy();
    }
}
