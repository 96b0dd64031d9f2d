package io.niows.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.examples.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chat server's limits agree with the room's rules: what the room sends always fits. */
class ChatServerLimitsTest {

    /** The longest frame header of a server frame: 2 bytes and an 8-byte length. */
    private static final int MAX_HEADER = 10;

    /** A character of four UTF-8 bytes, the most any character takes. */
    private static final String WIDE = "\ud83d\ude00";

    private static int utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aFullWelcomeAndTheLargestBroadcastFitOneMembersQueue() {
        ChatLimits limits = ChatLimits.DEFAULTS;
        String name = WIDE.repeat(limits.maxNameLength());
        Map<String, Object> largest = ChatMessages.message(name, WIDE.repeat(limits.maxTextLength()),
                Long.MAX_VALUE);
        String welcome = ChatMessages.welcome(name, List.of(name),
                Collections.nCopies(limits.historySize(), largest));
        String broadcast = JsonWriter.write(largest);

        assertThat((long) utf8(welcome) + MAX_HEADER + utf8(broadcast) + MAX_HEADER)
                .isLessThanOrEqualTo(ChatServer.MEMBER_QUEUE_LIMIT);
    }
}
