package io.niows.spectests.engine;

import java.util.PriorityQueue;

/**
 * The session's timer queue, ordered by due time then by creation. Run on the case thread
 * only; not thread-safe.
 */
final class Timers {

    /** A scheduled action; cancel it to keep it from running. */
    static final class Timer implements Comparable<Timer> {
        final long due;
        final long seq;
        final Runnable action;
        boolean cancelled;

        Timer(long due, long seq, Runnable action) {
            this.due = due;
            this.seq = seq;
            this.action = action;
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private long seq;

    Timer schedule(long delayMillis, Runnable action) {
        Timer t = new Timer(System.nanoTime() + delayMillis * 1_000_000L, seq++, action);
        queue.add(t);
        return t;
    }

    /** Due time of the earliest live timer, or {@code Long.MAX_VALUE}. */
    long nextDue() {
        while (!queue.isEmpty() && queue.peek().cancelled) {
            queue.poll();
        }
        return queue.isEmpty() ? Long.MAX_VALUE : queue.peek().due;
    }

    /** Removes and returns a live timer that is due, or null. */
    Timer pollDue(long now) {
        if (nextDue() <= now) {
            return queue.poll();
        }
        return null;
    }
}
