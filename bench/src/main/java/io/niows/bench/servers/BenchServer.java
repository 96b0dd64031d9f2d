package io.niows.bench.servers;

/**
 * A server under test: echo on {@code /} (each message back to its sender), broadcast on
 * {@code /broadcast} (each message to every connection on {@code /broadcast}, the sender too).
 * Every implementation accepts messages up to {@link #MAX_MESSAGE} bytes and uses {@code threads}
 * I/O threads wherever its library lets that be set.
 *
 * <p>Implementations are started once, from the main thread.
 */
public interface BenchServer {

    /** The message size limit every server gets: niows' default, far above the 1 MiB workload. */
    int MAX_MESSAGE = 16 << 20;

    /** Starts listening on {@code host} and a free port, and returns that port. */
    int start(String host, int threads) throws Exception;
}
