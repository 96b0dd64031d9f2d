package io.niows.spectests.cases;

import static io.niows.spectests.cases.Payloads.bytes;
import static io.niows.spectests.cases.Payloads.repeat;

import io.niows.spectests.engine.OutFrame;
import io.niows.spectests.wire.Opcode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Autobahn group 9, limits and performance: big messages (9.1/9.2), big fragmented messages
 * (9.3/9.4), messages sent in small chops (9.5/9.6) and 1000 round trips (9.7/9.8). Each is
 * timed; it passes when the echo arrives whole before the case's limit. A size scale below 1
 * shrinks every message (for quick runs); the verdict rule stays the same.
 * Stateless; safe from any thread.
 */
public final class Group9Limits {
    private static final int K = 1 << 10;
    private static final int M = 1 << 20;
    private static final int[] BIG = {64 * K, 256 * K, M, 4 * M, 8 * M, 16 * M};
    private static final int[] BIG_WAIT = {10, 10, 20, 40, 80, 100};
    private static final int[] FRAGMENTS = {64, 256, K, 4 * K, 16 * K, 64 * K, 256 * K, M, 4 * M};
    private static final int[] CHOPS = {64, 128, 256, 512, 1024, 2048};
    private static final int[][] ROUND_TRIPS = {{0, 60}, {16, 60}, {64, 60}, {256, 120}, {1024, 240}, {4096, 480}};
    /** Autobahn allows up to 1000 s for 9.5/9.6; we cap every case at this many seconds. */
    private static final int MAX_WAIT = 120;

    private Group9Limits() {
    }

    public static List<FuzzCase> cases(double scale) {
        List<FuzzCase> out = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            boolean binary = b == 1;
            String g = binary ? "9.2." : "9.1.";
            for (int i = 0; i < BIG.length; i++) {
                out.add(bulk(g + (i + 1), scaled(BIG[i], scale), binary, 0, 0, BIG_WAIT[i]));
            }
        }
        for (int b = 0; b < 2; b++) {
            boolean binary = b == 1;
            for (int i = 0; i < FRAGMENTS.length; i++) {
                int size = scaled(4 * M, scale);
                out.add(bulk((binary ? "9.4." : "9.3.") + (i + 1), size, binary, Math.min(FRAGMENTS[i], size), 0, 100));
            }
        }
        for (int b = 0; b < 2; b++) {
            boolean binary = b == 1;
            for (int i = 0; i < CHOPS.length; i++) {
                out.add(bulk((binary ? "9.6." : "9.5.") + (i + 1), scaled(M, scale), binary, 0, CHOPS[i], MAX_WAIT));
            }
        }
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < ROUND_TRIPS.length; i++) {
                out.add(roundTrips((b == 1 ? "9.8." : "9.7.") + (i + 1), ROUND_TRIPS[i][0], 1000, b == 1,
                        ROUND_TRIPS[i][1]));
            }
        }
        return out;
    }

    private static int scaled(int size, double scale) {
        return (int) Math.max(1, Math.round(size * Math.min(1.0, scale)));
    }

    /** Autobahn's patterns: 9.1/9.5 "BAsd7&jh23", 9.3 '*', binary 00 fe 23 fa f0. */
    private static byte[] payload(int size, boolean binary, boolean fragmented) {
        if (binary) {
            return repeat(bytes(0x00, 0xfe, 0x23, 0xfa, 0xf0), size);
        }
        return fragmented ? repeat("*", size) : repeat("BAsd7&jh23", size);
    }

    private static FuzzCase bulk(String id, int size, boolean binary, int fragment, int chop, int waitSecs) {
        int wait = Math.min(waitSecs, MAX_WAIT);
        String kind = binary ? "binary" : "text";
        String how = fragment > 0 ? " Sent out in fragments of " + fragment + "."
                : chop > 0 ? " Sent out data in chops of " + chop + " octets." : "";
        return FuzzCase.builder(id)
                .description("Send " + (fragment > 0 ? "fragmented " : "") + kind + " message with payload of length "
                        + size + "." + how)
                .expectation("Receive echo'ed " + kind + " message (with payload as sent).")
                .reportTime()
                .timeoutMillis((wait + 10) * 1000L)
                .script(c -> {
                    byte[] data = payload(size, binary, fragment > 0);
                    c.wireLog(false);
                    c.expectClose(ExpectedClose.normal());
                    c.verdict(Verdict.FAILED, "Did not receive message within " + wait + " seconds.");
                    c.onMessages((ctx, got, gotBinary) -> checkEcho(ctx, data, binary, got, gotBinary));
                    if (fragment > 0) {
                        c.sendMessage(data, binary, fragment);
                    } else {
                        c.send(OutFrame.of(binary ? Opcode.BINARY : Opcode.TEXT).payload(data).chop(chop));
                    }
                    c.closeAfter(wait * 1000L);
                }).build();
    }

    private static void checkEcho(CaseContext c, byte[] sent, boolean binary, byte[] got, boolean gotBinary) {
        if (gotBinary != binary) {
            c.verdict(Verdict.FAILED, "Expected " + (binary ? "binary" : "text") + " message, but got the other kind.");
        } else if (got.length != sent.length) {
            c.verdict(Verdict.FAILED, "Expected message with payload of length " + sent.length + ", but got "
                    + got.length + ".");
        } else if (!Arrays.equals(got, sent)) {
            c.verdict(Verdict.FAILED, "Echo'ed payload of length " + got.length + " differs from what was sent.");
        } else {
            c.verdict(Verdict.OK, "Received message of length " + got.length + ".");
        }
        c.wireLog(true);
        c.sendClose(1000, null);
    }

    private static FuzzCase roundTrips(String id, int size, int count, boolean binary, int waitSecs) {
        String kind = binary ? "binary" : "text";
        return FuzzCase.builder(id)
                .description("Send " + count + " " + kind + " messages of payload size " + size
                        + " to measure implementation/network RTT (round trip time) / latency.")
                .expectation("Receive echo'ed " + kind + " messages (with payload as sent). Timeout case after "
                        + waitSecs + " secs.")
                .reportTime()
                .timeoutMillis((Math.min(waitSecs, MAX_WAIT) + 10) * 1000L)
                .script(c -> {
                    byte[] data = binary ? repeat(bytes(0xfe), size) : repeat("*", size);
                    OutFrame frame = OutFrame.of(binary ? Opcode.BINARY : Opcode.TEXT).payload(data);
                    int[] sent = {1};
                    c.wireLog(false);
                    c.expectClose(ExpectedClose.normal());
                    c.verdict(Verdict.FAILED, "Case did not finish within " + waitSecs + " seconds.");
                    c.onMessages((ctx, got, gotBinary) -> {
                        if (gotBinary != binary || got.length != size) {
                            ctx.verdict(Verdict.FAILED, "Echo'ed message type or length differs from what I sent "
                                    + "(got binary = " + gotBinary + ", payload length = " + got.length + ").");
                            ctx.wireLog(true);
                            ctx.sendClose(1000, null);
                        } else if (sent[0] < count) {
                            ctx.send(frame);
                            sent[0]++;
                        } else {
                            ctx.verdict(Verdict.OK, "Ok, received all echo'ed messages in time.");
                            ctx.wireLog(true);
                            ctx.sendClose(1000, null);
                        }
                    });
                    c.send(frame);
                    c.closeAfter(Math.min(waitSecs, MAX_WAIT) * 1000L);
                }).build();
    }
}
