package io.niows.spectests.cases;

import static io.niows.spectests.cases.Payloads.repeat;

import io.niows.spectests.engine.OutFrame;
import io.niows.spectests.wire.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Autobahn group 1, framing: text (1.1.x) and binary (1.2.x) messages of the lengths where
 * the 7-bit, 16-bit and 64-bit length forms meet (RFC 6455 section 5.2), the last one sent
 * in chops of 997 octets. Stateless; safe from any thread.
 */
public final class Group1Framing {
    private static final int[] LENGTHS = {0, 125, 126, 127, 128, 65535, 65536, 65536};

    private Group1Framing() {
    }

    public static List<FuzzCase> cases() {
        List<FuzzCase> out = new ArrayList<>();
        for (int i = 0; i < LENGTHS.length; i++) {
            out.add(echo("1.1." + (i + 1), LENGTHS[i], false, i == 7 ? 997 : 0));
        }
        for (int i = 0; i < LENGTHS.length; i++) {
            out.add(echo("1.2." + (i + 1), LENGTHS[i], true, i == 7 ? 997 : 0));
        }
        return out;
    }

    private static FuzzCase echo(String id, int length, boolean binary, int chop) {
        String kind = binary ? "binary" : "text";
        return FuzzCase.builder(id)
                .description("Send " + kind + " message with payload of length " + length + "."
                        + (chop > 0 ? " Sent out data in chops of " + chop + " octets." : ""))
                .expectation("Receive echo'ed " + kind + " message (with payload as sent). Clean close with normal code.")
                .script(c -> {
                    byte[] payload = binary ? repeat(new byte[] {(byte) 0xFE}, length) : repeat("*", length);
                    c.expect(Verdict.OK, Observed.message(payload, binary));
                    c.expectClose(ExpectedClose.normal());
                    c.send(OutFrame.of(binary ? Opcode.BINARY : Opcode.TEXT).payload(payload).chop(chop));
                    c.killAfter(length > 128 ? 10_000 : 1000);
                })
                .build();
    }
}
