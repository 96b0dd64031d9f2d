package io.niows.spectests.cases;

import io.niows.spectests.engine.OutFrame;
import io.niows.spectests.wire.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Autobahn group 4, reserved opcodes 3-7 (non-control, 4.1.x) and 11-15 (control, 4.2.x):
 * RFC 6455 section 5.2, "If an unknown opcode is received, the receiving endpoint MUST _Fail
 * the WebSocket Connection_". Stateless; safe from any thread.
 */
public final class Group4Opcodes {
    private static final String HELLO = "Hello, world!";

    private Group4Opcodes() {
    }

    public static List<FuzzCase> cases() {
        List<FuzzCase> out = new ArrayList<>();
        for (int group = 1; group <= 2; group++) {
            String kind = group == 1 ? "non-control" : "control";
            int base = group == 1 ? 3 : 11;
            String prefix = "4." + group + ".";
            out.add(alone(prefix + 1, kind, base, false));
            out.add(alone(prefix + 2, kind, base + 1, true));
            out.add(afterEcho(prefix + 3, kind, base + 2, false, 0));
            out.add(afterEcho(prefix + 4, kind, base + 3, true, 0));
            // case4_1_5.py and case4_2_5.py send every frame in octet-wise chops
            out.add(afterEcho(prefix + 5, kind, base + 4, true, 1));
        }
        return out;
    }

    private static FuzzCase alone(String id, String kind, int opcode, boolean withPayload) {
        return FuzzCase.builder(id)
                .description("Send frame with reserved " + kind + " <b>Opcode = " + opcode + "</b>"
                        + (withPayload ? " and non-empty payload." : "."))
                .expectation("The connection is failed immediately.")
                .script(c -> {
                    c.expect(Verdict.OK);
                    c.expectClose(ExpectedClose.peerFails(1002));
                    OutFrame f = OutFrame.of(opcode);
                    c.send(withPayload ? f.payload("reserved opcode payload") : f);
                    c.killAfter(1000);
                }).build();
    }

    private static FuzzCase afterEcho(String id, String kind, int opcode, boolean withPayload, int chop) {
        return FuzzCase.builder(id)
                .description("Send small text message, then send frame with reserved " + kind + " <b>Opcode = "
                        + opcode + "</b>" + (withPayload ? " and non-empty payload" : "") + ", then send Ping.")
                .expectation("Echo for first message is received, but then connection is failed immediately, "
                        + "since reserved opcode frame is used. A Pong is not received.")
                .serial()
                .script(c -> {
                    c.expect(Verdict.OK, Observed.text(HELLO));
                    c.expect(Verdict.NON_STRICT);
                    c.expectClose(ExpectedClose.peerFails(1002));
                    c.send(OutFrame.of(Opcode.TEXT).payload(HELLO).chop(chop));
                    OutFrame f = OutFrame.of(opcode).chop(chop);
                    c.send(withPayload ? f.payload(HELLO) : f);
                    c.send(OutFrame.of(Opcode.PING).chop(chop));
                    c.killAfter(1000);
                }).build();
    }
}
