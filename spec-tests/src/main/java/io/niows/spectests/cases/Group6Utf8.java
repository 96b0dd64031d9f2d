package io.niows.spectests.cases;

import static io.niows.spectests.cases.Payloads.concat;
import static io.niows.spectests.cases.Payloads.utf8;
import static io.niows.spectests.wire.Hex.parse;

import io.niows.spectests.engine.OutFrame;
import io.niows.spectests.wire.Hex;
import io.niows.spectests.wire.Opcode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Autobahn group 6, UTF-8 handling (RFC 6455 sections 5.6 and 8.1: text must be valid UTF-8,
 * else the endpoint fails the connection with 1007), including the fail-fast cases 6.4.x:
 * the peer should fail at the first invalid octet, not at the end of the message (which
 * earns NON-STRICT). Stateless; safe from any thread.
 */
public final class Group6Utf8 {
    private static final byte[] KOSME = parse("cebae1bdb9cf83cebcceb5");
    private static final byte[] HELLO_UTF8 = utf8("Hello-\u00b5@\u00df\u00f6\u00e4\u00fc\u00e0\u00e1-UTF-8!!");
    private static final byte[] INVALID = concat(KOSME, parse("eda080"), utf8("edited"));
    private static final String FAIL_NOW = "The connection is failed immediately, since the payload is not valid UTF-8.";

    private Group6Utf8() {
    }

    public static List<FuzzCase> cases() {
        List<FuzzCase> out = new ArrayList<>();
        out.add(echoFrames("6.1.1", "Send text message of length 0.", utf8(""), new byte[][] {utf8("")}));
        out.add(echoFrames("6.1.2", "Send fragmented text message, 3 fragments each of length 0.", utf8(""),
                new byte[][] {utf8(""), utf8(""), utf8("")}));
        out.add(echoFrames("6.1.3", "Send fragmented text message, 3 fragments, first and last of length 0, middle non-empty.",
                utf8("middle frame payload"), new byte[][] {utf8(""), utf8("middle frame payload"), utf8("")}));
        out.add(echoFrames("6.2.1", "Send a valid UTF-8 text message in one fragment.", HELLO_UTF8,
                new byte[][] {HELLO_UTF8}));
        out.add(echoFrames("6.2.2", "Send a valid UTF-8 text message in two fragments, fragmented on UTF-8 code point boundary.",
                HELLO_UTF8, new byte[][] {utf8("Hello-\u00b5@\u00df\u00f6\u00e4"), utf8("\u00fc\u00e0\u00e1-UTF-8!!")}));
        out.add(echoFrames("6.2.3", "Send a valid UTF-8 text message in fragments of 1 octet, resulting in frames "
                + "ending on positions which are not code point ends.", HELLO_UTF8, octets(HELLO_UTF8)));
        out.add(echoFrames("6.2.4", "Send a valid UTF-8 text message in fragments of 1 octet, resulting in frames "
                + "ending on positions which are not code point ends.", KOSME, octets(KOSME)));
        out.add(invalid("6.3.1", "Send invalid UTF-8 text message unfragmented.", 0));
        out.add(invalid("6.3.2", "Send invalid UTF-8 text message in fragments of 1 octet, resulting in frames "
                + "ending on positions which are not code point ends.", 1));
        out.add(FailFast.inFrames("6.4.1", Hex.parse("f4908080"), false));
        out.add(FailFast.inFrames("6.4.2", null, false));
        out.add(FailFast.inFrames("6.4.3", Hex.parse("f4908080"), true));
        out.add(FailFast.inFrames("6.4.4", null, true));
        out.addAll(sequences());
        return out;
    }

    private static byte[][] octets(byte[] payload) {
        byte[][] parts = new byte[payload.length][];
        for (int i = 0; i < payload.length; i++) {
            parts[i] = new byte[] {payload[i]};
        }
        return parts;
    }

    private static FuzzCase echoFrames(String id, String description, byte[] message, byte[][] fragments) {
        return FuzzCase.builder(id)
                .description(description + "<br><br>MESSAGE:<br>" + Hex.of(message))
                .expectation("The message is echo'ed back to us.")
                .script(c -> {
                    c.expect(Verdict.OK, Observed.message(message, false));
                    c.expectClose(ExpectedClose.normal());
                    for (int i = 0; i < fragments.length; i++) {
                        c.send(OutFrame.of(i == 0 ? Opcode.TEXT : Opcode.CONTINUATION).payload(fragments[i])
                                .fin(i == fragments.length - 1));
                    }
                    c.closeAfter(1000);
                }).build();
    }

    private static FuzzCase invalid(String id, String description, int fragmentSize) {
        return FuzzCase.builder(id)
                .description(description + "<br><br>MESSAGE:<br>" + Hex.of(INVALID))
                .expectation(FAIL_NOW)
                .script(c -> {
                    c.expect(Verdict.OK);
                    c.expectClose(utf8Failure());
                    c.sendMessage(INVALID, false, fragmentSize);
                    c.killAfter(1000);
                }).build();
    }

    static ExpectedClose utf8Failure() {
        return new ExpectedClose(false, List.of(1007), false, true);
    }

    private static List<FuzzCase> sequences() {
        List<FuzzCase> out = new ArrayList<>();
        int i = 5;
        for (Utf8Sequences.Category cat : Utf8Sequences.categories()) {
            int j = 1;
            for (Utf8Sequences.Sequence s : cat.sequences()) {
                out.add(sequence("6." + i + "." + j, s));
                j++;
            }
            i++;
        }
        return out;
    }

    private static FuzzCase sequence(String id, Utf8Sequences.Sequence s) {
        byte[] payload = Arrays.copyOf(s.payload(), s.payload().length);
        return FuzzCase.builder(id)
                .description("Send a text message with payload which is " + (s.valid() ? "" : "not ")
                        + "valid UTF-8 in one fragment.<br><br>Payload: 0x" + Hex.of(payload))
                .expectation(s.valid() ? "The message is echo'ed back to us." : FAIL_NOW)
                .script(c -> {
                    if (s.valid()) {
                        c.expect(Verdict.OK, Observed.message(payload, false));
                        c.expectClose(ExpectedClose.normal());
                    } else {
                        c.expect(Verdict.OK);
                        c.expectClose(utf8Failure());
                    }
                    c.sendMessage(payload, false, 0);
                    c.killAfter(500);
                }).build();
    }
}
