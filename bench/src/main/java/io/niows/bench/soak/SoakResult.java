package io.niows.bench.soak;

import java.util.List;

/**
 * The outcome of a soak run.
 *
 * @param failure why the run failed (a bound passed, an echo wrong or lost, a connection ended
 *     unexpectedly), or null when it passed
 * @param echoes messages echoed and checked
 * @param pongs pongs checked against their pings
 * @param connections connections opened
 * @param resets connections ended by a TCP reset
 * @param halfCloses connections ended by shutting the output, after a close frame or mid-message
 * @param samples the server readings, one per report
 *
 * <p>Immutable; thread-safe.
 */
record SoakResult(String failure, long echoes, long pongs, long connections, long resets, long halfCloses,
        List<ServerSample> samples) {

    boolean passed() {
        return failure == null;
    }
}
