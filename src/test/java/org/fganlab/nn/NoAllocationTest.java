package org.fganlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.fganlab.testing.Allocations;
import org.junit.jupiter.api.Test;

/** The training step (forward, backward, optimiser step) allocates nothing on the heap. */
class NoAllocationTest {

    /** The 1-64-64-1 tanh critic with random parameters, a random batch and its buffers. */
    private static final class Critic {
        final Mlp net = new Mlp(new int[] {1, 64, 64, 1}, Activation.TANH, Activation.LINEAR);
        final int batch;
        final double[] params;
        final double[] x;
        final double[] gradOut;
        final double[] out;
        final double[] grad;
        final double[] gradInput;

        Critic(int batch, long seed) {
            this.batch = batch;
            SplittableRandom rng = new SplittableRandom(seed);
            params = MlpTest.randomParams(net, rng);
            x = MlpTest.random(batch, rng);
            gradOut = MlpTest.random(batch, rng);
            out = new double[batch];
            grad = new double[net.parameterCount()];
            gradInput = new double[batch];
        }

        void pass(Mlp.Workspace ws) {
            net.forward(params, x, batch, ws, out);
            net.backward(params, gradOut, batch, ws, grad, gradInput);
        }
    }

    @Test
    void trainingStepAllocatesNothing() {
        Critic c = new Critic(200, 9);
        Mlp.Workspace ws = c.net.workspace(c.batch);
        Optimizer adam = new Adam(c.params.length, 1e-6);
        Optimizer sgd = new Sgd(c.params.length, 1e-6);
        Runnable step = () -> {
            c.pass(ws);
            adam.step(c.params, c.grad);
            sgd.step(c.params, c.grad);
        };
        // warm up: class loading and the interpreter's first calls may allocate
        long allocated = Allocations.bytesAllocatedBy(200, 100, step);
        assertEquals(0, allocated, "bytes allocated by 100 training steps");
    }
}
