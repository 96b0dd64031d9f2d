package io.niows.bench.deflate;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Chat-like JSON messages of an exact size in bytes, the same for the same size and seed: what a
 * chat or a dashboard sends over a WebSocket. Up to 256 bytes one message object (type, room,
 * user, id, time stamp, text); above, a batch of such messages under one envelope, as a history
 * or a feed update is sent. Text is words from a small English vocabulary, so a message compresses
 * about as real chat text does; everything is ASCII (one byte per character) and valid JSON.
 *
 * <p>Stateless and thread-safe.
 */
public final class ChatJson {

    private static final String[] WORDS = {"the", "a", "to", "and", "I", "you", "it", "is", "that", "of", "in",
        "we", "for", "on", "this", "have", "be", "with", "just", "not", "so", "can", "are", "what", "do", "at",
        "was", "but", "my", "if", "ok", "yes", "no", "lol", "thanks", "hey", "meeting", "today", "tomorrow",
        "deploy", "build", "test", "release", "server", "client", "message", "room", "channel", "ping",
        "latency", "queue", "broker", "review", "merge", "branch", "issue", "fixed", "broken", "again",
        "coffee", "lunch", "later", "now", "soon", "please", "check", "looks", "good", "great", "sure",
        "think", "know", "need", "want", "see", "will", "would", "could", "should", "there", "here", "when",
        "where", "why", "how", "about", "from", "they", "them", "their", "our", "your", "one", "two", "three",
        "minutes", "hours", "week", "Monday", "Friday", "dashboard", "metrics", "alert", "graph", "spike"};
    private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
        "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter"};
    private static final String[] ROOMS = {"general", "random", "dev", "ops", "support", "release"};
    /** Time stamps near a fixed instant (2024-06-10), so that equal seeds give equal bytes. */
    private static final long EPOCH_MILLIS = 1_718_000_000_000L;
    /** Up to this size a payload is one message; above it, a batch. */
    private static final int SINGLE_MAX = 256;
    private static final String TINY_OPEN = "{\"text\":\"";
    private static final String CLOSE = "\"}";

    private ChatJson() {
    }

    /**
     * A message of exactly {@code size} bytes, 16 or more.
     *
     * @param seed the same seed and size give the same bytes
     */
    public static byte[] message(int size, long seed) {
        if (size < TINY_OPEN.length() + CLOSE.length() + 1) {
            throw new IllegalArgumentException("a chat JSON message needs at least 12 bytes: " + size);
        }
        SplittableRandom random = new SplittableRandom(seed);
        String json = size <= SINGLE_MAX ? single(random, size) : batch(random, size);
        byte[] bytes = json.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != size) {
            throw new IllegalStateException("built " + bytes.length + " bytes for " + size);
        }
        return bytes;
    }

    /** One message object; its fields shrink with the size so that some text always fits. */
    private static String single(SplittableRandom random, int size) {
        String[] heads = {
            head(random, true),
            "{\"type\":\"say\",\"user\":\"" + pick(random, USERS) + "\",\"text\":\"",
            "{\"user\":\"" + pick(random, USERS) + "\",\"text\":\"",
            TINY_OPEN,
        };
        for (int i = 0; ; i++) {
            int room = size - heads[i].length() - CLOSE.length();
            // The last head, the smallest, is taken whatever room it leaves: at least one letter.
            if (room >= Math.min(size / 4, 24) || i == heads.length - 1) {
                return heads[i] + text(random, room) + CLOSE;
            }
        }
    }

    /** A batch envelope with whole messages, the last one's text cut to reach {@code size} exactly. */
    private static String batch(SplittableRandom random, int size) {
        StringBuilder json = new StringBuilder(size)
                .append("{\"type\":\"history\",\"room\":\"").append(pick(random, ROOMS)).append("\",\"messages\":[");
        String end = CLOSE + "]}";
        while (true) {
            String head = head(random, false);
            int left = size - json.length() - head.length() - end.length();
            int wanted = 8 + random.nextInt(120);
            // Room for this message and at least a short next one: add it whole and go on.
            int nextMinimum = 1 + head.length() + 8 + end.length();
            if (left - wanted - CLOSE.length() >= nextMinimum) {
                json.append(head).append(text(random, wanted)).append(CLOSE).append(',');
                continue;
            }
            return json.append(head).append(text(random, left)).append(end).toString();
        }
    }

    private static String head(SplittableRandom random, boolean withType) {
        return "{" + (withType ? "\"type\":\"say\",\"room\":\"" + pick(random, ROOMS) + "\"," : "")
                + "\"id\":" + (100_000 + random.nextInt(900_000)) + ",\"ts\":"
                + (EPOCH_MILLIS + random.nextInt(86_400_000)) + ",\"user\":\"" + pick(random, USERS)
                + "\",\"text\":\"";
    }

    /** Words separated by spaces, exactly {@code length} characters. */
    private static String text(SplittableRandom random, int length) {
        StringBuilder text = new StringBuilder(length + 16);
        while (text.length() < length) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(pick(random, WORDS));
        }
        text.setLength(length);
        return text.toString();
    }

    private static String pick(SplittableRandom random, String[] from) {
        return from[random.nextInt(from.length)];
    }
}
