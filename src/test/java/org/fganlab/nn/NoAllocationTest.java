package org.fganlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.fganlab.testing.Allocations;
import org.junit.jupiter.api.Test;

/** The training step (forward, backward, optimiser step) allocates nothing on the heap. */
class NoAllocationTest {

    @Test
    void trainingStepAllocatesNothing() {
        Mlp net = new Mlp(new int[] {1, 64, 64, 1}, Activation.TANH, Activation.LINEAR);
        int batch = 200;
        SplittableRandom rng = new SplittableRandom(9);
        double[] params = MlpTest.randomParams(net, rng);
        double[] x = MlpTest.random(batch, rng);
        double[] gradOut = MlpTest.random(batch, rng);
        double[] out = new double[batch];
        double[] grad = new double[net.parameterCount()];
        double[] gradInput = new double[batch];
        Mlp.Workspace ws = net.workspace(batch);
        Optimizer adam = new Adam(params.length, 1e-6);
        Optimizer sgd = new Sgd(params.length, 1e-6);
        Runnable step = () -> {
            net.forward(params, x, batch, ws, out);
            net.backward(params, gradOut, batch, ws, grad, gradInput);
            adam.step(params, grad);
            sgd.step(params, grad);
        };
        // warm up: class loading and the interpreter's first calls may allocate
        long allocated = Allocations.bytesAllocatedBy(200, 100, step);
        assertEquals(0, allocated, "bytes allocated by 100 training steps");
    }

    @Test
    void twoThreadPassesAllocateAlmostNothing() {
        Mlp net = new Mlp(new int[] {1, 64, 64, 1}, Activation.TANH, Activation.LINEAR);
        int batch = 1024;                             // four chunks: two groups of two
        SplittableRandom rng = new SplittableRandom(10);
        double[] params = MlpTest.randomParams(net, rng);
        double[] x = MlpTest.random(batch, rng);
        double[] gradOut = MlpTest.random(batch, rng);
        double[] out = new double[batch];
        double[] grad = new double[net.parameterCount()];
        double[] gradInput = new double[batch];
        Mlp.Workspace ws = net.workspace(batch, 2);
        Runnable pass = () -> {
            net.forward(params, x, batch, ws, out);
            net.backward(params, gradOut, batch, ws, grad, gradInput);
        };
        // a fork-join join() that parks allocates; the spin before it keeps that rare
        long allocated = Allocations.bytesAllocatedWithCommonPoolBy(300, 100, pass);
        assertTrue(allocated < 800, "bytes allocated by 100 two-thread passes: " + allocated);
    }
}
