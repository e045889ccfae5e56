package org.fganlab.gan;

import java.util.concurrent.ForkJoinTask;

/** Finishing a forked task without parking: how the trainer joins its generated half. */
final class ForkedTasks {

    /** Longest busy wait for a task that a worker is running, 2 ms in ns. */
    static final long SPIN_NANOS = 2_000_000L;

    private ForkedTasks() {
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
