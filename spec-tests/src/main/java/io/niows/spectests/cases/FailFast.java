package io.niows.spectests.cases;

import static io.niows.spectests.cases.Payloads.concat;
import static io.niows.spectests.cases.Payloads.utf8;

import io.niows.spectests.engine.OutFrame;
import io.niows.spectests.wire.Hex;
import io.niows.spectests.wire.Opcode;
import java.util.Arrays;

/**
 * Autobahn 6.4.x, fail-fast on invalid UTF-8: a text message is sent in three parts one
 * second apart (as three frames, or as three chops of one frame); the second part makes the
 * text invalid (0xF4 0x90 encodes a code point above U+10FFFF). Failing then is OK; failing
 * only after the third part is NON-STRICT. Stateless; safe from any thread.
 */
final class FailFast {
    private static final byte[] PART1 = Hex.parse("cebae1bdb9cf83cebcceb5");
    private static final byte[] PART3 = utf8("edited");

    private FailFast() {
    }

    /**
     * @param part2 the second part, or null for "up to and including the octet that makes
     *              the payload invalid" (6.4.2/6.4.4: bytes 0-11, 12, 13-end)
     * @param chops send one frame in three chops instead of three frames
     */
    static FuzzCase inFrames(String id, byte[] part2, boolean chops) {
        byte[] whole = concat(PART1, Hex.parse("f4908080"), PART3);
        byte[][] parts = part2 != null
                ? new byte[][] {PART1, part2, PART3}
                : new byte[][] {Arrays.copyOfRange(whole, 0, 12), Arrays.copyOfRange(whole, 12, 13),
                    Arrays.copyOfRange(whole, 13, whole.length)};
        String how = chops ? "in 3 chops of the same message frame" : "in 3 fragments (frames)";
        return FuzzCase.builder(id)
                .description("Send invalid UTF-8 text message " + how + ", waiting 1 s between parts."
                        + "<br><br>MESSAGE PARTS:<br>PART1 = " + Hex.of(parts[0]) + "<br>PART2 = " + Hex.of(parts[1])
                        + "<br>PART3 = " + Hex.of(parts[2]))
                .expectation("The first part is accepted, we expect to timeout on the first wait. The 2nd part should "
                        + "be rejected immediately (fail fast on UTF-8). If we timeout, we expect the connection is "
                        + "failed at least then, since the complete message payload is not valid UTF-8.")
                .script(c -> {
                    c.expect(Verdict.OK, Observed.timeout("A"));
                    c.expect(Verdict.NON_STRICT, Observed.timeout("A"), Observed.timeout("B"));
                    c.expectClose(Group6Utf8.utf8Failure());
                    Sender send = chops ? chopped(c, whole, parts) : framed(c, parts);
                    send.part(0);
                    c.continueLater(1000, "A", () -> {
                        if (c.isOpen()) {
                            c.record(Observed.timeout("A"));
                            send.part(1);
                            c.continueLater(1000, "B", () -> {
                                if (c.isOpen()) {
                                    c.record(Observed.timeout("B"));
                                    send.part(2);
                                    c.killAfter(1000);
                                }
                            });
                        }
                    });
                }).build();
    }

    /** Sends part i of the message. */
    private interface Sender {
        void part(int i);
    }

    /** case6_4_1.py and case6_4_2.py: three plain frames. */
    private static Sender framed(CaseContext c, byte[][] parts) {
        return i -> c.send(OutFrame.of(i == 0 ? Opcode.TEXT : Opcode.CONTINUATION).payload(parts[i]).fin(i == 2));
    }

    /**
     * case6_4_3.py and case6_4_4.py use Autobahn's streaming API: {@code beginMessageFrame}
     * writes a header without FIN, the parts follow as its payload, and {@code endMessage}
     * ends the message with an empty final continuation frame.
     */
    private static Sender chopped(CaseContext c, byte[] whole, byte[][] parts) {
        byte[] frame = c.encode(OutFrame.of(Opcode.TEXT).payload(whole).fin(false));
        int header = frame.length - whole.length;
        int[] cuts = {0, header + parts[0].length, header + parts[0].length + parts[1].length, frame.length};
        return i -> {
            c.sendRaw(Arrays.copyOfRange(frame, cuts[i], cuts[i + 1]));
            if (i == 2) {
                c.send(OutFrame.of(Opcode.CONTINUATION));
            }
        };
    }
}
