package org.fganlab.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/** Heap bytes allocated by the calling thread (HotSpot's per-thread counter), for no-allocation tests. */
public final class Allocations {

    private Allocations() {
    }

    /**
     * Runs {@code body} {@code warmUp} times (class loading, the interpreter's first calls and
     * lazily created scratch may allocate), then {@code repeats} times while counting.
     *
     * @return bytes allocated on the calling thread by the counted runs (≥ 0)
     * @throws org.opentest4j.TestAbortedException (the test is skipped) where the JVM has no
     *     per-thread allocation counter
     */
    public static long bytesAllocatedBy(int warmUp, int repeats, Runnable body) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "HotSpot allocation counter");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting enabled");
        for (int k = 0; k < warmUp; k++) {
            body.run();
        }
        long id = Thread.currentThread().getId();
        long before = counter.getThreadAllocatedBytes(id);
        for (int k = 0; k < repeats; k++) {
            body.run();
        }
        return counter.getThreadAllocatedBytes(id) - before;
    }
}
