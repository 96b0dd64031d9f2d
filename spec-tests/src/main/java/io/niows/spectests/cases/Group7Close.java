package io.niows.spectests.cases;

import static io.niows.spectests.cases.Payloads.repeat;
import static io.niows.spectests.cases.Payloads.utf8;

import io.niows.spectests.engine.OutFrame;
import io.niows.spectests.wire.Hex;
import io.niows.spectests.wire.Opcode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Autobahn group 7, close handling (RFC 6455 sections 5.5.1, 7.1.5-7.1.6, 7.4): nothing is
 * answered after a close, the close payload is 0 or 2+ octets of code and UTF-8 reason,
 * valid codes are echoed or answered with 1000, invalid ones with 1002.
 * Stateless; safe from any thread.
 */
public final class Group7Close {
    private static final int[] VALID = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999};
    private static final int[] INVALID = {0, 999, 1004, 1005, 1006, 1016, 1100, 2000, 2999};
    private static final ExpectedClose PROTOCOL_ERROR = new ExpectedClose(true, List.of(1002), false, false);

    private Group7Close() {
    }

    public static List<FuzzCase> cases() {
        List<FuzzCase> out = new ArrayList<>();
        out.add(closeCase("7.1.1", "Send a message followed by a close frame",
                "Echoed message followed by clean close with normal code.", ExpectedClose.normal(), false, c -> {
                    c.expect(Verdict.OK, Observed.text("Hello World!"));
                    c.send(OutFrame.of(Opcode.TEXT).payload("Hello World!"));
                }));
        out.add(afterClose("7.1.2", "Send two close frames", OutFrame.of(Opcode.CLOSE)));
        out.add(afterClose("7.1.3", "Send a ping after close message", OutFrame.of(Opcode.PING)));
        out.add(afterClose("7.1.4", "Send text message after sending a close frame",
                OutFrame.of(Opcode.TEXT).payload("Hello World!")));
        out.add(closeCase("7.1.5", "Send message fragment1 followed by close then fragment",
                "Clean close with normal code.", ExpectedClose.normal(), true, c -> {
                    c.send(OutFrame.of(Opcode.TEXT).payload("fragment1").fin(false));
                    c.sendClose(1000, null);
                    c.send(OutFrame.of(Opcode.CONTINUATION).payload("fragment2"));
                }));
        out.add(case716());
        out.addAll(payloadLengths());
        out.add(closeCase("7.5.1", "Send a close frame with invalid UTF8 payload",
                "Clean close with protocol error or invalid utf8 code or dropped TCP.",
                new ExpectedClose(true, List.of(1002, 1007), false, false), true,
                c -> c.sendCloseFrame(1000, Hex.parse("cebae1bdb9cf83cebcceb5eda080656469746564"))));
        for (int i = 0; i < VALID.length; i++) {
            int code = VALID[i];
            out.add(closeCase("7.7." + (i + 1), "Send close with valid close code " + code,
                    "Clean close with normal or echoed code", new ExpectedClose(true, List.of(1000, code), true, false),
                    false, c -> c.sendCloseFrame(code, null)));
        }
        for (int i = 0; i < INVALID.length; i++) {
            int code = INVALID[i];
            out.add(closeCase("7.9." + (i + 1), "Send close with invalid close code " + code,
                    "Clean close with protocol error code or drop TCP", PROTOCOL_ERROR, false,
                    c -> c.sendCloseFrame(code, null)));
        }
        out.add(informational("7.13.1", 5000));
        out.add(informational("7.13.2", 65535));
        return out;
    }

    private static FuzzCase closeCase(String id, String description, String expectation, ExpectedClose close,
            boolean suppress, Consumer<CaseContext> action) {
        return FuzzCase.builder(id)
                .description(description)
                .expectation(expectation)
                .adjust(FuzzCase.WRONG_CODE_FAILS)
                .script(c -> {
                    c.expect(Verdict.OK);
                    c.expectClose(close);
                    if (suppress) {
                        c.suppressClose();
                    }
                    action.accept(c);
                    c.killAfter(1000);
                }).build();
    }

    private static FuzzCase afterClose(String id, String description, OutFrame after) {
        return closeCase(id, description, "Clean close with normal code. Nothing is answered after the close.",
                ExpectedClose.normal(), true, c -> {
                    c.sendClose(1000, null);
                    c.send(after);
                });
    }

    private static FuzzCase case716() {
        return FuzzCase.builder("7.1.6")
                .description("Send 256K message followed by close then a ping")
                .expectation("Case outcome depends on implementation defined close behavior. Message and close frame "
                        + "are sent back to back. If the close frame is processed before the text message write is "
                        + "complete (as can happen in asynchronous processing models) the close frame is processed "
                        + "first and the text message may not be received or may only be partially received.")
                .adjust(FuzzCase.INFORMATIONAL)
                .script(c -> {
                    c.suppressClose();
                    c.expect(Verdict.OK, Observed.text("Hello World!"));
                    c.expect(Verdict.NON_STRICT);
                    c.expectClose(ExpectedClose.normal());
                    c.send(OutFrame.of(Opcode.TEXT).payload(repeat("BAsd7&jh23", 256 << 10)));
                    c.send(OutFrame.of(Opcode.TEXT).payload("Hello World!"));
                    c.sendClose(1000, null);
                    c.send(OutFrame.of(Opcode.PING));
                    c.killAfter(1000);
                }).build();
    }

    private static List<FuzzCase> payloadLengths() {
        List<FuzzCase> out = new ArrayList<>();
        out.add(closeCase("7.3.1", "Send a close frame with payload length 0 (no close code, no close reason)",
                "Clean close with normal code.", ExpectedClose.normal(), true, c -> c.sendCloseFrame(null, null)));
        out.add(closeCase("7.3.2", "Send a close frame with payload length 1",
                "Clean close with protocol error or drop TCP.", PROTOCOL_ERROR, true,
                c -> c.sendCloseFrame(null, utf8("a"))));
        out.add(closeCase("7.3.3", "Send a close frame with payload length 2 (regular close with a code)",
                "Clean close with normal code.", ExpectedClose.normal(), true, c -> c.sendCloseFrame(1000, null)));
        out.add(closeCase("7.3.4", "Send a close frame with close code and close reason",
                "Clean close with normal code.", ExpectedClose.normal(), true, c -> c.sendClose(1000, "Hello World!")));
        out.add(closeCase("7.3.5", "Send a close frame with close code and close reason of maximum length (123)",
                "Clean close with normal code.", ExpectedClose.normal(), true, c -> c.sendClose(1000, "*".repeat(123))));
        out.add(closeCase("7.3.6", "Send a close frame with close code and close reason which is too long (124) - "
                + "total frame payload 126 octets", "Clean close with protocol error code or dropped TCP connection.",
                PROTOCOL_ERROR, true, c -> c.sendCloseFrame(1000, utf8("*".repeat(124)))));
        return out;
    }

    private static FuzzCase informational(String id, int code) {
        return FuzzCase.builder(id)
                .description("Send close with close code " + code)
                .expectation("Actual events are undefined by the spec.")
                .adjust(FuzzCase.INFORMATIONAL)
                .script(c -> {
                    c.suppressClose();
                    c.expect(Verdict.OK);
                    c.expectClose(new ExpectedClose(true, List.of(1000, code, 1002), false, false));
                    c.sendCloseFrame(code, null);
                    c.killAfter(1000);
                }).build();
    }
}
