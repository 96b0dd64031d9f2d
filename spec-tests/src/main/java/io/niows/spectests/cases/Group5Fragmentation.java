package io.niows.spectests.cases;

import static io.niows.spectests.cases.Group3ReservedBits.mode;

import io.niows.spectests.engine.OutFrame;
import io.niows.spectests.wire.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Autobahn group 5, fragmentation (RFC 6455 section 5.4): control frames are never
 * fragmented, may be injected between fragments and are answered at once; a continuation
 * needs a message to continue; a new data frame may not interrupt a message.
 * Stateless; safe from any thread.
 */
public final class Group5Fragmentation {
    private static final String CONT_NOTHING = "The connection is failed immediately, since there is no message to continue.";

    private Group5Fragmentation() {
    }

    public static List<FuzzCase> cases() {
        List<FuzzCase> out = new ArrayList<>();
        out.add(fragmentedControl("5.1", Opcode.PING, "Ping"));
        out.add(fragmentedControl("5.2", Opcode.PONG, "Pong"));
        out.add(twoFragments("5.3", "", 0, false));
        out.add(twoFragments("5.4", ", octets are sent in frame-wise chops", 0, true));
        out.add(twoFragments("5.5", ", octets are sent in octet-wise chops", 1, false));
        out.add(pingBetween("5.6", "", 0, false));
        out.add(pingBetween("5.7", " Octets are sent in frame-wise chops.", 0, true));
        out.add(pingBetween("5.8", " Octets are sent in octet-wise chops.", 1, false));
        String[] ways = {"sent in one chop", "sent in per-frame chops", "sent in octet-wise chops"};
        for (int i = 0; i < 3; i++) {
            out.add(nothingToContinue("5." + (9 + i), true, ways[i], i == 2 ? 1 : 0, i == 1));
        }
        for (int i = 0; i < 3; i++) {
            out.add(nothingToContinue("5." + (12 + i), false, ways[i], i == 2 ? 1 : 0, i == 1));
        }
        out.add(case515());
        out.add(repeatedNothingToContinue("5.16", false));
        out.add(repeatedNothingToContinue("5.17", true));
        out.add(case518());
        out.add(case519("5.19", false));
        out.add(case519("5.20", true));
        return out;
    }

    private static FuzzCase fragmentedControl(String id, int opcode, String name) {
        return FuzzCase.builder(id)
                .description("Send " + name + " fragmented into 2 fragments.")
                .expectation("Connection is failed immediately, since control message MUST NOT be fragmented.")
                .script(c -> {
                    c.expect(Verdict.OK);
                    c.expectClose(ExpectedClose.peerFails(1002));
                    c.send(OutFrame.of(opcode).payload("fragment1").fin(false));
                    c.send(OutFrame.of(Opcode.CONTINUATION).payload("fragment2"));
                    c.killAfter(1000);
                }).build();
    }

    private static FuzzCase twoFragments(String id, String how, int chop, boolean sync) {
        return FuzzCase.builder(id)
                .description("Send text Message fragmented into 2 fragments" + how + ".")
                .expectation("Message is processed and echo'ed back to us.")
                .script(c -> {
                    c.expect(Verdict.OK, Observed.text("fragment1fragment2"));
                    c.expectClose(ExpectedClose.normal());
                    c.send(mode(OutFrame.of(Opcode.TEXT).payload("fragment1").fin(false), chop, sync));
                    c.send(mode(OutFrame.of(Opcode.CONTINUATION).payload("fragment2"), chop, sync));
                    c.closeAfter(1000);
                }).build();
    }

    private static FuzzCase pingBetween(String id, String how, int chop, boolean sync) {
        return FuzzCase.builder(id)
                .description("Send text Message fragmented into 2 fragments, one ping with payload in-between." + how)
                .expectation("A pong is received, then the message is echo'ed back to us.")
                .script(c -> {
                    c.expect(Verdict.OK, Observed.pong("ping payload"), Observed.text("fragment1fragment2"));
                    c.expectClose(ExpectedClose.normal());
                    c.send(mode(OutFrame.of(Opcode.TEXT).payload("fragment1").fin(false), chop, sync));
                    c.send(mode(OutFrame.of(Opcode.PING).payload("ping payload"), chop, sync));
                    c.send(mode(OutFrame.of(Opcode.CONTINUATION).payload("fragment2"), chop, sync));
                    c.closeAfter(1000);
                }).build();
    }

