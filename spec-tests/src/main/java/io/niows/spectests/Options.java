package io.niows.spectests;

import io.niows.spectests.cases.CaseCatalog;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options of the {@code fuzzingclient} (and {@code fuzzingserver}) modes.
 * Parsed once; immutable afterwards.
 */
final class Options {
    String mode;
    URI url;
    int port = 9003;
    Path out = Path.of("reports");
    List<String> cases = List.of("*");
    List<String> exclude = List.of();
    String agent;
    int parallel = 4;
    Path expected;
    Path writeExpected;
    double sizeScale = 1.0;
    int deflateMessages = CaseCatalog.DEFLATE_MESSAGES;
    /** {@code --insecure}: a {@code wss://} target's certificate is not checked. */
    boolean insecure;
    /** {@code --help} or {@code -h} was given: print {@link HelpText} and run nothing. */
    boolean help;

    static final String USAGE = String.join("\n",
            "usage: java -jar niows-spec-tests.jar fuzzingclient --url ws[s]://HOST:PORT/PATH --out DIR [--insecure]",
            "           [--cases 1.*,6.4.*] [--exclude 9.*] [--agent NAME] [--parallel N]",
            "           [--size-scale F] [--deflate-messages N] [--expected FILE] [--write-expected FILE]",
            "       java -jar niows-spec-tests.jar fuzzingserver --port 9003 --out DIR [--cases ...] [--exclude ...]",
            "           [--size-scale F] [--deflate-messages N]",
            "exit status: 0 no case failed, 1 a case failed or differs from --expected, 2 bad arguments or target",
            "--help explains each option");

    /** Parses; throws IllegalArgumentException with a readable message. */
    static Options parse(String[] args) {
        Options o = new Options();
        List<String> words = List.of(args);
        if (words.contains("--help") || words.contains("-h")) {
            o.help = true;
            o.mode = args[0].startsWith("-") ? null : args[0];
            return o;
        }
        if (args.length == 0) {
            throw new IllegalArgumentException("missing mode");
        }
        o.mode = args[0];
        if (!o.mode.equals("fuzzingclient") && !o.mode.equals("fuzzingserver")) {
            throw new IllegalArgumentException("unknown mode: " + o.mode);
        }
        for (int i = 1; i < args.length; i++) {
            String key = args[i];
            if (key.equals("--insecure")) {
                o.insecure = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + key);
            }
            o.set(key, args[++i]);
        }
        if (o.mode.equals("fuzzingclient") && o.url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        return o;
    }

    private void set(String key, String value) {
        switch (key) {
            case "--url" -> url = parseUrl(value);
            case "--port" -> port = parseInt(key, value, 0, 65535);
            case "--out" -> out = Path.of(value);
            case "--cases" -> cases = split(value);
            case "--exclude" -> exclude = split(value);
            case "--agent" -> agent = value;
            case "--parallel" -> parallel = parseInt(key, value, 1, 64);
            case "--expected" -> expected = Path.of(value);
            case "--write-expected" -> writeExpected = Path.of(value);
            case "--size-scale" -> sizeScale = parseScale(value);
            case "--deflate-messages" -> deflateMessages = parseInt(key, value, 1, 1000);
            default -> throw new IllegalArgumentException("unknown option: " + key);
        }
    }

    private static URI parseUrl(String value) {
        URI u;
        try {
            u = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad --url: " + value);
        }
        if (!("ws".equals(u.getScheme()) || "wss".equals(u.getScheme())) || u.getHost() == null) {
            throw new IllegalArgumentException("--url must be ws://host[:port]/path or wss://host[:port]/path: "
                    + value);
        }
        return u;
    }

    private static int parseInt(String key, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value);
            if (v < min || v > max) {
                throw new IllegalArgumentException(key + " must be in " + min + ".." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " needs a number: " + value);
        }
    }

    private static double parseScale(String value) {
        try {
            double v = Double.parseDouble(value);
            if (!(v > 0 && v <= 1)) {
                throw new IllegalArgumentException("--size-scale must be in (0, 1]");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--size-scale needs a number: " + value);
        }
    }

    private static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                if (!s.strip().matches("[0-9.*]+")) {
                    throw new IllegalArgumentException("bad case pattern: " + s);
                }
                out.add(s.strip());
            }
        }
        return out.isEmpty() ? Arrays.asList("*") : out;
    }

    String agentOr(String fallback) {
        return agent != null ? agent : fallback;
    }
}
