package io.niows.examples.chat;

import io.niows.examples.json.JsonReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link ChatOutput} that delivers nothing and remembers everything, per peer, as a real
 * broadcaster would have delivered it: a broadcast lands in the inbox of every subscriber.
 * Peers are plain strings. Not thread-safe; the room calls it under its lock.
 */
final class RecordingOutput implements ChatOutput<String> {

    record Closed(int code, String reason) {
    }

    final Set<String> subscribers = new LinkedHashSet<>();
    final Map<String, List<Map<String, Object>>> inboxes = new HashMap<>();
    final Map<String, Closed> closed = new HashMap<>();
    final List<Map<String, Object>> broadcasts = new ArrayList<>();

    @Override
    public void send(String peer, String json) {
        inbox(peer).add(JsonReader.parseObject(json));
    }

    @Override
    public void subscribe(String peer) {
        subscribers.add(peer);
    }

    @Override
    public void unsubscribe(String peer) {
        subscribers.remove(peer);
    }

    @Override
    public void broadcast(String json) {
        Map<String, Object> message = JsonReader.parseObject(json);
        broadcasts.add(message);
        for (String peer : subscribers) {
            inbox(peer).add(message);
        }
    }

    @Override
    public void close(String peer, int code, String reason) {
        closed.put(peer, new Closed(code, reason));
    }

    List<Map<String, Object>> inbox(String peer) {
        return inboxes.computeIfAbsent(peer, p -> new ArrayList<>());
    }

    /** The peer's messages so far, which are then forgotten. */
    List<Map<String, Object>> take(String peer) {
        List<Map<String, Object>> messages = new ArrayList<>(inbox(peer));
        inbox(peer).clear();
        return messages;
    }
}
