package io.niows.fuzz;

import java.lang.management.ManagementFactory;

/**
 * The bytes of heap the current thread has allocated so far, to check that a decoder allocates
 * in proportion to its input and its configured limits, never to a length a peer merely
 * announces. HotSpot counts this per thread, so other threads' work does not disturb it.
 */
final class Allocations {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {}

    static long byCurrentThread() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
