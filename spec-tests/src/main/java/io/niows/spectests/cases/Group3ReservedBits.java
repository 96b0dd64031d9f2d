package io.niows.spectests.cases;

import static io.niows.spectests.cases.Payloads.bytes;

import io.niows.spectests.engine.OutFrame;
import io.niows.spectests.wire.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Autobahn group 3, reserved bits (RFC 6455 section 5.2: "If a nonzero value is received and
 * none of the negotiated extensions defines the meaning of such a nonzero value, the
 * receiving endpoint MUST _Fail the WebSocket Connection_"). Stateless; safe from any thread.
 */
public final class Group3ReservedBits {
    private static final String HELLO = "Hello, world!";
    private static final String FAIL_AFTER_ECHO = "Echo for first message is received, but then connection is failed "
            + "immediately, since RSV must be 0, when no extension defining RSV meaning has been negotiated. "
            + "The Pong is not received.";

    private Group3ReservedBits() {
    }

    public static List<FuzzCase> cases() {
        List<FuzzCase> out = new ArrayList<>();
        out.add(single("3.1", "Send small text message with <b>RSV = 1</b>.",
                OutFrame.of(Opcode.TEXT).payload(HELLO).rsv(1)));
        out.add(afterEcho("3.2", "Send small text message, then send again with <b>RSV = 2</b>, then send Ping.", 2, 0, false));
        out.add(afterEcho("3.3", "Send small text message, then send again with <b>RSV = 3</b>, then send Ping. "
                + "Octets are sent in frame-wise chops. Octets are sent in octet-wise chops.", 3, 0, true));
        out.add(afterEcho("3.4", "Send small text message, then send again with <b>RSV = 4</b>, then send Ping. "
                + "Octets are sent in octet-wise chops.", 4, 1, false));
        out.add(single("3.5", "Send small binary message with <b>RSV = 5</b>.",
                OutFrame.of(Opcode.BINARY).payload(bytes(0x00, 0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0x00, 0xff)).rsv(5)));
        // Autobahn's case3_6.py sends opcode 2 although its description says Ping; we follow the file.
        out.add(single("3.6", "Send Ping with <b>RSV = 6</b>.", OutFrame.of(Opcode.BINARY).payload(HELLO).rsv(6)));
        out.add(single("3.7", "Send Close with <b>RSV = 7</b>.", OutFrame.of(Opcode.CLOSE).rsv(7)));
        return out;
    }

    private static FuzzCase single(String id, String description, OutFrame frame) {
        return FuzzCase.builder(id)
                .description(description)
                .expectation("The connection is failed immediately, since RSV must be 0.")
                .script(c -> {
                    c.expect(Verdict.OK);
                    c.expectClose(ExpectedClose.peerFails(1002));
                    c.send(frame);
                    c.killAfter(1000);
                }).build();
    }

    private static FuzzCase afterEcho(String id, String description, int rsv, int chop, boolean sync) {
        return FuzzCase.builder(id)
                .description(description)
                .expectation(FAIL_AFTER_ECHO)
                .serial()
                .script(c -> {
                    c.expect(Verdict.OK, Observed.text(HELLO));
                    c.expect(Verdict.NON_STRICT);
                    c.expectClose(ExpectedClose.peerFails(1002));
                    c.send(mode(OutFrame.of(Opcode.TEXT).payload(HELLO), chop, sync));
                    c.send(mode(OutFrame.of(Opcode.TEXT).payload(HELLO).rsv(rsv), chop, sync));
                    c.send(mode(OutFrame.of(Opcode.PING), chop, sync));
                    c.killAfter(1000);
                }).build();
    }

    static OutFrame mode(OutFrame f, int chop, boolean sync) {
        return sync ? f.chop(chop).sync() : f.chop(chop);
    }
}
