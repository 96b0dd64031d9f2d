package io.niows.examples.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The command lines of the two protocol-watching tools:
 *
 * <pre>
 * trace --listen PORT --target ws://HOST:PORT/ [--host ADDRESS] [--json]
 * decode [--from client|server] [--json] [--raw] [HEX ... | --file PATH]
 * </pre>
 *
 * <p>{@code decode} reads hex from its arguments, else from the file (or standard input when
 * there is neither): hex text when it holds only hex digits, spaces, commas, colons and {@code 0x}
 * prefixes, raw bytes otherwise or with {@code --raw}.
 *
 * <p>Stateless and thread-safe.
 */
public final class TraceTools {

    /** The tools' part of the usage text. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "  trace          a relaying proxy printing every frame: --listen PORT --target ws://HOST:PORT/",
            "                 [--host ADDRESS] [--json]",
            "  decode         annotate frames and find the broken rule: [--from client|server] [--json] [--raw]",
            "                 [HEX ... | --file PATH]  (no HEX and no file: standard input)");

    private TraceTools() {
    }

    /**
     * Whether {@code command} is one of these tools.
     *
     * @param command the first argument
     * @return whether {@link #run} handles it
     */
    public static boolean handles(String command) {
        return command.equals("trace") || command.equals("decode");
    }

    /**
     * Runs a tool.
     *
     * @param args the whole command line, the tool's name first
     * @param stdin read by {@code decode} when given no bytes
     * @param out where lines go
     * @param err where problems go
     * @return the exit status: 0, or 2 for a command line that makes no sense, 1 if the proxy cannot
     *     listen; {@code decode} returns 0 whether or not a rule is broken
     * @throws InterruptedException if the proxy's wait is interrupted
     */
    public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err)
            throws InterruptedException {
        try {
            return args[0].equals("trace") ? trace(args, out, err) : decode(args, stdin, out);
        } catch (IllegalArgumentException e) {
            err.println("niows-examples " + args[0] + ": " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("niows-examples " + args[0] + ": " + e);
            return 1;
        }
    }

    private static int trace(String[] args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        String host = "127.0.0.1";
        Integer port = null;
        URI target = null;
        boolean json = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--listen" -> port = Integer.parseInt(value(args, i++));
                case "--host" -> host = value(args, i++);
                case "--target" -> target = URI.create(value(args, i++));
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        if (port == null || target == null) {
            throw new IllegalArgumentException("trace needs --listen PORT and --target ws://HOST:PORT/");
        }
        TraceProxy proxy = TraceProxy.start(host, port, target, json, out::println);
        err.println("trace: listening on ws://" + host + ":" + proxy.port() + "/, relaying to " + target
                + "; Ctrl-C stops");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            proxy.close();
            stopped.countDown();
        }, "niows-trace-shutdown"));
        stopped.await();
        return 0;
    }

    private static int decode(String[] args, InputStream stdin, PrintStream out) throws IOException {
        Boolean fromClient = null;
        boolean json = false;
        boolean raw = false;
        Path file = null;
        StringBuilder hex = new StringBuilder();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = true;
                case "--raw" -> raw = true;
                case "--file" -> file = Path.of(value(args, i++));
                case "--from" -> fromClient = side(value(args, i++));
                default -> hex.append(args[i]).append(' ');
            }
        }
        byte[] input;
        if (hex.length() > 0) {
            input = parseHex(hex.toString());
        } else {
            byte[] bytes = file != null ? Files.readAllBytes(file) : stdin.readAllBytes();
            input = !raw && looksLikeHex(bytes) ? parseHex(new String(bytes, StandardCharsets.ISO_8859_1)) : bytes;
        }
        List<String> lines = FrameDecoding.decode(input, fromClient, json);
        lines.forEach(out::println);
        return 0;
    }

    private static Boolean side(String value) {
        return switch (value) {
            case "client" -> Boolean.TRUE;
            case "server" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("--from is client or server: " + value);
        };
    }

    private static String value(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException("missing value after " + args[i]);
        }
        return args[i + 1];
    }

    private static boolean looksLikeHex(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replaceAll("0[xX]", "");
        return !text.isBlank() && text.matches("[0-9a-fA-F\\s,:]*");
    }

    /**
     * Reads hex digits, ignoring spaces, commas, colons and {@code 0x} prefixes.
     *
     * @param text the hex
     * @return the bytes
     * @throws IllegalArgumentException if a character is not a hex digit or the count is odd
     */
    static byte[] parseHex(String text) {
        String digits = text.replaceAll("0[xX]", "").replaceAll("[\\s,:]", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("an odd number of hex digits");
        }
        return HexFormat.of().parseHex(digits);
    }
}
