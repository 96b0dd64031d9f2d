package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocketServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What arrives over raw TCP, split or batched in every way a network can. */
class RawFramingTest {

    private static WebSocketServer server;

    @BeforeAll
    static void start() throws Exception {
        server = Servers.echo();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aFrameDeliveredOneByteAtATimeIsEchoed() throws Exception {
        try (RawClient c = RawClient.open(server.port(), "/")) {
            for (byte b : RawClient.text("one byte at a time")) {
                c.send(new byte[] {b});
            }
            assertThat(c.readFrame().text()).isEqualTo("one byte at a time");
        }
    }

    @Test
    void theHandshakeAndAFirstFrameInOneWriteAreBothHandled() throws Exception {
        try (RawClient c = new RawClient(server.port())) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.writeBytes(RawClient.upgradeRequest("/").getBytes(StandardCharsets.ISO_8859_1));
            both.writeBytes(RawClient.text("right behind the request"));
            c.send(both.toByteArray());
            assertThat(c.readHead()).startsWith("HTTP/1.1 101");
            assertThat(c.readFrame().text()).isEqualTo("right behind the request");
        }
    }

    @Test
    void tenThousandFramesInOneWriteAreEchoedInOrder() throws Exception {
        try (RawClient c = RawClient.open(server.port(), "/")) {
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            for (int i = 0; i < 10_000; i++) {
                batch.writeBytes(RawClient.text("m" + i));
            }
            Thread writer = c.sendInBackground("batch", 1, i -> batch.toByteArray());
            for (int i = 0; i < 10_000; i++) {
                assertThat(c.readFrame().text()).isEqualTo("m" + i);
            }
            writer.join(10_000);
        }
    }

    @Test
    void aPingIsAnsweredWithAPongCarryingItsPayload() throws Exception {
        try (RawClient c = RawClient.open(server.port(), "/")) {
            c.send(RawClient.frame(0x89, "are you there".getBytes(StandardCharsets.UTF_8), true));
            RawClient.Frame pong = c.readFrame();
            assertThat(pong.opcode()).isEqualTo(0xA);
            assertThat(pong.text()).isEqualTo("are you there");
        }
    }

    @Test
    void aCloseIsEchoedAndThenTheServerClosesTcp() throws Exception {
        try (RawClient c = RawClient.open(server.port(), "/")) {
            c.send(RawClient.close(1000, "bye"));
            RawClient.Frame close = c.readFrame();
            assertThat(close.opcode()).isEqualTo(0x8);
            assertThat(close.closeCode()).isEqualTo(1000);
            assertThat(c.serverClosedTcp()).isTrue();
        }
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource({
        "0x81, false, unmasked client frame, 1002",
        "0xC1, true, RSV1 without an extension, 1002",
        "0x83, true, reserved opcode 3, 1002",
        "0x8B, true, reserved control opcode 0xB, 1002",
        "0x09, true, fragmented ping, 1002",
        "0x80, true, continuation with no message, 1002",
    })
    void aProtocolViolationClosesWithItsCodeThenTcp(String b0, boolean masked, String what, int code)
            throws Exception {
        try (RawClient c = RawClient.open(server.port(), "/")) {
            c.send(RawClient.frame(Integer.decode(b0), "x".getBytes(StandardCharsets.UTF_8), masked));
            RawClient.Frame close = c.readFrame();
            assertThat(close.opcode()).as(what).isEqualTo(0x8);
            assertThat(close.closeCode()).as(what).isEqualTo(code);
            assertThat(c.serverClosedTcp()).isTrue();
        }
    }

    @Test
    void invalidUtf8ClosesWith1007() throws Exception {
        try (RawClient c = RawClient.open(server.port(), "/")) {
            c.send(RawClient.frame(0x81, new byte[] {(byte) 0xCE, (byte) 0xBA, (byte) 0xE1, (byte) 0xBD}, true));
            assertThat(c.readFrame().closeCode()).isEqualTo(1007);
            assertThat(c.serverClosedTcp()).isTrue();
        }
    }

    @Test
    void aFrameOverTheLimitClosesWith1009BeforeItsPayloadArrives() throws Exception {
        try (RawClient c = RawClient.open(server.port(), "/")) {
            byte[] header = {(byte) 0x82, (byte) (0x80 | 127), 0, 0, 0, 1, 0, 0, 0, 0, 1, 2, 3, 4};
            c.send(header);
            assertThat(c.readFrame().closeCode()).isEqualTo(1009);
            assertThat(c.serverClosedTcp()).isTrue();
        }
    }

    @Test
    void anAbruptResetLeavesOtherConnectionsUntouched() throws Exception {
        try (RawClient survivor = RawClient.open(server.port(), "/")) {
            for (int i = 0; i < 20; i++) {
                RawClient victim = RawClient.open(server.port(), "/");
                byte[] frame = RawClient.text("half of this frame is lost");
                victim.send(java.util.Arrays.copyOf(frame, frame.length / 2));
                victim.reset();
                survivor.send(RawClient.text("still here " + i));
                assertThat(survivor.readFrame().text()).isEqualTo("still here " + i);
            }
        }
    }
}
