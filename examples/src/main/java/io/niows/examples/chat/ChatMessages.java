package io.niows.examples.chat;

import static io.niows.examples.json.JsonWriter.object;

import io.niows.examples.json.JsonWriter;
import java.util.List;
import java.util.Map;

/**
 * The server's messages to chat clients, as JSON text. Times are epoch milliseconds.
 *
 * <p>Stateless and thread-safe.
 */
final class ChatMessages {

    private ChatMessages() {
    }

    /** A chat line; kept as a map so that {@link #welcome} can embed the history. */
    static Map<String, Object> message(String name, String text, long time) {
        return object("type", "message", "name", name, "text", text, "time", time);
    }

    /** To a newcomer: the name it joined as, who is online (itself included), recent messages. */
    static String welcome(String name, List<String> online, List<Map<String, Object>> history) {
        return JsonWriter.write(object("type", "welcome", "name", name, "online", online,
                "history", history));
    }

    /** To everyone else: someone joined. */
    static String joined(String name, long time) {
        return JsonWriter.write(object("type", "joined", "name", name, "time", time));
    }

    /** To everyone: someone left. */
    static String left(String name, long time) {
        return JsonWriter.write(object("type", "left", "name", name, "time", time));
    }

    /** To one client: what it sent was refused, and why. */
    static String error(ChatProtocolException refusal) {
        return JsonWriter.write(object("type", "error", "code", refusal.code(),
                "text", refusal.getMessage()));
    }
}
