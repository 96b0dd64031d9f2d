package io.niows.bench.soak;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of {@link Soak}, with its defaults.
 *
 * <p>Not thread-safe while parsed; read-only afterwards.
 */
final class SoakOptions {

    int connections = 200;
    Duration duration = Duration.ofMinutes(5);
    Duration report = Duration.ofMinutes(1);
    Duration warmup = Duration.ofMinutes(1);
    long seed = System.nanoTime();
    int serverThreads = Runtime.getRuntime().availableProcessors();
    String heap = "256m";
    Duration timeout = Duration.ofSeconds(30);
    Duration pause = Duration.ofMillis(10);
    Path log = Path.of(System.getProperty("java.io.tmpdir"), "niows-soak-server.log");
    final Map<Gauge, Growth> bounds = new EnumMap<>(Map.of(
            Gauge.RSS, new Growth(0.10, 32L << 20),
            Gauge.HEAP, new Growth(0.50, 16L << 20),
            Gauge.FDS, new Growth(0.25, 32),
            Gauge.THREADS, new Growth(0.25, 8)));

    static final String USAGE = String.join("\n",
            "usage: Soak [--connections 200] [--duration 5m] [--report 1m] [--warmup 1m] [--seed N]",
            "            [--server-threads N] [--heap 256m] [--timeout 30s] [--pause 10ms] [--log FILE]",
            "            [--rss-growth 10%,32m] [--heap-growth 50%,16m] [--fd-growth 25%,32] [--thread-growth 25%,8]",
            "durations: 500ms, 10s, 5m, 1h (a bare number is seconds)");

    static SoakOptions parse(String... args) {
        SoakOptions o = new SoakOptions();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
            o.set(args[i], args[i + 1]);
        }
        o.check();
        return o;
    }

    private void set(String name, String v) {
        switch (name) {
            case "--connections": connections = Integer.parseInt(v); break;
            case "--duration": duration = duration(v); break;
            case "--report": report = duration(v); break;
            case "--warmup": warmup = duration(v); break;
            case "--seed": seed = Long.parseLong(v); break;
            case "--server-threads": serverThreads = Integer.parseInt(v); break;
            case "--heap": heap = v; break;
            case "--timeout": timeout = duration(v); break;
            case "--pause": pause = duration(v); break;
            case "--log": log = Path.of(v); break;
            case "--rss-growth": bounds.put(Gauge.RSS, Growth.parse(v, true)); break;
            case "--heap-growth": bounds.put(Gauge.HEAP, Growth.parse(v, true)); break;
            case "--fd-growth": bounds.put(Gauge.FDS, Growth.parse(v, false)); break;
            case "--thread-growth": bounds.put(Gauge.THREADS, Growth.parse(v, false)); break;
            default: throw new IllegalArgumentException("unknown option " + name);
        }
    }

    private void check() {
        if (connections < 1 || serverThreads < 1) {
            throw new IllegalArgumentException("--connections and --server-threads must be at least 1");
        }
        if (report.isZero() || report.isNegative() || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("--report and --timeout must be positive");
        }
        if (warmup.compareTo(duration) >= 0) {
            throw new IllegalArgumentException("the warm-up (" + warmup + ") must end before the run does ("
                    + duration + "), or nothing is checked");
        }
    }

    /**
     * The flags of the server JVM: a fixed heap, touched at start, so its pages are resident from
     * the first report and RSS can grow only by memory outside it (direct buffers, malloc, metadata,
     * JIT code); the heap's own growth is the live-heap gauge.
     */
    List<String> serverJvmFlags() {
        return List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-XX:+AlwaysPreTouch");
    }

    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        char unit = t.charAt(t.length() - 1);
        String digits = Character.isDigit(unit) ? t : t.substring(0, t.length() - 1);
        long n = Long.parseLong(digits);
        switch (unit) {
            case 'h': return Duration.ofHours(n);
            case 'm': return Duration.ofMinutes(n);
            case 's': return Duration.ofSeconds(n);
            default:
                if (Character.isDigit(unit)) {
                    return Duration.ofSeconds(n);
                }
                throw new IllegalArgumentException("not a duration: " + text);
        }
    }
}
