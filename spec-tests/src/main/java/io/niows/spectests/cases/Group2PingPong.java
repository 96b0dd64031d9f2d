package io.niows.spectests.cases;

import static io.niows.spectests.cases.Payloads.bytes;
import static io.niows.spectests.cases.Payloads.repeat;
import static io.niows.spectests.cases.Payloads.utf8;

import io.niows.spectests.engine.OutFrame;
import io.niows.spectests.wire.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Autobahn group 2, pings and pongs (RFC 6455 sections 5.5.2-5.5.3): a pong must echo the
 * ping's payload, control payloads stop at 125 octets, unsolicited pongs are ignored.
 * Stateless; safe from any thread.
 */
public final class Group2PingPong {
    private Group2PingPong() {
    }

    public static List<FuzzCase> cases() {
        List<FuzzCase> out = new ArrayList<>();
        out.add(pingEcho("2.1", "Send ping without payload.", new byte[0], 0, 1000));
        out.add(pingEcho("2.2", "Send ping with small text payload.", utf8("Hello, world!"), 0, 1000));
        out.add(pingEcho("2.3", "Send ping with small binary (non UTF-8) payload.",
                bytes(0x00, 0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0x00, 0xff), 0, 1000));
        out.add(pingEcho("2.4", "Send ping with binary payload of 125 octets.", repeat(bytes(0xfe), 125), 0, 1000));
        out.add(FuzzCase.builder("2.5")
                .description("Send ping with binary payload of 126 octets.")
                .expectation("Connection is failed immediately (1002/Protocol Error), since control frames are only "
                        + "allowed to have payload up to and including 125 octets..")
                .script(c -> {
                    c.expect(Verdict.OK);
                    c.expectClose(ExpectedClose.peerFails(1002));
                    c.send(OutFrame.of(Opcode.PING).payload(repeat(bytes(0xfe), 126)));
                    c.killAfter(1000);
                }).build());
        out.add(pingEcho("2.6", "Send ping with binary payload of 125 octets, send in octet-wise chops.",
                repeat(bytes(0xfe), 125), 1, 2000));
        out.add(unsolicitedPong("2.7", "Send unsolicited pong without payload. Verify nothing is received.", new byte[0]));
        out.add(unsolicitedPong("2.8", "Send unsolicited pong with payload. Verify nothing is received.",
                utf8("unsolicited pong payload")));
        out.add(FuzzCase.builder("2.9")
                .description("Send unsolicited pong with payload. Send ping with payload. Verify pong for ping is received.")
                .expectation("Nothing in reply to own Pong, but Pong with payload echo'ed in reply to Ping. "
                        + "Clean close with normal code.")
                .script(c -> {
                    c.expect(Verdict.OK, Observed.pong("ping payload"));
                    c.expectClose(ExpectedClose.normal());
                    c.send(OutFrame.of(Opcode.PONG).payload("unsolicited pong payload"));
                    c.send(OutFrame.of(Opcode.PING).payload("ping payload"));
                    c.closeAfter(1000);
                }).build());
        out.add(tenPings("2.10", "Send 10 Pings with payload.", 0));
        out.add(tenPings("2.11", "Send 10 Pings with payload. Send out octets in octet-wise chops.", 1));
        return out;
    }

    private static FuzzCase pingEcho(String id, String description, byte[] payload, int chop, long closeAfter) {
        return FuzzCase.builder(id)
                .description(description)
                .expectation("Pong with payload echo'ed is sent in reply to Ping. Clean close with normal code.")
                .script(c -> {
                    c.expect(Verdict.OK, Observed.pong(payload));
                    c.expectClose(ExpectedClose.normal());
                    c.send(OutFrame.of(Opcode.PING).payload(payload).chop(chop));
                    c.closeAfter(closeAfter);
                }).build();
    }

    private static FuzzCase unsolicitedPong(String id, String description, byte[] payload) {
        return FuzzCase.builder(id)
                .description(description)
                .expectation("Nothing. Clean close with normal code.")
                .script(c -> {
                    c.expect(Verdict.OK);
                    c.expectClose(ExpectedClose.normal());
                    c.send(OutFrame.of(Opcode.PONG).payload(payload));
                    c.sendClose(1000, null);
                    c.closeAfter(1000);
                }).build();
    }

    private static FuzzCase tenPings(String id, String description, int chop) {
        return FuzzCase.builder(id)
                .description(description)
                .expectation("Pongs for our Pings with all the payloads. Note: This is not required by the Spec .. "
                        + "but we check for this behaviour anyway. Clean close with normal code.")
                .script(c -> {
                    Observed[] pongs = new Observed[10];
                    for (int i = 0; i < 10; i++) {
                        pongs[i] = Observed.pong("payload-" + i);
                    }
                    c.expect(Verdict.OK, pongs);
                    c.expectClose(ExpectedClose.normal());
                    for (int i = 0; i < 10; i++) {
                        c.send(OutFrame.of(Opcode.PING).payload("payload-" + i).chop(chop));
                    }
                    c.closeAfter(3000);
                }).build();
    }
}
