package io.niows.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one round of one workload against one server process: open the connections, warm up,
 * measure, drain, close; and, for the idle workload, hold the connections and measure the
 * server's memory against a baseline taken just before they were opened. With deflate, every
 * connection offers permessage-deflate, fails unless the server agrees, and the messages are
 * compressed chat-like JSON text.
 *
 * <p>Not thread-safe: one round at a time, driven by the runner's thread.
 */
final class LoadRound {

    private static final long CONNECT_TIMEOUT_MILLIS = 120_000;
    private static final long DRAIN_TIMEOUT_MILLIS = 5_000;
    private static final long SETTLE_MILLIS = 200;
    private static final int BROADCAST_WINDOW = 64;
    /** A full GC frees native scratch memory as it ends; RSS is read once that has settled. */
    private static final long SETTLE_AFTER_GC_MILLIS = 500;

    private final Workload workload;
    private final ServerProcess server;
    private final int threads;
    private final boolean deflate;
    private final RunControl control = new RunControl();
    private final List<LoadLoop> loops = new ArrayList<>();
    private BroadcastTally tally;

    LoadRound(Workload workload, ServerProcess server, int clientThreads) {
        this(workload, server, clientThreads, false);
    }

    /** @param deflate whether the connections offer (and require) permessage-deflate */
    LoadRound(Workload workload, ServerProcess server, int clientThreads, boolean deflate) {
        this.workload = workload;
        this.server = server;
        this.threads = Math.max(1, Math.min(clientThreads, workload.connections()));
        this.deflate = deflate;
    }

    /** A throughput round: warm up for {@code warmupMillis}, then measure for {@code measureMillis}. */
    RoundResult throughput(int round, long warmupMillis, long measureMillis) throws IOException, InterruptedException {
        Behavior behavior = behavior();
        openAll(behavior);
        Thread.sleep(SETTLE_MILLIS);
        control.phase(RunControl.WARMUP);
        Thread.sleep(warmupMillis);
        long[] loopCpu0 = loopCpu();
        long toolCpu0 = CpuClock.process();
        long serverCpu0 = CpuClock.ofPid(server.pid());
        long t0 = System.nanoTime();
        control.phase(RunControl.MEASURE);
        Thread.sleep(measureMillis);
        control.phase(RunControl.DRAIN);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double toolCpu = (CpuClock.process() - toolCpu0) / 1e9 / seconds;
        double serverCpu = (CpuClock.ofPid(server.pid()) - serverCpu0) / 1e9 / seconds;
        double busiest = busiest(loopCpu0, seconds);
        drain();
        stopAll();
        reportFirstFailure();
        return summarize(round, seconds, toolCpu, busiest, serverCpu);
    }

    /** An idle round: per-connection growth of live heap and RSS while the connections are held. */
    RoundResult idle(int round, long holdMillis) throws IOException, InterruptedException {
        long heap0 = MemoryProbe.liveHeap(server.pid());
        Thread.sleep(SETTLE_AFTER_GC_MILLIS);
        long rss0 = MemoryProbe.rss(server.pid());
        openAll(new IdleBehavior());
        Thread.sleep(holdMillis);
        long heap1 = MemoryProbe.liveHeap(server.pid());
        Thread.sleep(SETTLE_AFTER_GC_MILLIS);
        long rss1 = MemoryProbe.rss(server.pid());
        stopAll();
        reportFirstFailure();
        int n = control.established.get();
        int errors = loops.stream().mapToInt(l -> l.errors).sum();
        return new RoundResult(server.name(), workload.name(), round, 0, 0, 0, 0, 0, 0, 0, 0,
                n, control.failed.get(), 0, errors, 0, (heap1 - heap0) / (double) Math.max(1, n), (rss1 - rss0) / (double) Math.max(1, n), rss1);
    }

    private void reportFirstFailure() {
        Throwable t = control.firstFailure.get();
        if (t != null) {
            System.out.println("   " + server.name() + ": first failure: " + t);
        }
    }

    private Behavior behavior() {
        switch (workload.kind()) {
            case ECHO:
                return new EchoBehavior(workload.size(), workload.depth(), deflate);
            case BROADCAST:
                tally = new BroadcastTally(workload.connections() + workload.depth());
                return new BroadcastBehavior(workload.size(), BROADCAST_WINDOW, tally, deflate);
            default:
                return new IdleBehavior();
        }
    }

    private void openAll(Behavior behavior) throws IOException, InterruptedException {
        int total = workload.connections() + (workload.kind() == Workload.Kind.BROADCAST ? workload.depth() : 0);
        int publishers = workload.kind() == Workload.Kind.BROADCAST ? workload.depth() : 0;
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.port());
        for (int i = 0; i < threads; i++) {
            int share = total / threads + (i < total % threads ? 1 : 0);
            int pubs = publishers / threads + (i < publishers % threads ? 1 : 0);
            loops.add(new LoadLoop(i, control, target, share, pubs, behavior, deflate));
        }
        if (behavior instanceof BroadcastBehavior) {
            ((BroadcastBehavior) behavior).publisherLoops(loops.toArray(new LoadLoop[0]));
        }
        loops.forEach(Thread::start);
        long deadline = System.currentTimeMillis() + CONNECT_TIMEOUT_MILLIS;
        while (control.established.get() + control.failed.get() < total) {
            if (System.currentTimeMillis() > deadline || loops.stream().noneMatch(Thread::isAlive)) {
                stopAll();
                throw new IOException(server.name() + ": only " + control.established.get() + " of " + total
                        + " connections opened", control.firstFailure.get());
            }
            Thread.sleep(10);
        }
    }

    private long[] loopCpu() {
        return loops.stream().mapToLong(CpuClock::thread).toArray();
    }

    private double busiest(long[] before, double seconds) {
        long[] after = loopCpu();
        double max = 0;
        for (int i = 0; i < after.length; i++) {
            max = Math.max(max, (after[i] - before[i]) / 1e9 / seconds);
        }
        return max;
    }

    private void drain() throws InterruptedException {
        if (tally == null) {
            return;
        }
        long deadline = System.currentTimeMillis() + DRAIN_TIMEOUT_MILLIS;
        while (tally.lost() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
    }

    private void stopAll() throws InterruptedException {
        control.phase(RunControl.STOP);
        loops.forEach(LoadLoop::wakeup);
        for (LoadLoop loop : loops) {
            loop.join(10_000);
        }
    }

    private RoundResult summarize(int round, double seconds, double toolCpu, double busiest, double serverCpu) {
        LogHistogram latency = new LogHistogram();
        long frames = 0;
        long bytes = 0;
        int stalled = 0;
        int errors = 0;
        for (LoadLoop loop : loops) {
            latency.add(loop.latency);
            frames += loop.frames;
            bytes += loop.bytes;
            stalled += loop.stalled;
            errors += loop.errors;
        }
        long lost = tally == null ? 0 : tally.lost();
        return new RoundResult(server.name(), workload.name(), round, frames / seconds, bytes / seconds,
                latency.percentile(0.50) / 1e3, latency.percentile(0.99) / 1e3, latency.percentile(0.999) / 1e3,
                toolCpu, busiest, serverCpu, control.established.get(), control.failed.get(), stalled, errors, lost, 0, 0, 0);
    }
}
