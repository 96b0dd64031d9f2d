package io.niows.examples.chat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A room's names and history in this process alone: the one-process chat. Names are listed in
 * the order they were claimed.
 *
 * <p>Not thread-safe: its {@link ChatRoom} calls it under the room's lock.
 */
public final class LocalChatShared implements ChatShared {

    private final int historySize;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Deque<Map<String, Object>> history = new ArrayDeque<>();

    /** @param historySize how many messages the history keeps */
    public LocalChatShared(int historySize) {
        this.historySize = historySize;
    }

    @Override
    public boolean claim(String name) {
        return names.putIfAbsent(name.toLowerCase(Locale.ROOT), name) == null;
    }

    @Override
    public void release(String name) {
        names.remove(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public List<String> online() {
        return new ArrayList<>(names.values());
    }

    @Override
    public List<Map<String, Object>> history() {
        return new ArrayList<>(history);
    }

    @Override
    public void record(Map<String, Object> message) {
        history.addLast(message);
        while (history.size() > historySize) {
            history.removeFirst();
        }
    }

    /** One process has no other node to tell. */
    @Override
    public void publish(String json) {
        // no other node
    }
}
