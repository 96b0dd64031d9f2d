package io.niows.protocol;

import static io.niows.protocol.TestFrames.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one outbound front every send passes: state, fragment ownership (RFC 6455 §5.4) and the
 * limits of control frames and close frames (§5.5, §7.4), checked once, with frames reaching the
 * {@link Outbound.Port} in the order they were admitted, from any number of threads.
 */
class OutboundTest {

    /** Takes every frame and answers {@link #result}; called under the front's lock, so a plain list. */
    private static final class RecordingPort implements Outbound.Port<Object> {
        final List<ByteBuffer> frames = new ArrayList<>();
        final List<Object> contexts = new ArrayList<>();
        SendResult result = SendResult.QUEUED;

        @Override
        public SendResult submit(ByteBuffer frame, Object context) {
            if (result.accepted()) {
                frames.add(frame);
                contexts.add(context);
            }
            return result;
        }

        List<String> described() {
            return TestFrames.describe(frames);
        }
    }

    private final RecordingPort port = new RecordingPort();
    private final EngineHarness server = EngineHarness.server();
    private final Outbound out = server.engine.outbound();

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(utf8(s));
    }

    private SendResult fragment(boolean text, String part, boolean last, Object sender) {
        return out.fragment(text, bytes(part), last, sender, null, port);
    }

    // ---- fragment ownership, §5.4 ------------------------------------------------------------------

    @Test
    void aWholeMessageWhileAFragmentedOneIsUnfinishedIsRefusedBusyButControlFramesGo() {
        // §5.4: "Control frames ... MAY be injected in the middle of a fragmented message", while
        // "the fragments of one message MUST NOT be interleaved between the fragments of another".
        Object me = Thread.currentThread();
        assertThat(fragment(true, "Hel", false, me)).isEqualTo(SendResult.QUEUED);
        assertThat(out.text("x", null, port)).isEqualTo(SendResult.REFUSED_BUSY);
        assertThat(out.binary(bytes("x"), null, port)).isEqualTo(SendResult.REFUSED_BUSY);
        assertThat(out.encoded(ByteBuffer.wrap(TestFrames.server(0x1, true, utf8("x"))), null, port))
                .isEqualTo(SendResult.REFUSED_BUSY);
        assertThat(out.ping(bytes("p"), null, port)).isEqualTo(SendResult.QUEUED);
        assertThat(out.pong(bytes("q"), null, port)).isEqualTo(SendResult.QUEUED);
        assertThat(fragment(true, "lo", true, me)).isEqualTo(SendResult.QUEUED);
        assertThat(out.text("x", null, port)).isEqualTo(SendResult.QUEUED);
        assertThat(port.described()).containsExactly("text:Hel+nofin", "ping:70", "pong:71", "cont:6c6f", "text:x");
    }

    @Test
    void anotherSendersFragmentIsRefusedBusyAndTheOwnersContinuationIsQueued() {
        Object owner = new Object();
        Object other = new Object();
        assertThat(fragment(false, "01", false, owner)).isEqualTo(SendResult.QUEUED);
        assertThat(fragment(false, "02", false, other)).isEqualTo(SendResult.REFUSED_BUSY);
        assertThat(fragment(false, "03", true, other)).isEqualTo(SendResult.REFUSED_BUSY);
        assertThat(fragment(false, "04", false, owner)).isEqualTo(SendResult.QUEUED);
        assertThat(fragment(false, "05", true, owner)).isEqualTo(SendResult.QUEUED);
        assertThat(fragment(true, "06", true, other)).as("the message is over").isEqualTo(SendResult.QUEUED);
        assertThat(port.described()).containsExactly("binary:3031+nofin", "cont:3034+nofin", "cont:3035", "text:06");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aMessageContinuedAsTheOtherKindIsIllegalAndSendsNothing(boolean text) {
        Object me = new Object();
        fragment(text, "a", false, me);
        assertThatThrownBy(() -> fragment(!text, "b", false, me)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fragment(!text, "b", true, me)).isInstanceOf(IllegalArgumentException.class);
        assertThat(port.frames).hasSize(1);
        assertThat(fragment(text, "c", true, me)).as("the message goes on as it began").isEqualTo(SendResult.QUEUED);
        assertThat(port.described()).containsExactly((text ? "text:a" : "binary:61") + "+nofin", "cont:63");
    }

    @Test
    void aFirstFragmentThePortRefusesStartsNoMessage() {
        port.result = SendResult.REFUSED_CLOSED;
        assertThat(fragment(true, "a", false, new Object())).isEqualTo(SendResult.REFUSED_CLOSED);
        port.result = SendResult.QUEUED;
        assertThat(out.text("next", null, port)).isEqualTo(SendResult.QUEUED);
        assertThat(fragment(true, "first", true, new Object())).as("a new message, not a continuation")
                .isEqualTo(SendResult.QUEUED);
        assertThat(port.described()).containsExactly("text:next", "text:first");
    }

    @Test
    void theResultAndTheContextOfThePortPassThrough() {
        port.result = SendResult.QUEUED_ABOVE_HIGH_WATER;
        Object context = new Object();
        ByteBuffer encoded = ByteBuffer.wrap(TestFrames.server(0x2, true, new byte[] {7}));
        assertThat(out.text("x", context, port)).isEqualTo(SendResult.QUEUED_ABOVE_HIGH_WATER);
        assertThat(out.encoded(encoded, context, port)).isEqualTo(SendResult.QUEUED_ABOVE_HIGH_WATER);
        assertThat(port.frames.get(1)).as("an encoded frame is handed on as it is").isSameAs(encoded);
        assertThat(port.contexts).containsExactly(context, context);
        assertThat(fragment(true, "a", false, context)).isEqualTo(SendResult.QUEUED_ABOVE_HIGH_WATER);
        assertThat(out.text("y", null, port)).as("a fragment above high water still owns the message")
                .isEqualTo(SendResult.REFUSED_BUSY);
    }

    @Test
    void aBinaryPayloadIsLeftWhereItWas() {
        ByteBuffer data = ByteBuffer.wrap(new byte[] {1, 2, 3});
        data.position(1);
        out.binary(data, null, port);
        out.ping(data, null, port);
        assertThat(data.position()).isEqualTo(1);
        assertThat(data.remaining()).isEqualTo(2);
        assertThat(port.described()).containsExactly("binary:0203", "ping:0203");
    }

    @Test
    void aClientsFrontMasksEveryFrameAndAServersNone() {
        EngineHarness client = EngineHarness.client();
        assertThat(client.engine.outbound().masksFrames()).isTrue();
        assertThat(out.masksFrames()).isFalse();
        client.engine.outbound().text("hi", null, port);
        client.engine.outbound().ping(bytes("p"), null, port);
        client.engine.outbound().fragment(false, bytes("b"), true, this, null, port);
        out.text("hi", null, port);
        assertThat(port.described()).containsExactly("text:hi+masked", "ping:70+masked", "binary:62+masked", "text:hi");
    }

    // ---- closing and closed ------------------------------------------------------------------------------

    private void assertDataRefusedClosed() {
        Object sender = new Object();
        assertThat(out.text("x", null, port)).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(out.binary(bytes("x"), null, port)).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(out.encoded(ByteBuffer.wrap(TestFrames.server(0x1, true, utf8("x"))), null, port))
                .isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(fragment(true, "x", false, sender)).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(fragment(true, "x", true, sender)).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(out.isOpen()).isFalse();
    }

    @Test
    void afterRequestCloseDataIsRefusedClosedWhilePingAndPongStillGo() {
        // §5.5.1: "After sending a Close frame, the endpoint MUST NOT send any further data frames."
        assertThat(out.requestClose(1000, "")).isTrue();
        assertThat(out.requestClose(1001, "")).as("a second request").isFalse();
        assertDataRefusedClosed();
        assertThat(out.ping(bytes("p"), null, port)).isEqualTo(SendResult.QUEUED);
        assertThat(out.pong(bytes("q"), null, port)).isEqualTo(SendResult.QUEUED);
        assertThat(port.described()).containsExactly("ping:70", "pong:71");
    }

    @Test
    void afterTheEngineSentACloseDataIsRefusedClosedWhilePingAndPongStillGo() {
        server.engine.close(1000, "");
        assertDataRefusedClosed();
        assertThat(out.ping(bytes("p"), null, port)).isEqualTo(SendResult.QUEUED);
        assertThat(out.pong(bytes("q"), null, port)).isEqualTo(SendResult.QUEUED);
        assertThat(out.requestClose(1000, "")).isFalse();
    }

    @Test
    void aCloseRequestedInTheMiddleOfAFragmentedMessageRefusesItsContinuation() {
        Object me = new Object();
        fragment(true, "Hel", false, me);
        out.requestClose(1000, "");
        assertThat(fragment(true, "lo", true, me)).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(port.described()).containsExactly("text:Hel+nofin");
    }

    @Test
    void afterTheTransportClosedEverythingIsRefusedClosed() {
        server.engine.transportClosed();
        assertDataRefusedClosed();
        assertThat(out.ping(bytes("p"), null, port)).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(out.pong(bytes("q"), null, port)).isEqualTo(SendResult.REFUSED_CLOSED);
        assertThat(out.requestClose(1000, "")).isFalse();
        assertThat(port.frames).isEmpty();
    }

    // ---- the limits of control frames, §5.5 and §7.4 --------------------------------------------------

    @Test
    void aPingOrPongOver125BytesIsIllegalAndSendsNothing() {
        // §5.5: "All control frames MUST have a payload length of 125 bytes or less".
        assertThatThrownBy(() -> out.ping(ByteBuffer.allocate(126), null, port)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> out.pong(ByteBuffer.allocate(126), null, port)).isInstanceOf(IllegalArgumentException.class);
        assertThat(port.frames).isEmpty();
        assertThat(out.ping(ByteBuffer.allocate(125), null, port)).isEqualTo(SendResult.QUEUED);
        assertThat(out.pong(ByteBuffer.allocate(125), null, port)).isEqualTo(SendResult.QUEUED);
        assertThat(port.frames).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535, -1})
    void checkCloseRefusesACodeThatMayNotBeSent(int code) {
        // §7.4.1: 1005, 1006 and 1015 "MUST NOT be set as a status code in a Close control frame
        // by an endpoint"; the others here are outside the ranges §7.4.2 lets an endpoint use.
        assertThatThrownBy(() -> Outbound.checkClose(code, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Integer.toString(code));
        assertThatThrownBy(() -> out.requestClose(code, "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(out.isOpen()).as("a refused request changes nothing").isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1011, 1014, 3000, 4999})
    void checkCloseAcceptsACodeAnEndpointMaySend(int code) {
        assertThatCode(() -> Outbound.checkClose(code, "")).doesNotThrowAnyException();
    }

    @Test
    void checkCloseCountsTheReasonInUtf8BytesUpTo123() {
        // §5.5: a control frame carries at most 125 bytes, of which the status code takes 2.
        assertThatCode(() -> Outbound.checkClose(1000, "a".repeat(123))).doesNotThrowAnyException();
        assertThatCode(() -> Outbound.checkClose(1000, "é".repeat(61) + "a")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Outbound.checkClose(1000, "a".repeat(124))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Outbound.checkClose(1000, "é".repeat(62))).as("62 characters, 124 bytes")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> out.requestClose(1000, "a".repeat(124))).isInstanceOf(IllegalArgumentException.class);
        assertThat(out.isOpen()).isTrue();
    }

    // ---- many threads --------------------------------------------------------------------------------

    private static final int THREADS = 4;
    private static final int SENDS_PER_THREAD = 300;
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(20);

    /**
     * Each thread sends, in turn, a text message in three fragments, a whole text message and a
     * ping, retrying what is refused as busy; every frame is tagged with its thread and its rank.
     */
    private static void sendAll(Outbound front, RecordingPort port, int thread, long deadline) {
        Object me = Thread.currentThread();
        for (int i = 0; i < SENDS_PER_THREAD; i++) {
            String tag = "t" + thread + "-m" + i;
            switch (i % 3) {
                case 0 -> {
                    retryWhileBusy(() -> front.fragment(true, bytes(tag + "-p0"), false, me, null, port), deadline);
                    assertThat(front.fragment(true, bytes(tag + "-p1"), false, me, null, port))
                            .as("the owner's continuation").isEqualTo(SendResult.QUEUED);
                    assertThat(front.fragment(true, bytes(tag + "-p2"), true, me, null, port))
                            .as("the owner's last fragment").isEqualTo(SendResult.QUEUED);
                }
                case 1 -> retryWhileBusy(() -> front.text(tag, null, port), deadline);
                default -> assertThat(front.ping(bytes(tag), null, port)).isEqualTo(SendResult.QUEUED);
            }
        }
    }

    private static void retryWhileBusy(Supplier<SendResult> send, long deadline) {
        SendResult result;
        while ((result = send.get()) == SendResult.REFUSED_BUSY) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("still busy at the deadline");
            }
            Thread.onSpinWait();
        }
        assertThat(result).isEqualTo(SendResult.QUEUED);
    }

    /** What one thread sent, in its order: {@code t1-m0-p0}, ... {@code t1-m1}, {@code ping t1-m2}. */
    private static List<String> expectedFrom(int thread) {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < SENDS_PER_THREAD; i++) {
            String tag = "t" + thread + "-m" + i;
            switch (i % 3) {
                case 0 -> {
                    expected.add(tag + "-p0");
                    expected.add(tag + "-p1");
                    expected.add(tag + "-p2");
                }
                case 1 -> expected.add(tag);
                default -> expected.add("ping " + tag);
            }
        }
        return expected;
    }

    /** A frame's tag: its text, decoded from hex for continuations and pings. */
    private static String tag(String described) {
        String frame = described.replace("+nofin", "");
        int colon = frame.indexOf(':');
        String kind = frame.substring(0, colon);
        String payload = frame.substring(colon + 1);
        return switch (kind) {
            case "text" -> payload;
            case "cont" -> new String(HexFormat.of().parseHex(payload), StandardCharsets.UTF_8);
            case "ping" -> "ping " + new String(HexFormat.of().parseHex(payload), StandardCharsets.UTF_8);
            default -> throw new AssertionError("unexpected frame " + described);
        };
    }

    @Test
    void fourThreadsSendingAtOnceGetTheirFramesInOrderAndNoFragmentedMessageInterleaved() throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                    sendAll(out, port, thread, deadline);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "sender-" + t));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(TimeUnit.NANOSECONDS.toMillis(DEADLINE_NANOS) + 5_000);
            assertThat(thread.isAlive()).as(thread.getName() + " finished").isFalse();
        }
        assertThat(failures).isEmpty();

        List<String> frames = port.described();
        assertThat(frames).hasSize(THREADS * (SENDS_PER_THREAD / 3) * 5);
        List<List<String>> byThread = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            byThread.add(new ArrayList<>());
        }
        String openMessageOf = null;
        for (String frame : frames) {
            String tag = tag(frame);
            String plain = tag.startsWith("ping ") ? tag.substring("ping ".length()) : tag;
            String thread = plain.substring(0, plain.indexOf('-'));
            byThread.get(Integer.parseInt(thread.substring(1))).add(tag);
            if (frame.startsWith("ping")) {
                continue;
            }
            // §5.4: nothing but control frames between the first and the last fragment of a message.
            if (openMessageOf != null) {
                assertThat(frame).as("inside a message of " + openMessageOf).startsWith("cont:");
                assertThat(thread).as("a continuation of the open message").isEqualTo(openMessageOf);
            } else {
                assertThat(frame).as("no message is open").startsWith("text:");
            }
            openMessageOf = frame.endsWith("+nofin") ? thread : null;
        }
        assertThat(openMessageOf).as("every message finished").isNull();
        for (int t = 0; t < THREADS; t++) {
            assertThat(byThread.get(t)).as("thread %d's frames, in the order it sent them", t)
                    .containsExactlyElementsOf(expectedFrom(t));
        }
    }
}
