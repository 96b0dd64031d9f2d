package io.niows.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.niows.CloseCode;
import io.niows.fuzz.Event.Kind;
import io.niows.internal.frame.FrameDecoder;
import io.niows.protocol.ConnectionState;
import io.niows.protocol.EngineConfig;
import io.niows.protocol.Role;
import io.niows.protocol.WebSocketEngine;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;

/**
 * Coverage-guided fuzzing of {@link WebSocketEngine#receive}: whatever the peer sends, the engine
 * never throws; it answers with well-formed frames only (pongs echoing the pings, then at most
 * one close frame, last); it fails a bad connection with 1002, 1007 or 1009 and then reports
 * nothing more; it delivers nothing over its limits and allocates in proportion to its input
 * and limits; and the same bytes in any chunks and buffer kind give the same events, the same
 * answers and the same end state.
 *
 * <p>Settings byte ({@link FuzzInput}): bit 0 the role (0 server, 1 client), bits 1-3 the
 * {@link SizeLimits}, bits 4-5 the {@link BufferKind} of the chunked run, bit 6 set turns the
 * automatic pong off. Without {@code JAZZER_FUZZ} set, this runs the committed inputs only.
 */
class WebSocketEngineFuzzTest {

    private static final int RFC_KEY = 0x37fa213d;
    private static final Set<Integer> FAILURE_CODES =
            Set.of(CloseCode.PROTOCOL_ERROR, CloseCode.INVALID_PAYLOAD, CloseCode.MESSAGE_TOO_BIG);

    @FuzzTest
    void receive(byte[] data) {
        FuzzInput input = FuzzInput.parse(data);
        SizeLimits limits = SizeLimits.of(input.setting(1, 3));
        EngineConfig base = input.setting(0, 1) == 0 ? EngineConfig.server() : EngineConfig.client();
        EngineConfig config = limits.applyTo(base).withMaskingKeys(() -> RFC_KEY)
                .withAutoPong(input.setting(6, 1) == 0);

        Run whole = run(config, List.of(input.payload()), BufferKind.HEAP);
        Run chunked = run(config, input.chunks(), BufferKind.of(input.setting(4, 2)));
        assertThat(chunked).as("the same bytes in chunks").isEqualTo(whole);

        long before = Allocations.byCurrentThread();
        run(config, List.of(input.payload()), BufferKind.HEAP);
        assertThat(Allocations.byCurrentThread() - before).as("bytes allocated")
                .isLessThanOrEqualTo(limits.allocationAllowance(input.payload(), 1024));

        whole.events().forEach(limits::checkDelivered);
        checkAnswers(config, whole);
    }

    /** What an engine made of some bytes: events, frames it sent, and its state afterwards. */
    record Run(List<Event> events, List<Event> sent, ConnectionState state, int closeCode,
            boolean transportShouldClose, boolean closedByPeer) {}

    private static Run run(EngineConfig config, List<byte[]> chunks, BufferKind kind) {
        EventLog log = new EventLog();
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        WebSocketEngine engine = new WebSocketEngine(config, log, frame -> {
            byte[] bytes = new byte[frame.remaining()];
            frame.duplicate().get(bytes);
            sink.writeBytes(bytes);
        });
        Feeder.feed(chunks, kind, engine::receive);
        return new Run(log.events, sentFrames(config.role(), sink.toByteArray()), engine.state(),
                engine.closeCode(), engine.transportShouldClose(), engine.closedByPeer());
    }

    /** The frames the engine sent, read as its peer would: they must break no rule. */
    private static List<Event> sentFrames(Role role, byte[] sent) {
        EventLog log = new EventLog();
        // The peer of a server is a client, which expects unmasked frames, and the other way round.
        FrameDecoder decoder = new FrameDecoder(role == Role.CLIENT, Long.MAX_VALUE, Long.MAX_VALUE, log);
        ByteBuffer in = ByteBuffer.wrap(sent);
        decoder.decode(in);
        assertThat(in.remaining()).as("the engine sent whole frames only").isZero();
        return log.events;
    }

    private static void checkAnswers(EngineConfig config, Run run) {
        List<Event> events = run.events();
        List<Event> sent = run.sent();
        int closes = (int) sent.stream().filter(e -> e.kind() == Kind.CLOSE).count();
        assertThat(closes).as("close frames sent").isLessThanOrEqualTo(1);
        if (closes == 1) {
            assertThat(sent.get(sent.size() - 1).kind()).as("the close frame is the last sent").isEqualTo(Kind.CLOSE);
        }
        List<Event> pings = events.stream().filter(e -> e.kind() == Kind.PING).toList();
        List<Event> pongs = sent.stream().filter(e -> e.kind() == Kind.PONG)
                .map(e -> new Event(Kind.PING, e.value(), 0)).toList();
        assertThat(pongs).as("pongs sent").isEqualTo(config.autoPong() ? pings : List.of());
        assertThat(sent).as("frames sent").allMatch(e -> e.kind() == Kind.PONG || e.kind() == Kind.CLOSE);

        boolean closeReceived = !events.isEmpty() && events.get(events.size() - 1).kind() == Kind.CLOSE;
        assertThat(events.stream().filter(e -> e.kind() == Kind.CLOSE).count())
                .as("a close frame is the last event").isEqualTo(closeReceived ? 1 : 0);
        if (closeReceived) {
            assertThat(run.state()).isEqualTo(ConnectionState.CLOSED);
            assertThat(run.closedByPeer()).isTrue();
            // RFC 6455 §5.5.1: the answer echoes the status code (an empty close gets an empty one).
            Event echo = sent.get(sent.size() - 1);
            assertThat(echo).as("the close echoed")
                    .isEqualTo(Event.close(events.get(events.size() - 1).code(), ""));
            assertThat(run.transportShouldClose()).isEqualTo(config.role() == Role.SERVER);
        } else if (closes == 1) {
            Event close = sent.get(sent.size() - 1);
            assertThat(close.code()).as("failure code").isIn(FAILURE_CODES);
            assertThat(run.closeCode()).isEqualTo(close.code());
            assertThat(run.state()).isEqualTo(ConnectionState.CLOSING);
            assertThat(run.transportShouldClose()).isTrue();
        } else {
            assertThat(run.state()).isEqualTo(ConnectionState.OPEN);
            assertThat(run.closeCode()).isEqualTo(CloseCode.ABNORMAL_CLOSURE);
            assertThat(run.transportShouldClose()).isFalse();
        }
    }
}
