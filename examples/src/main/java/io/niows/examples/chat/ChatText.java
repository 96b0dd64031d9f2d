package io.niows.examples.chat;

/**
 * The rules for names and message texts: what is trimmed, how long they may be, which
 * characters are refused. The page renders them as text, never as markup, so these rules are
 * about readability and spoofing, not about script injection.
 *
 * <p>Stateless and thread-safe.
 */
final class ChatText {

    private ChatText() {
    }

    /** A checked name: trimmed, non-empty, short, free of control and bidirectional characters. */
    static String name(String raw, int maxLength) throws ChatProtocolException {
        String name = raw.strip();
        if (name.isEmpty()) {
            throw new ChatProtocolException("bad-name", "Choose a name.");
        }
        if (name.codePointCount(0, name.length()) > maxLength) {
            throw new ChatProtocolException("bad-name",
                    "Names are at most " + maxLength + " characters.");
        }
        if (name.codePoints().anyMatch(c -> isControl(c) || isBidiControl(c))) {
            throw new ChatProtocolException("bad-name", "Names may not hold control characters.");
        }
        return name;
    }

    /** A checked text: line ends made {@code \n}, trimmed, non-empty, at most so long. */
    static String text(String raw, int maxLength) throws ChatProtocolException {
        String text = raw.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (text.isEmpty()) {
            throw new ChatProtocolException("bad-text", "Empty messages are not sent.");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw new ChatProtocolException("bad-text",
                    "Messages are at most " + maxLength + " characters.");
        }
        if (text.codePoints().anyMatch(c -> c != '\n' && c != '\t' && isControl(c))) {
            throw new ChatProtocolException("bad-text",
                    "Messages may not hold control characters.");
        }
        return text;
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * The bidirectional marks, embeddings, overrides and isolates: in a name they could make it
     * look like another (or reorder the text after it). Emoji joiners stay allowed.
     */
    private static boolean isBidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
