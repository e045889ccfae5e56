package org.fganlab.gan;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/** Finishing a forked task without parking: how the trainer joins its generated half. */
final class ForkedTasks {

    /** Longest busy wait for a task that a worker is running, 2 ms in ns. */
    static final long SPIN_NANOS = 2_000_000L;

    private ForkedTasks() {
    }

    /**
     * Whether a task forked now will be run soon. A fork-join worker pushes onto its own deque,
     * from which it can always take the task back ({@code tryUnfork}). A thread outside the pool
     * pushes onto a submission queue that other outside threads share; when a task lies under
     * theirs it cannot be taken back, and if every worker is busy with long tasks (another
     * experiment's parallel stream, say) it waits for minutes. So an outside thread forks only
     * while the common pool has an idle worker and no queued submission; otherwise the caller
     * runs the half itself, which gives the same bits.
     */
    static boolean worthForking() {
        if (ForkJoinTask.inForkJoinPool()) {
            return true;
        }
        ForkJoinPool pool = ForkJoinPool.commonPool();
        return pool.getActiveThreadCount() < ForkJoinPool.getCommonPoolParallelism()
                && !pool.hasQueuedSubmissions();
    }

    /**
     * Completes a task that the calling thread forked: runs it here if no worker has taken it
     * yet ({@code tryUnfork}), else spins up to {@value #SPIN_NANOS} ns for the worker to finish
     * before {@code join()}. The forked half takes about as long as the caller's own, so
     * the spin usually suffices; {@code join()} could park the thread, and a wake-up costs tens of
     * µs and allocates.
     *
     * @param task forked by the calling thread, not yet joined
     * @throws RuntimeException or Error whatever the task threw (from {@code join()} or
     *     {@code invoke()})
     */
    static void runOrAwait(ForkJoinTask<?> task) {
        if (task.tryUnfork()) {
            task.invoke();
            return;
        }
        long deadline = System.nanoTime() + SPIN_NANOS;
        while (!task.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        task.join();
    }
}