    private static FuzzCase nothingToContinue(String id, boolean fin, String how, int chop, boolean sync) {
        return FuzzCase.builder(id)
                .description("Send unfragmented Text Message after Continuation Frame with FIN = " + fin
                        + ", where there is nothing to continue, " + how + ".")
                .expectation(CONT_NOTHING)
                .script(c -> {
                    c.expect(Verdict.OK);
                    c.expectClose(ExpectedClose.peerFails(1002));
                    c.send(mode(OutFrame.of(Opcode.CONTINUATION).payload("non-continuation payload").fin(fin), chop, sync));
                    c.send(mode(OutFrame.of(Opcode.TEXT).payload("Hello, world!"), chop, sync));
                    c.killAfter(1000);
                }).build();
    }

    private static FuzzCase case515() {
        return FuzzCase.builder("5.15")
                .description("Send text Message fragmented into 2 fragments, then Continuation Frame with FIN = false "
                        + "where there is nothing to continue, then unfragmented Text Message, all sent in one chop.")
                .serial()
                .expectation(CONT_NOTHING)
                .script(c -> {
                    c.expect(Verdict.OK, Observed.text("fragment1fragment2"));
                    c.expect(Verdict.NON_STRICT);
                    c.expectClose(ExpectedClose.peerFails(1002));
                    c.send(OutFrame.of(Opcode.TEXT).payload("fragment1").fin(false));
                    c.send(OutFrame.of(Opcode.CONTINUATION).payload("fragment2"));
                    c.send(OutFrame.of(Opcode.CONTINUATION).payload("fragment3").fin(false));
                    c.send(OutFrame.of(Opcode.TEXT).payload("fragment4"));
                    c.killAfter(1000);
                }).build();
    }

    private static FuzzCase repeatedNothingToContinue(String id, boolean fin) {
        return FuzzCase.builder(id)
                .description("Repeated 2x: Continuation Frame with FIN = " + fin
                        + " (where there is nothing to continue), then text Message fragmented into 2 fragments.")
                .expectation(CONT_NOTHING)
                .script(c -> {
                    c.expect(Verdict.OK);
                    c.expectClose(ExpectedClose.peerFails(1002));
                    for (int i = 0; i < 2; i++) {
                        c.send(OutFrame.of(Opcode.CONTINUATION).payload("fragment1").fin(fin));
                        c.send(OutFrame.of(Opcode.TEXT).payload("fragment2").fin(false));
                        c.send(OutFrame.of(Opcode.CONTINUATION).payload("fragment3"));
                    }
                    c.killAfter(1000);
                }).build();
    }

    private static FuzzCase case518() {
        return FuzzCase.builder("5.18")
                .description("Send text Message fragmented into 2 fragments, with both frame opcodes set to text, sent in one chop.")
                .expectation("The connection is failed immediately, since all data frames after the initial data "
                        + "frame must have opcode 0.")
                .script(c -> {
                    c.expect(Verdict.OK);
                    c.expectClose(ExpectedClose.peerFails(1002));
                    c.send(OutFrame.of(Opcode.TEXT).payload("fragment1").fin(false));
                    c.send(OutFrame.of(Opcode.TEXT).payload("fragment2"));
                    c.killAfter(1000);
                }).build();
    }

    private static FuzzCase case519(String id, boolean sync) {
        return FuzzCase.builder(id)
                .description("A fragmented text message is sent in multiple frames. After sending the first 2 frames "
                        + "of the text message, a Ping is sent. Then we wait 1s, then we send 2 more text fragments, "
                        + "another Ping and then the final text fragment. Everything is legal."
                        + (sync ? " Frames are sent in frame-wise chops." : ""))
                .expectation("The peer immediately answers the first Ping before it has received the last text message "
                        + "fragment. The peer pong's back the Ping's payload exactly, and echo's the payload of the "
                        + "fragmented message back to us.")
                .script(c -> {
                    c.expect(Verdict.OK, Observed.pong("pongme 1!"), Observed.pong("pongme 2!"),
                            Observed.text("fragment1fragment2fragment3fragment4fragment5"));
                    c.expectClose(ExpectedClose.normal());
                    c.send(mode(OutFrame.of(Opcode.TEXT).payload("fragment1").fin(false), 0, sync));
                    c.send(mode(OutFrame.of(Opcode.CONTINUATION).payload("fragment2").fin(false), 0, sync));
                    c.send(mode(OutFrame.of(Opcode.PING).payload("pongme 1!"), 0, sync));
                    c.continueLater(1000, null, () -> {
                        c.send(mode(OutFrame.of(Opcode.CONTINUATION).payload("fragment3").fin(false), 0, sync));
                        c.send(mode(OutFrame.of(Opcode.CONTINUATION).payload("fragment4").fin(false), 0, sync));
                        c.send(mode(OutFrame.of(Opcode.PING).payload("pongme 2!"), 0, sync));
                        c.send(mode(OutFrame.of(Opcode.CONTINUATION).payload("fragment5"), 0, sync));
                        c.closeAfter(1000);
                    });
                }).build();
    }
}
