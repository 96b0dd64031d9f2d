package io.niows.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.examples.json.JsonWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatRoomTest {

    private static final long T0 = 1_700_000_000_000L;

    private final MutableClock clock = new MutableClock(T0);
    private final RecordingOutput out = new RecordingOutput();
    private final ChatRoom<String> room = new ChatRoom<>(out, ChatLimits.DEFAULTS, clock);

    private static String join(String name) {
        return JsonWriter.write(JsonWriter.object("type", "join", "name", name));
    }

    private static String say(String text) {
        return JsonWriter.write(JsonWriter.object("type", "say", "text", text));
    }

    private ChatSession<String> joined(String name) {
        ChatSession<String> session = room.connect(name);
        room.receive(session, join(name));
        out.take(name);
        return session;
    }

    private Map<String, Object> onlyMessage(String peer) {
        List<Map<String, Object>> messages = out.take(peer);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    @Test
    void aNewcomerIsWelcomedWithWhoIsOnlineAndTheOthersAreToldItJoined() {
        ChatSession<String> ann = joined("ann");
        ChatSession<String> bob = room.connect("bob");

        room.receive(bob, join("bob"));

        assertThat(onlyMessage("bob")).containsEntry("type", "welcome").containsEntry("name", "bob")
                .containsEntry("online", List.of("ann", "bob")).containsEntry("history", List.of());
        assertThat(onlyMessage("ann")).containsEntry("type", "joined").containsEntry("name", "bob")
                .containsEntry("time", T0);
        assertThat(out.subscribers).containsExactly("ann", "bob");
        assertThat(room.online()).containsExactly("ann", "bob");
        assertThat(ann.peer()).isEqualTo("ann");
    }

    @Test
    void aMessageGoesToEveryMemberWithNameTextAndTime() {
        ChatSession<String> ann = joined("ann");
        joined("bob");
        out.take("ann");
        clock.advance(1234);

        room.receive(ann, say("  hello\r\nworld  "));

        Map<String, Object> expected = Map.of("type", "message", "name", "ann",
                "text", "hello\nworld", "time", T0 + 1234);
        assertThat(onlyMessage("ann")).isEqualTo(expected);
        assertThat(onlyMessage("bob")).isEqualTo(expected);
    }

    @Test
    void aNewcomerGetsTheLast50Messages() {
        ChatSession<String> ann = joined("ann");
        for (int i = 0; i < 60; i++) {
            clock.advance(1000);
            room.receive(ann, say("m" + i));
        }

        ChatSession<String> bob = room.connect("bob");
        room.receive(bob, join("bob"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) onlyMessage("bob").get("history");
        assertThat(history).hasSize(50);
        assertThat(history.get(0)).containsEntry("text", "m10").containsEntry("name", "ann");
        assertThat(history.get(49)).containsEntry("text", "m59");
    }

    @Test
    void aMemberThatDisconnectsLeavesAndTheOthersAreTold() {
        ChatSession<String> ann = joined("ann");
        joined("bob");
        out.take("ann");

        room.disconnect(ann);
        room.disconnect(ann);

        assertThat(onlyMessage("bob")).containsEntry("type", "left").containsEntry("name", "ann");
        assertThat(out.subscribers).containsExactly("bob");
        assertThat(room.online()).containsExactly("bob");
        assertThat(out.inbox("ann")).isEmpty();
    }

    @Test
    void aConnectionThatNeverJoinedLeavesSilently() {
        joined("bob");
        ChatSession<String> lurker = room.connect("lurker");

        room.disconnect(lurker);

        assertThat(out.broadcasts).extracting(m -> m.get("type")).containsExactly("joined");
        assertThat(out.inbox("bob")).isEmpty();
    }

    @Test
    void aNameFreedByLeavingCanBeTakenAgain() {
        room.disconnect(joined("ann"));
        ChatSession<String> again = room.connect("ann2");

        room.receive(again, join("Ann"));

        assertThat(onlyMessage("ann2")).containsEntry("type", "welcome").containsEntry("name", "Ann");
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        joined("ann");
        ChatSession<String> other = room.connect("other");

        room.receive(other, join("ANN"));

        assertError("other", "name-taken");
        assertThat(out.subscribers).containsExactly("ann");
    }

    @Test
    void joiningTwiceIsRefused() {
        ChatSession<String> ann = joined("ann");

        room.receive(ann, join("annie"));

        assertError("ann", "already-joined");
        assertThat(room.online()).containsExactly("ann");
    }

    @Test
    void sayingBeforeJoiningIsRefusedAndReachesNoOne() {
        joined("bob");
        ChatSession<String> stranger = room.connect("stranger");

        room.receive(stranger, say("hi"));

        assertError("stranger", "not-joined");
        assertThat(out.inbox("bob")).isEmpty();
    }

    @Test
    void badInputIsAnsweredWithAnErrorToTheSenderAloneAndChangesNothing() {
        ChatSession<String> ann = joined("ann");
        joined("bob");
        out.take("ann");
        String tooLong = "x".repeat(2001);
        Map<String, String> badInputs = Map.of(
                "not json", "bad-json",
                "[\"type\",\"say\"]", "bad-json",
                "{\"text\":\"no type\"}", "bad-message",
                "{\"type\":\"say\",\"text\":42}", "bad-message",
                "{\"type\":\"shout\",\"text\":\"hi\"}", "unknown-type",
                say("   "), "bad-text",
                say(tooLong), "bad-text",
                say("bell\u0007"), "bad-text");

        for (Map.Entry<String, String> bad : badInputs.entrySet()) {
            clock.advance(1000);
            room.receive(ann, bad.getKey());
            assertError("ann", bad.getValue());
        }

        assertThat(out.inbox("bob")).isEmpty();
        assertThat(out.broadcasts).extracting(m -> m.get("type")).containsExactly("joined", "joined");
    }

    @Test
    void textsOf2000CharactersCountingEmojiAsOnePass() {
        ChatSession<String> ann = joined("ann");
        String longest = "\ud83d\ude00".repeat(2000);

        room.receive(ann, say(longest));

        assertThat(onlyMessage("ann")).containsEntry("text", longest);
    }

    @Test
    void badNamesAreRefused() {
        for (String name : List.of("", "   ", "x".repeat(25), "tab\tname", "\u202eevil", "new\nline")) {
            ChatSession<String> session = room.connect("c");
            room.receive(session, join(name));
            assertError("c", "bad-name");
        }
        assertThat(room.online()).isEmpty();
    }

    @Test
    void namesAreTrimmedAndMayHoldEmojiSequences() {
        ChatSession<String> family = room.connect("f");

        room.receive(family, join("  \ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67 fam  "));

        assertThat(room.online()).containsExactly("\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67 fam");
    }

    @Test
    void aFloodIsRefusedThenClosedWith1008() {
        // The join took the first token of the burst.
        ChatSession<String> ann = joined("ann");
        joined("bob");
        out.take("ann");
        ChatLimits limits = ChatLimits.DEFAULTS;

        for (int i = 0; i < limits.burst() - 1; i++) {
            room.receive(ann, say("burst " + i));
        }
        out.take("ann");
        out.take("bob");
        room.receive(ann, say("one too many"));
        assertError("ann", "slow-down");

        for (int i = 1; i < limits.maxStrikes(); i++) {
            room.receive(ann, say("flood " + i));
        }

        assertThat(out.closed).containsEntry("ann", new RecordingOutput.Closed(1008, "too many messages"));
        assertThat(out.take("bob")).extracting(m -> m.get("text")).doesNotContain("one too many", "flood 1");
    }

    @Test
    void everySayIsAnsweredToItsSenderOnceAndInOrderByItsMessageOrAnError() {
        // The page counts on this to put a refused text back into its box.
        ChatSession<String> ann = joined("ann");
        joined("bob");
        out.take("ann");
        List<String> texts = List.of("one", " ", "two", "three", "four", "five", "six", "seven", "eight");

        // The join took one token of the burst of 8: the last two says are refused.
        for (String text : texts) {
            room.receive(ann, say(text));
        }

        assertThat(out.take("ann"))
                .extracting(m -> m.get("type") + " " + (m.get("type").equals("error") ? m.get("code") : m.get("text")))
                .containsExactly("message one", "error bad-text", "message two", "message three", "message four",
                        "message five", "message six", "error slow-down", "error slow-down");
    }

    @Test
    void theRateLimitRefillsWithTime() {
        ChatSession<String> ann = joined("ann");
        for (int i = 0; i < ChatLimits.DEFAULTS.burst() + 3; i++) {
            room.receive(ann, say("m" + i));
        }
        out.take("ann");

        clock.advance(ChatLimits.DEFAULTS.refillMillis());
        room.receive(ann, say("after a pause"));

        assertThat(onlyMessage("ann")).containsEntry("text", "after a pause");
        assertThat(out.closed).isEmpty();
    }

    @Test
    void messagesFromAClosedSessionAreIgnored() {
        ChatSession<String> ann = joined("ann");
        joined("bob");
        room.disconnect(ann);
        out.take("bob");

        room.receive(ann, say("ghost"));

        assertThat(out.inbox("bob")).isEmpty();
    }

    private void assertError(String peer, String code) {
        Map<String, Object> error = onlyMessage(peer);
        assertThat(error).containsEntry("type", "error").containsEntry("code", code);
        assertThat((String) error.get("text")).isNotBlank();
    }
}
