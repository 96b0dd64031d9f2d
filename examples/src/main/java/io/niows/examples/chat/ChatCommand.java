package io.niows.examples.chat;

import io.niows.examples.json.JsonException;
import io.niows.examples.json.JsonReader;
import java.util.Map;

/**
 * A client's message to the chat room, parsed and checked: {@code {"type":"join","name":...}}
 * or {@code {"type":"say","text":...}}. Other fields are ignored.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ChatCommand {

    /**
     * Asks to join the room under a name.
     *
     * @param name the name, trimmed, 1 to {@link ChatLimits#maxNameLength()} code points, with no
     *     control characters and no bidirectional controls (which could reorder other text)
     */
    record Join(String name) implements ChatCommand {
    }

    /**
     * Says something to the room.
     *
     * @param text the text, trimmed, line ends as {@code \n}, 1 to
     *     {@link ChatLimits#maxTextLength()} code points, no control characters but line feed
     *     and tab
     */
    record Say(String text) implements ChatCommand {
    }

    /**
     * Parses and checks one client message.
     *
     * @throws ChatProtocolException with the error to send back
     */
    static ChatCommand parse(String json, ChatLimits limits) throws ChatProtocolException {
        Map<String, Object> message;
        try {
            message = JsonReader.parseObject(json);
        } catch (JsonException e) {
            throw new ChatProtocolException("bad-json", "Not a JSON object: " + e.getMessage());
        }
        Object type = message.get("type");
        if (!(type instanceof String)) {
            throw new ChatProtocolException("bad-message", "A message needs a string \"type\".");
        }
        return switch ((String) type) {
            case "join" -> new Join(ChatText.name(field(message, "name"), limits.maxNameLength()));
            case "say" -> new Say(ChatText.text(field(message, "text"), limits.maxTextLength()));
            default -> throw new ChatProtocolException("unknown-type",
                    "Unknown message type; expected \"join\" or \"say\".");
        };
    }

    private static String field(Map<String, Object> message, String name)
            throws ChatProtocolException {
        Object value = message.get(name);
        if (!(value instanceof String)) {
            throw new ChatProtocolException("bad-message",
                    "A \"" + message.get("type") + "\" message needs a string \"" + name + "\".");
        }
        return (String) value;
    }
}
