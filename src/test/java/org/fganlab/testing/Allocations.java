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
        return count(warmUp, repeats, body, false);
    }

    /**
     * As {@link #bytesAllocatedBy}, but counting the common fork-join pool's worker threads
     * (those alive after the warm-up) as well as the calling thread: for code that forks work.
     *
     * @return bytes allocated on those threads during the counted runs (≥ 0)
     */
    public static long bytesAllocatedWithCommonPoolBy(int warmUp, int repeats, Runnable body) {
        return count(warmUp, repeats, body, true);
    }

    private static long count(int warmUp, int repeats, Runnable body, boolean workers) {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "HotSpot allocation counter");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled(),
                "per-thread allocation counting enabled");
        for (int k = 0; k < warmUp; k++) {
            body.run();
        }
        long[] ids = workers
                ? Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t == Thread.currentThread()
                                || t.getName().startsWith("ForkJoinPool.commonPool-worker"))
                        .mapToLong(Thread::getId).toArray()
                : new long[] {Thread.currentThread().getId()};
        long[] before = new long[ids.length];
        for (int k = 0; k < ids.length; k++) {
            before[k] = Math.max(0, counter.getThreadAllocatedBytes(ids[k]));
        }
        for (int k = 0; k < repeats; k++) {
            body.run();
        }
        long total = 0;
        for (int k = 0; k < ids.length; k++) {
            total += Math.max(0, counter.getThreadAllocatedBytes(ids[k])) - before[k];
        }
        return total;
    }
}
