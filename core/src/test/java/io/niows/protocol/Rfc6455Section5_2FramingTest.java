package io.niows.protocol;

import static io.niows.protocol.TestFrames.RFC_KEY;
import static io.niows.protocol.TestFrames.client;
import static io.niows.protocol.TestFrames.concat;
import static io.niows.protocol.TestFrames.frame;
import static io.niows.protocol.TestFrames.frameWithLength;
import static io.niows.protocol.TestFrames.hex;
import static io.niows.protocol.TestFrames.server;
import static io.niows.protocol.TestFrames.utf8;
import static io.niows.protocol.Violations.assertFailedWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.niows.CloseCode;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 6455 §5.1-§5.3 framing rules and the §10.4 size limits, each with its close code, for both
 * roles where the rule applies to both.
 */
class Rfc6455Section5_2FramingTest {

    private static EngineHarness harness(Role role) {
        return role == Role.SERVER ? EngineHarness.server() : EngineHarness.client();
    }

    /** A frame as the peer of {@code role} sends it: masked towards a server, not towards a client. */
    private static byte[] fromPeer(Role role, int byte0, byte[] payload) {
        return frame(byte0, payload, role == Role.SERVER ? RFC_KEY : null);
    }

    @Test
    void serverFailsOnAnUnmaskedClientFrame() {
        EngineHarness server = EngineHarness.server().receive(server(0x1, true, utf8("Hello")));
        assertFailedWith(server, CloseCode.PROTOCOL_ERROR);
        assertThat(server.events()).isEmpty();
    }

    @Test
    void clientFailsOnAMaskedServerFrame() {
        EngineHarness client = EngineHarness.client().receive(client(0x1, true, utf8("Hello")));
        assertFailedWith(client, CloseCode.PROTOCOL_ERROR);
        assertThat(client.events()).isEmpty();
    }

    @Test
    void clientSendsMaskedFramesAndServerSendsUnmaskedOnes() {
        EngineHarness client = EngineHarness.client();
        client.engine.sendText("Hello");
        assertThat(client.sent.get(0)).isEqualTo(java.nio.ByteBuffer.wrap(hex("81 85 37 fa 21 3d 7f 9f 4d 51 58")));
        EngineHarness server = EngineHarness.server();
        server.engine.sendText("Hello");
        assertThat(server.sent.get(0)).isEqualTo(java.nio.ByteBuffer.wrap(hex("81 05 48 65 6c 6c 6f")));
    }

    static Stream<Arguments> rsvBitsAndRoles() {
        return Stream.of(0x40, 0x20, 0x10, 0x70).flatMap(bit -> Stream.of(Role.values()).map(role -> Arguments.of(bit, role)));
    }

    @ParameterizedTest(name = "rsv {0} towards {1}")
    @MethodSource("rsvBitsAndRoles")
    void reservedBitsWithoutAnExtensionFailWith1002(int rsv, Role role) {
        EngineHarness h = harness(role).receive(fromPeer(role, 0x80 | rsv | 0x1, utf8("Hello")));
        assertFailedWith(h, CloseCode.PROTOCOL_ERROR);
        assertThat(h.events()).isEmpty();
    }

    @ParameterizedTest(name = "rsv1 on a ping towards {0}")
    @EnumSource(Role.class)
    void reservedBitsOnAControlFrameFailWith1002(Role role) {
        assertFailedWith(harness(role).receive(fromPeer(role, 0x80 | 0x40 | 0x9, new byte[0])), CloseCode.PROTOCOL_ERROR);
    }

    static Stream<Arguments> reservedOpcodesAndRoles() {
        return IntStream.of(3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF).boxed()
                .flatMap(op -> Stream.of(Role.values()).map(role -> Arguments.of(op, role)));
    }

