package io.niows.examples.chat;

/**
 * The limits a {@link ChatRoom} enforces on its clients.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxNameLength the longest name, in Unicode code points
 * @param maxTextLength the longest message text, in Unicode code points
 * @param historySize how many recent messages a newcomer receives
 * @param burst how many messages a client may send at once (the token bucket's capacity)
 * @param refillMillis after the burst, one message per this many milliseconds
 * @param maxStrikes how many messages in a row may be refused for flooding before the connection
 *     is closed with 1008
 */
public record ChatLimits(int maxNameLength, int maxTextLength, int historySize, int burst,
        long refillMillis, int maxStrikes) {

    /** Names up to 24, texts up to 2000, 50 messages of history, 8 at once then 2 a second. */
    public static final ChatLimits DEFAULTS = new ChatLimits(24, 2000, 50, 8, 500, 10);

    /** Checks that every limit is positive. */
    public ChatLimits {
        if (maxNameLength < 1 || maxTextLength < 1 || historySize < 0 || burst < 1
                || refillMillis < 1 || maxStrikes < 1) {
            throw new IllegalArgumentException("chat limits must be positive");
        }
    }
}
