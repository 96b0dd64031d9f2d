package io.niows.internal.frame;

import static io.niows.protocol.TestFrames.client;
import static io.niows.protocol.TestFrames.concat;
import static org.assertj.core.api.Assertions.assertThat;

import io.niows.internal.frame.Utf8ValidatorTest.Utf8Case;
import io.niows.protocol.ConnectionState;
import io.niows.protocol.EngineHarness;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 6455 §8.1: text is UTF-8, and an endpoint that finds otherwise "MUST _Fail the WebSocket
 * Connection_" (1007). The Table 3-7 and Kuhn cases, sent as text messages cut into fragments
 * everywhere; invalid text fails as soon as the bad byte's fragment arrives.
 */
class Rfc6455Section8_1Utf8Test {

    static List<Utf8Case> cases() {
        return Utf8ValidatorTest.cases();
    }

    static Stream<Utf8Case> invalidCases() {
        return cases().stream().filter(c -> c.failsAt() >= 0);
    }

    static Stream<Utf8Case> incompleteCases() {
        return cases().stream().filter(c -> c.failsAt() == Utf8ValidatorTest.INCOMPLETE);
    }

    static Stream<Utf8Case> validCasesOfThreeBytesOrMore() {
        return cases().stream().filter(c -> c.failsAt() == Utf8ValidatorTest.VALID && c.bytes().length >= 3);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void textCutIntoTwoFragmentsAnywhereGetsTheVerdictOfTheWhole(Utf8Case c) {
        byte[] bytes = c.bytes();
        for (int cut = 0; cut <= bytes.length; cut++) {
            EngineHarness server = EngineHarness.server();
            server.receive(client(0x1, false, Arrays.copyOfRange(bytes, 0, cut)),
                    client(0x0, true, Arrays.copyOfRange(bytes, cut, bytes.length)));
            if (c.failsAt() == Utf8ValidatorTest.VALID) {
                assertThat(server.events()).as("cut at %d", cut)
                        .containsExactly("text:" + new String(bytes, StandardCharsets.UTF_8));
                assertThat(server.sent).isEmpty();
            } else {
                assertThat(server.events()).as("cut at %d", cut).isEmpty();
                assertThat(server.sentFrames()).containsExactly("close:1007:" + server.engine.closeReason());
                assertThat(server.engine.closeCode()).isEqualTo(1007);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("invalidCases")
    void invalidTextFailsAsSoonAsTheFragmentWithTheBadByteArrives(Utf8Case c) {
        byte[] upToBadByte = Arrays.copyOfRange(c.bytes(), 0, c.failsAt() + 1);
        EngineHarness server = EngineHarness.server();
        server.receive(client(0x1, false, Arrays.copyOfRange(upToBadByte, 0, c.failsAt())));
        assertThat(server.sent).as("no verdict before the bad byte").isEmpty();
        server.receive(client(0x0, false, Arrays.copyOfRange(upToBadByte, c.failsAt(), c.failsAt() + 1)));
        assertThat(server.engine.closeCode()).isEqualTo(1007);
        assertThat(server.engine.transportShouldClose()).isTrue();
        assertThat(server.engine.state()).isEqualTo(ConnectionState.CLOSING);
    }

    @ParameterizedTest
    @MethodSource("invalidCases")
    void invalidTextFailsFastInsideASingleFrameFedByteByByte(Utf8Case c) {
        byte[] frame = client(0x81, true, c.bytes());
        int headerLength = frame.length - c.bytes().length;
        EngineHarness server = EngineHarness.server();
        for (int i = 0; i < headerLength + c.failsAt(); i++) {
            server.receive(new byte[] {frame[i]});
        }
        assertThat(server.sent).isEmpty();
        server.receive(new byte[] {frame[headerLength + c.failsAt()]});
        assertThat(server.sentFrames()).hasSize(1).first().asString().startsWith("close:1007");
    }

    @ParameterizedTest
    @MethodSource("incompleteCases")
    void textEndingInsideASequenceFailsAtTheFinalFragment(Utf8Case c) {
        EngineHarness server = EngineHarness.server();
        server.receive(client(0x1, false, c.bytes()));
        assertThat(server.sent).isEmpty();
        server.receive(client(0x0, true, new byte[0]));
        assertThat(server.engine.closeCode()).isEqualTo(1007);
    }

    @ParameterizedTest
    @MethodSource("validCasesOfThreeBytesOrMore")
    void aCharacterSplitAcrossThreeFragmentsIsValid(Utf8Case c) {
        byte[] b = c.bytes();
        EngineHarness server = EngineHarness.server();
        server.receive(concat(client(0x1, false, Arrays.copyOfRange(b, 0, 1)),
                client(0x0, false, Arrays.copyOfRange(b, 1, 2)),
                client(0x0, true, Arrays.copyOfRange(b, 2, b.length))));
        assertThat(server.events()).containsExactly("text:" + new String(b, StandardCharsets.UTF_8));
    }
}
