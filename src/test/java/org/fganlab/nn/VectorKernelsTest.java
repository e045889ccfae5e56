package org.fganlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vector API kernels give the same bits as the scalar ones: directly (both called in this
 * JVM) on shapes that hit every block remainder, and end to end (a child JVM with
 * {@code -Dfganlab.vector=off} runs the same forward and backward passes).
 */
class VectorKernelsTest {

    static Stream<Arguments> affineShapes() {
        // np, nq, batch: rows beyond a multiple of 4, odd input counts, sample tails beyond 8 and 4
        return Stream.of(Arguments.of(4, 4, 8), Arguments.of(5, 7, 13), Arguments.of(64, 64, 256),
                Arguments.of(7, 65, 3), Arguments.of(66, 9, 100), Arguments.of(256, 256, 37));
    }

    @ParameterizedTest
    @MethodSource("affineShapes")
    void affineIsBitIdenticalToTheScalarKernel(int np, int nq, int batch) {
        assumeTrue(VectorSupport.ENABLED, "256-bit vectors not native here");
        SplittableRandom rnd = new SplittableRandom(np * 1000L + nq * 10L + batch);
        double[] w = gaussian(rnd, np * nq + np);
        double[][] in = rows(rnd, nq, batch);
        for (boolean transposed : new boolean[] {false, true}) {
            // forward: (ps, qs) = (nq, 1) with biases; backward: the transpose without
            int ps = transposed ? 1 : nq;
            int qs = transposed ? np : 1;
            int bias = transposed ? -1 : np * nq;
            double[][] scalar = new double[np][batch];
            double[][] vector = new double[np][batch];
            Mlp.affineBlocked(w, 0, ps, qs, bias, in, nq, scalar, np, batch);
            VectorKernels.affineBlocked(w, 0, ps, qs, bias, in, nq, vector, np, batch);
            for (int p = 0; p < np; p++) {
                assertArrayEquals(scalar[p], vector[p], 0.0, "row " + p + ", transposed " + transposed);
            }
        }
    }

    static Stream<Arguments> outerShapes() {
        // np, nq, samples in the tile: row and column remainders, sample counts below and at 32
        return Stream.of(Arguments.of(4, 8, 32), Arguments.of(5, 13, 31), Arguments.of(64, 65, 32),
                Arguments.of(65, 64, 1), Arguments.of(3, 9, 7), Arguments.of(257, 256, 4));
    }

    @ParameterizedTest
    @MethodSource("outerShapes")
    void outerTileIsBitIdenticalToTheScalarKernel(int np, int nq, int n) {
        assumeTrue(VectorSupport.ENABLED, "256-bit vectors not native here");
        SplittableRandom rnd = new SplittableRandom(np * 1000L + nq * 10L + n);
        int from = 5;
        double[][] left = rows(rnd, np, from + n);
        double[][] tile = rows(rnd, n, nq);
        double[][] scalar = rows(rnd, np, nq);
        double[][] vector = new double[np][];
        for (int p = 0; p < np; p++) {
            vector[p] = scalar[p].clone();          // the kernel adds to what acc holds
        }
        Mlp.outerTile(left, np, from, n, tile, nq, scalar);
        VectorKernels.outerTile(left, np, from, n, tile, nq, vector);
        for (int p = 0; p < np; p++) {
            assertArrayEquals(scalar[p], vector[p], 0.0, "row " + p);
        }
    }

    @Test
    void forwardAndBackwardGiveTheSameBitsWithoutTheVectorPath() throws Exception {
        assumeTrue(VectorSupport.ENABLED, "256-bit vectors not native here");
        String here = ScalarPathProbe.digest();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
                "-Dfganlab.vector=off", "-cp", System.getProperty("java.class.path"),
                ScalarPathProbe.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = read(child.getInputStream());
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM did not finish");
        assertEquals(0, child.exitValue(), output);
        String last = output.strip().lines().reduce((a, b) -> b).orElse("");
        assertEquals("vector=false " + here.substring("vector=true ".length()), last);
        assertTrue(here.startsWith("vector=true "), here);
    }

    /** Runs forward and backward passes and prints a digest of every output bit (child JVM). */
    static final class ScalarPathProbe {
        public static void main(String[] args) {
            System.out.println(digest());
        }

        static String digest() {
            long hash = 1125899906842597L;
            int[][] architectures = {{1, 64, 64, 1}, {3, 9, 6, 2}};
            for (int[] widths : architectures) {
                Mlp mlp = new Mlp(widths, Activation.TANH, Activation.LINEAR);
                double[] params = new double[mlp.parameterCount()];
                mlp.initialize(params, new Well19937c(7));
                int batch = 300;
                Well19937c rng = new Well19937c(11);
                double[] x = new double[batch * mlp.inputSize()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = rng.nextGaussian();
                }
                Mlp.Workspace ws = mlp.workspace(batch);
                double[] out = new double[batch * mlp.outputSize()];
                mlp.forward(params, x, batch, ws, out);
                double[] gradOut = out.clone();
                double[] gradParams = new double[params.length];
                double[] gradInput = new double[x.length];
                mlp.backward(params, gradOut, batch, ws, gradParams, gradInput);
                for (double[] a : new double[][] {out, gradParams, gradInput}) {
                    for (double v : a) {
                        hash = 31 * hash + Double.doubleToRawLongBits(v);
                    }
                }
            }
            return "vector=" + VectorSupport.ENABLED + " " + Long.toHexString(hash);
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static double[] gaussian(SplittableRandom rnd, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextDouble(-1.0, 1.0);
        }
        return v;
    }

    private static double[][] rows(SplittableRandom rnd, int count, int length) {
        double[][] r = new double[count][];
        for (int k = 0; k < count; k++) {
            r[k] = gaussian(rnd, length);
        }
        return r;
    }
}
