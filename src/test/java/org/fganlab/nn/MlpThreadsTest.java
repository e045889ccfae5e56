package org.fganlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.random.Well19937c;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A workspace with several threads gives the bits of a one-thread workspace. */
class MlpThreadsTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            # batch, threads: 2, 4, 8 and 3 chunks (the last partial), more threads than chunks
            300,  2
            1000, 2
            2048, 2
            700,  3
            513,  8
            """)
    void threadsGiveTheSameOutputsAndGradients(int batch, int threads) {
        Mlp mlp = new Mlp(new int[] {2, 16, 9, 3}, Activation.TANH, Activation.LINEAR);
        double[] params = new double[mlp.parameterCount()];
        mlp.initialize(params, new Well19937c(3));
        Well19937c rng = new Well19937c(4);
        double[] x = new double[batch * 2];
        double[] gradOut = new double[batch * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2.0 * rng.nextGaussian();
        }
        for (int i = 0; i < gradOut.length; i++) {
            gradOut[i] = rng.nextGaussian();
        }
        double[] initial = new double[params.length];
        for (int i = 0; i < initial.length; i++) {
            initial[i] = rng.nextGaussian();      // backward adds to what gradParams holds
        }
        double[][] serial = run(mlp, mlp.workspace(batch), params, x, gradOut, initial, batch);
        double[][] parallel = run(mlp, mlp.workspace(batch, threads), params, x, gradOut, initial, batch);
        String[] names = {"out", "gradParams", "gradInput", "gradParams (input gradient skipped)"};
        for (int k = 0; k < serial.length; k++) {
            assertArrayEquals(serial[k], parallel[k], 0.0, names[k]);
        }
        assertTrue(parallel[1][0] != initial[0], "the gradient was not added");
    }

    private static double[][] run(Mlp mlp, Mlp.Workspace ws, double[] params, double[] x,
            double[] gradOut, double[] initial, int batch) {
        double[] out = new double[batch * 3];
        double[] gradParams = initial.clone();
        double[] gradInput = new double[batch * 2];
        double[] gradParamsOnly = initial.clone();
        for (int repeat = 0; repeat < 2; repeat++) {  // the reused tasks must work twice
            out = new double[batch * 3];
            gradParams = initial.clone();
            mlp.forward(params, x, batch, ws, out);
            mlp.backward(params, gradOut, batch, ws, gradParams, gradInput);
            gradParamsOnly = initial.clone();
            mlp.backward(params, gradOut, batch, ws, gradParamsOnly, null);
        }
        return new double[][] {out, gradParams, gradInput, gradParamsOnly};
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            0
            65
            -1
            """)
    void threadsOutsideTheRangeAreRejected(int threads) {
        Mlp mlp = new Mlp(new int[] {1, 4, 1}, Activation.TANH, Activation.LINEAR);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mlp.workspace(10, threads));
        assertTrue(e.getMessage().contains("[1, 64]") && e.getMessage().contains(String.valueOf(threads)),
                e.getMessage());
    }
}
