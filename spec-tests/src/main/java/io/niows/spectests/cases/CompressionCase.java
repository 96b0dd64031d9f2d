package io.niows.spectests.cases;

import io.niows.spectests.deflate.DeflateOffer;
import io.niows.spectests.deflate.ServerAccept;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The script of every case of groups 12 and 13 (Autobahn's {@code case12_x_x.py}): with
 * permessage-deflate agreed, send {@code COUNT} messages of {@code LEN} octets cut in turn from a
 * data set (wrapping around its end), auto-fragmented to a size when one is given, each after the
 * echo of the previous one, and check every echo's kind, length and content. Without the
 * extension the case is UNIMPLEMENTED and closes at once. Timed, with compression ratios reported.
 * The data sets are ASCII where Autobahn's are text, so Autobahn's length in characters is the
 * length in octets. Stateless; safe from any thread.
 */
final class CompressionCase {
    /** Autobahn's MSG_SIZES: payload length, message count, case timeout (s), auto-fragment size. */
    private static final int[][] SIZES = {
        {16, 1000, 60, 0}, {64, 1000, 60, 0}, {256, 1000, 120, 0}, {1024, 1000, 240, 0}, {4096, 1000, 480, 0},
        {8192, 1000, 480, 0}, {16384, 1000, 480, 0}, {32768, 1000, 480, 0}, {65536, 1000, 480, 0},
        {131072, 1000, 480, 0}, {8192, 1000, 480, 256}, {16384, 1000, 480, 256}, {32768, 1000, 480, 256},
        {65536, 1000, 480, 256}, {131072, 1000, 480, 256}, {131072, 1000, 480, 1024}, {131072, 1000, 480, 4096},
        {131072, 1000, 480, 32768}};
    /** Autobahn allows up to 480 s; as in group 9, no case here waits longer than this. */
    private static final int MAX_WAIT = 120;

    private CompressionCase() {
    }

    /**
     * The 18 cases of one subgroup, {@code prefix.1} to {@code prefix.18}.
     *
     * @param use the end of the description: how the offers are made
     */
    static List<FuzzCase> subgroup(String prefix, CompressionData data, List<DeflateOffer> offers, ServerAccept accept,
            String use, int countLimit) {
        List<FuzzCase> out = new ArrayList<>();
        for (int i = 0; i < SIZES.length; i++) {
            int[] s = SIZES[i];
            int count = Math.min(s[1], countLimit);
            int wait = Math.min(s[2], MAX_WAIT);
            out.add(FuzzCase.builder(prefix + "." + (i + 1))
                    .description("Send " + count + " compressed messages each of payload size " + s[0]
                            + ", auto-fragment to " + s[3] + " octets. Use " + use)
                    .expectation("Receive echo'ed messages (with payload as sent). Timeout case after " + s[2] + " secs.")
                    .reportTime()
                    .reportCompressionRatio()
                    .deflate(new FuzzCase.Deflate(offers, accept))
                    .timeoutMillis((wait + 10) * 1000L)
                    .script(c -> start(c, data, s[0], count, wait, s[3]))
                    .build());
        }
        return out;
    }

    private static void start(CaseContext c, CompressionData set, int len, int count, int wait, int fragment) {
        c.wireLog(false);
        c.expectClose(ExpectedClose.normal());
        if (!c.deflateAgreed()) {
            c.verdict(Verdict.UNIMPLEMENTED, "permessage-deflate was not agreed, so the case cannot run.");
            c.sendClose(1000, null);
            return;
        }
        c.verdict(Verdict.FAILED, "Case did not finish within " + wait + " seconds.");
        c.closeAfter(wait * 1000L);
        Sender sender = new Sender(set.data(), len, set.binary(), fragment);
        int[] sent = {1};
        c.onMessages((ctx, got, gotBinary) -> {
            String wrong = sender.mismatch(got, gotBinary);
            if (wrong != null) {
                ctx.verdict(Verdict.FAILED, wrong);
                ctx.wireLog(true);
                ctx.sendClose(1000, null);
            } else if (sent[0] < count) {
                sender.sendNext(ctx);
                sent[0]++;
            } else {
                ctx.verdict(Verdict.OK, "Ok, received all echo'ed messages in time.");
                ctx.captureTrafficStats();
                ctx.wireLog(true);
                ctx.sendClose(1000, null);
            }
        });
        sender.sendNext(c);
    }

    /** Cuts the messages from the data set in turn, as Autobahn's {@code sendOne}, and checks echoes. */
    private static final class Sender {
        private final byte[] data;
        private final int len;
        private final boolean binary;
        private final int fragment;
        private int pointer;
        private byte[] last;

        Sender(byte[] data, int len, boolean binary, int fragment) {
            this.data = data;
            this.len = len;
            this.binary = binary;
            this.fragment = fragment;
        }

        void sendNext(CaseContext c) {
            int from = pointer;
            int to = (pointer + len) % data.length;
            byte[] msg = new byte[len];
            if (to > from) {
                System.arraycopy(data, from, msg, 0, len);
            } else {
                System.arraycopy(data, from, msg, 0, data.length - from);
                System.arraycopy(data, 0, msg, data.length - from, to);
            }
            pointer = to;
            last = msg;
            c.sendMessage(msg, binary, fragment);
        }

        /** Autobahn's messages for an echo that differs, or null when it is right. */
        String mismatch(byte[] got, boolean gotBinary) {
            if (gotBinary != binary) {
                return "Echo'ed message type differs from what I sent (got binary " + py(gotBinary)
                        + ", expected binary " + py(binary) + ").";
            }
            if (got.length != len) {
                return "Echo'ed message length differs from what I sent (got length " + got.length
                        + ", expected length " + len + ").";
            }
            if (!Arrays.equals(got, last)) {
                return "Echo'ed message contents differs from what I sent (got SHA1 " + sha1(got) + ", expected SHA1 "
                        + sha1(last) + ").";
            }
            return null;
        }

        private static String py(boolean b) {
            return b ? "True" : "False";
        }

        private static String sha1(byte[] b) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(b));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is required of every JDK", e);
            }
        }
    }
}