    @ParameterizedTest(name = "opcode {0} towards {1}")
    @MethodSource("reservedOpcodesAndRoles")
    void reservedOpcodesFailWith1002(int opcode, Role role) {
        EngineHarness h = harness(role).receive(fromPeer(role, 0x80 | opcode, utf8("x")));
        assertFailedWith(h, CloseCode.PROTOCOL_ERROR);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void a64BitLengthWithTheTopBitSetFailsWith1002AsSoonAsItsFirstByteArrives(Role role) {
        int maskBit = role == Role.SERVER ? 0x80 : 0;
        EngineHarness h = harness(role).receive(new byte[] {(byte) 0x82, (byte) (maskBit | 127), (byte) 0x80});
        assertFailedWith(h, CloseCode.PROTOCOL_ERROR);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void aFrameOverTheFrameLimitFailsWith1009(Role role) {
        EngineConfig config = (role == Role.SERVER ? EngineConfig.server() : EngineConfig.client()).withMaxFrameSize(5);
        EngineHarness h = new EngineHarness(config).receive(fromPeer(role, 0x82, new byte[6]));
        assertFailedWith(h, CloseCode.MESSAGE_TOO_BIG);
        assertThat(h.events()).isEmpty();
    }

    @Test
    void aFrameOfExactlyTheFrameLimitIsAccepted() {
        EngineHarness h = new EngineHarness(EngineConfig.server().withMaxFrameSize(5))
                .receive(client(0x2, true, hex("0102030405")));
        assertThat(h.events()).containsExactly("binary:0102030405");
        assertThat(h.sent).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void aHeaderAnnouncing2To40BytesFailsWith1009BeforeAnyPayloadArrives(Role role) {
        Integer key = role == Role.SERVER ? RFC_KEY : null;
        byte[] headerOnly = frameWithLength(0x82, 1L << 40, new byte[0], key);
        EngineHarness h = harness(role).receive(headerOnly);
        assertFailedWith(h, CloseCode.MESSAGE_TOO_BIG);
    }

    @Test
    void theDefaultLimitsAre16MiBAndAreCheckedFromTheHeader() {
        assertThat(EngineConfig.server().maxFrameSize()).isEqualTo(16L << 20);
        assertThat(EngineConfig.server().maxMessageSize()).isEqualTo(16L << 20);
        byte[] header = frameWithLength(0x82, (16L << 20) + 1, new byte[0], RFC_KEY);
        assertFailedWith(EngineHarness.server().receive(header), CloseCode.MESSAGE_TOO_BIG);
    }

    @Test
    void aMessageOverTheMessageLimitFailsWith1009AtTheHeaderOfTheFragmentThatCrossesIt() {
        EngineHarness h = new EngineHarness(EngineConfig.server().withMaxMessageSize(10));
        h.receive(client(0x2, false, new byte[6]));
        assertThat(h.sent).isEmpty();
        h.receive(frameWithLength(0x80, 5, new byte[0], RFC_KEY));
        assertFailedWith(h, CloseCode.MESSAGE_TOO_BIG);
        assertThat(h.events()).isEmpty();
    }

    @Test
    void aMessageOfExactlyTheMessageLimitIsAccepted() {
        EngineHarness h = new EngineHarness(EngineConfig.server().withMaxMessageSize(10))
                .receive(client(0x1, false, utf8("Hello")), client(0x0, true, utf8("World")));
        assertThat(h.events()).containsExactly("text:HelloWorld");
    }

    @Test
    void nothingIsReportedAfterTheConnectionFailed() {
        EngineHarness h = EngineHarness.server()
                .receive(concat(client(0x1, true, utf8("before")), client(0x3, true, new byte[0]),
                        client(0x1, true, utf8("after"))));
        assertThat(h.events()).containsExactly("text:before");
        h.receive(client(0x1, true, utf8("later")), client(0x9, true, new byte[0]));
        assertThat(h.events()).containsExactly("text:before");
        assertThat(h.sentFrames()).hasSize(1);
        assertThat(h.leftoverBytes()).isZero();
    }

    @Test
    void anIncompleteHeaderIsLeftInTheInputForTheNextRead() {
        byte[] frame = client(0x2, true, new byte[300]);
        EngineHarness h = EngineHarness.server();
        for (int n = 1; n < 8; n++) {
            java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(frame, 0, n);
            h.engine.receive(in);
            assertThat(in.position()).as("%d header bytes", n).isZero();
        }
        h.receive(frame);
        assertThat(h.events()).containsExactly("binary:" + "00".repeat(300));
    }
}
