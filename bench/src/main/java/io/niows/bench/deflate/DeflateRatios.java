package io.niows.bench.deflate;

import io.niows.internal.frame.MessageDeflater;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much niows' permessage-deflate compressor ({@link MessageDeflater#independent}, each message
 * on its own, as a server sends by default) shrinks messages. Two modes:
 *
 * <ul>
 *   <li>{@code chat [MESSAGES]}: chat-like JSON ({@link ChatJson}) of 16 B to 4 KiB, MESSAGES
 *       different messages per size (default 1000), at levels 1, 6 and 9: mean payload before and
 *       after, how many messages compression did not shorten (niows sends those plain), and how many
 *       start with a dynamic-Huffman block (whose code tables the inflater must first read).
 *   <li>{@code autobahn DIR [LEVEL]}: the data of Autobahn's cases 12.1-12.5 ({@link
 *       AutobahnLikeData}) cut into messages of Autobahn's sizes, compressed at windows of 8, 9, 10,
 *       12 and 15 bits (default level 6). Writes each data set to {@code DIR/<id>.bin} and every
 *       figure to {@code DIR/niows.tsv}, for {@code zlib_ratios.py} to set zlib's own figures
 *       beside them.
 * </ul>
 *
 * <p>A command-line tool: one thread, run from {@code main}.
 */
public final class DeflateRatios {

    /** The windows the autobahn mode measures, in bits. */
    static final int[] WINDOWS = {8, 9, 10, 12, 15};
    /** The chat sizes of the benchmarks, in bytes. */
    static final int[] CHAT_SIZES = {16, 32, 64, 128, 256, 1024, 4096};
    /** The chat sizes of the ratio table: the benchmarks' and more around the threshold. */
    static final int[] CHAT_RATIO_SIZES = {16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 256, 512, 1024, 4096};
    /** Autobahn sends 1000 messages per case; fewer when they would go round the data again. */
    static final int MAX_MESSAGES = 1000;

    private DeflateRatios() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length >= 1 && args[0].equals("chat")) {
            chat(System.out, args.length > 1 ? Integer.parseInt(args[1]) : MAX_MESSAGES);
        } else if (args.length >= 2 && args[0].equals("autobahn")) {
            autobahn(System.out, Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 6);
        } else {
            System.err.println("usage: DeflateRatios chat [MESSAGES] | autobahn DIR [LEVEL]");
            System.exit(2);
        }
    }

    /** The chat table: one row per size and level. */
    static void chat(PrintStream out, int messages) {
        out.println("| size B | level | mean compressed B | saved B | compressed ÷ size | not shortened |"
                + " dynamic Huffman |");
        out.println("|--:|--:|--:|--:|--:|--:|--:|");
        for (int size : CHAT_RATIO_SIZES) {
            for (int level : new int[] {1, 6, 9}) {
                MessageDeflater deflater = MessageDeflater.independent(level, MessageDeflater.MAX_WINDOW_BITS);
                long total = 0;
                int notShorter = 0;
                int dynamic = 0;
                for (int seed = 0; seed < messages; seed++) {
                    ByteBuffer compressed = deflater.compress(ByteBuffer.wrap(ChatJson.message(size, seed)));
                    int n = compressed.remaining();
                    total += n;
                    if (n >= size) {
                        notShorter++;
                    }
                    // RFC 1951 §3.2.3: bits 1-2 of the first byte are the first block's type; 2 is dynamic Huffman.
                    if ((compressed.get(0) >> 1 & 3) == 2) {
                        dynamic++;
                    }
                }
                double mean = total / (double) messages;
                out.printf(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.3f | %d of %d | %d |%n", size, level, mean,
                        size - mean, mean / size, notShorter, messages, dynamic);
            }
        }
    }

    /** The autobahn figures, written to {@code dir/niows.tsv}, and a summary per data set and window. */
    static void autobahn(PrintStream out, Path dir, int level) throws IOException {
        Files.createDirectories(dir);
        List<String> rows = new ArrayList<>();
        rows.add("data\tsize\tmessages\twindow\tlevel\tinput\tcompressed");
        out.println("| data | window bits | input B | compressed B | compressed ÷ input |");
        out.println("|---|--:|--:|--:|--:|");
        for (AutobahnLikeData set : AutobahnLikeData.values()) {
            byte[] data = set.bytes();
            Files.write(dir.resolve(set.id() + ".bin"), data);
            for (int window : WINDOWS) {
                MessageDeflater deflater = MessageDeflater.independent(level, window);
                long allIn = 0;
                long allOut = 0;
                for (int size : AutobahnLikeData.MESSAGE_SIZES) {
                    int messages = messages(data.length, size);
                    long compressed = 0;
                    for (int i = 0; i < messages; i++) {
                        compressed += deflater.compress(ByteBuffer.wrap(AutobahnLikeData.slice(data, size, i)))
                                .remaining();
                    }
                    rows.add(set.id() + "\t" + size + "\t" + messages + "\t" + window + "\t" + level + "\t"
                            + (long) size * messages + "\t" + compressed);
                    allIn += (long) size * messages;
                    allOut += compressed;
                }
                out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.4f |%n", set.id(), window, allIn, allOut,
                        allOut / (double) allIn);
            }
        }
        Files.write(dir.resolve("niows.tsv"), rows, StandardCharsets.UTF_8);
    }

    /** Autobahn's 1000, or as many as one pass through the data takes if that is fewer. */
    static int messages(int dataLength, int size) {
        return Math.min(MAX_MESSAGES, (dataLength + size - 1) / size);
    }
}
