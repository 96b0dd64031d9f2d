package io.niows.spectests.cases;

import static io.niows.spectests.cases.Payloads.repeat;

import io.niows.spectests.wire.Opcode;
import java.util.List;

/**
 * Autobahn group 10: a 64 KiB text message sent auto-fragmented into 1300-octet frames must
 * be echoed whole; the case also checks the fuzzer really sent 1 text and 50 continuation
 * frames. Stateless; safe from any thread.
 */
public final class Group10AutoFragmentation {
    private static final int SIZE = 65536;
    private static final int FRAGMENT = 1300;

    private Group10AutoFragmentation() {
    }

    public static List<FuzzCase> cases() {
        return List.of(FuzzCase.builder("10.1.1")
                .description("Send text message with payload of length 65536 auto-fragmented with "
                        + "<b>autoFragmentSize = 1300</b>.")
                .expectation("Receive echo'ed text message (with payload as sent and transmitted frame counts as "
                        + "expected). Clean close with normal code.")
                .adjust((c, f, j) -> {
                    int continuations = c.txFrameStats().getOrDefault(Opcode.CONTINUATION, 0);
                    int texts = c.txFrameStats().getOrDefault(Opcode.TEXT, 0);
                    if (continuations != SIZE / FRAGMENT || texts != 1) {
                        j.behavior = Verdict.FAILED;
                        j.result = "Frames transmitted {0: " + continuations + ", 1: " + texts
                                + "} does not match what we expected {0: " + SIZE / FRAGMENT + ", 1: 1}.";
                    }
                })
                .script(c -> {
                    byte[] payload = repeat("*", SIZE);
                    c.expect(Verdict.OK, Observed.message(payload, false));
                    c.expectClose(ExpectedClose.normal());
                    c.sendMessage(payload, false, FRAGMENT);
                    c.killAfter(10_000);
                }).build());
    }
}
