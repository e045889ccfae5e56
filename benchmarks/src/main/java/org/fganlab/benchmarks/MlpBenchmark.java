package org.fganlab.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.fganlab.nn.Activation;
import org.fganlab.nn.Mlp;
import org.hipparchus.random.Well19937c;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward + backward (with the input gradient) of a 1-W-W-1 tanh MLP with a linear output, the
 * f-GAN critic (issue target: a whole f-GAN step, about two of these at W = 64 and batch 1,024,
 * in ≤ 1 ms). Average time per call, in microseconds.
 *
 * <ul>
 *   <li>{@code forward}, {@code forwardBackward}: {@link Mlp}, plain-array kernels, one thread.</li>
 *   <li>{@code ejmlForwardBackward}: the same computation with EJML 0.44
 *       ({@code CommonOps_DDRM.mult/multTransA/multTransB} on feature-major {@code DMatrixRMaj},
 *       EJML's favourable layout) and the same tanh, so only the linear algebra differs.</li>
 *   <li>{@code activationTanhLayer}, {@code mathTanhLayer}: the tanh of one hidden layer
 *       (W·batch values) with {@link Activation#TANH} and with {@code Math.tanh}.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MlpBenchmark {

    @Param({"256", "2048"})
    public int batch;

    @Param({"64", "256"})
    public int width;

    Mlp mlp;
    Mlp.Workspace ws;
    double[] params;
    double[] x;
    double[] out;
    double[] gradOut;
    double[] gradParams;
    double[] gradInput;
    double[] tanhIn;
    double[] tanhOut;
    EjmlCritic ejml;

    @Setup
    public void setUp() {
        mlp = new Mlp(new int[] {1, width, width, 1}, Activation.TANH, Activation.LINEAR);
        ws = mlp.workspace(batch);
        params = new double[mlp.parameterCount()];
        mlp.initialize(params, new Well19937c(1));
        SplittableRandom rng = new SplittableRandom(2);
        x = new double[batch];
        gradOut = new double[batch];
        for (int b = 0; b < batch; b++) {
            x[b] = rng.nextGaussian();
            gradOut[b] = rng.nextDouble(-1, 1) / batch;
        }
        out = new double[batch];
        gradParams = new double[mlp.parameterCount()];
        gradInput = new double[batch];
        tanhIn = new double[width * batch];
        tanhOut = new double[width * batch];
        for (int k = 0; k < tanhIn.length; k++) {
            tanhIn[k] = 1.5 * rng.nextGaussian();
        }
        ejml = new EjmlCritic(mlp, params, batch);
    }

    @Benchmark
    public double[] forward() {
        mlp.forward(params, x, batch, ws, out);
        return out;
    }

    @Benchmark
    public double[] forwardBackward() {
        mlp.forward(params, x, batch, ws, out);
        mlp.backward(params, gradOut, batch, ws, gradParams, gradInput);
        return gradInput;
    }

    @Benchmark
    public double[] ejmlForwardBackward() {
        return ejml.forwardBackward(x, gradOut);
    }

    @Benchmark
    public double[] activationTanhLayer() {
        for (int k = 0; k < tanhIn.length; k++) {
            tanhOut[k] = Activation.TANH.apply(tanhIn[k]);
        }
        return tanhOut;
    }

    @Benchmark
    public double[] mathTanhLayer() {
        for (int k = 0; k < tanhIn.length; k++) {
            tanhOut[k] = Math.tanh(tanhIn[k]);
        }
        return tanhOut;
    }

    /** The 1-W-W-1 critic with EJML matrices, feature-major (units × batch), no allocation. */
    static final class EjmlCritic {
        final int n;
        final int w;
        final DMatrixRMaj w1; // w × 1
        final DMatrixRMaj w2; // w × w
        final DMatrixRMaj w3; // 1 × w
        final double[] b1;
        final double[] b2;
        final DMatrixRMaj xm = new DMatrixRMaj(1, 1);
        final DMatrixRMaj a1;
        final DMatrixRMaj a2;
        final DMatrixRMaj outm;
        final DMatrixRMaj d3;
        final DMatrixRMaj d2;
        final DMatrixRMaj d1;
        final DMatrixRMaj g1;
        final DMatrixRMaj g2;
        final DMatrixRMaj g3;
        final DMatrixRMaj gx;
        final double[] gb1;
        final double[] gb2;
        final double[] gb3 = new double[1];
        double b3;

        EjmlCritic(Mlp mlp, double[] p, int batch) {
            n = batch;
            w = mlp.widths()[1];
            w1 = DMatrixRMaj.wrap(w, 1, slice(p, mlp.weightOffset(0), w));
            b1 = slice(p, mlp.biasOffset(0), w);
            w2 = DMatrixRMaj.wrap(w, w, slice(p, mlp.weightOffset(1), w * w));
            b2 = slice(p, mlp.biasOffset(1), w);
            w3 = DMatrixRMaj.wrap(1, w, slice(p, mlp.weightOffset(2), w));
            b3 = p[mlp.biasOffset(2)];
            a1 = new DMatrixRMaj(w, n);
            a2 = new DMatrixRMaj(w, n);
            outm = new DMatrixRMaj(1, n);
            d3 = new DMatrixRMaj(1, n);
            d2 = new DMatrixRMaj(w, n);
            d1 = new DMatrixRMaj(w, n);
            g1 = new DMatrixRMaj(w, 1);
            g2 = new DMatrixRMaj(w, w);
            g3 = new DMatrixRMaj(1, w);
            gx = new DMatrixRMaj(1, n);
            gb1 = new double[w];
            gb2 = new double[w];
        }

        private static double[] slice(double[] p, int from, int length) {
            return java.util.Arrays.copyOfRange(p, from, from + length);
        }

        double[] forwardBackward(double[] x, double[] gradOut) {
            xm.data = x;
            xm.numRows = 1;
            xm.numCols = n;
            CommonOps_DDRM.mult(w1, xm, a1);
            biasTanh(a1, b1);
            CommonOps_DDRM.mult(w2, a1, a2);
            biasTanh(a2, b2);
            CommonOps_DDRM.mult(w3, a2, outm);
            for (int b = 0; b < n; b++) {
                outm.data[b] += b3;
                d3.data[b] = gradOut[b]; // linear output
            }
            CommonOps_DDRM.multTransB(d3, a2, g3);
            CommonOps_DDRM.multTransA(w3, d3, d2);
            tanhDerivative(d2, a2);
            CommonOps_DDRM.multTransB(d2, a1, g2);
            CommonOps_DDRM.multTransA(w2, d2, d1);
            tanhDerivative(d1, a1);
            CommonOps_DDRM.multTransB(d1, xm, g1);
            CommonOps_DDRM.multTransA(w1, d1, gx);
            rowSums(d1, gb1); // bias gradients, as Mlp computes them
            rowSums(d2, gb2);
            rowSums(d3, gb3);
            return gx.data;
        }

        private void rowSums(DMatrixRMaj d, double[] sums) {
            for (int i = 0; i < d.numRows; i++) {
                double s = 0;
                for (int b = i * n; b < (i + 1) * n; b++) {
                    s += d.data[b];
                }
                sums[i] = s;
            }
        }

        private void biasTanh(DMatrixRMaj a, double[] bias) {
            double[] data = a.data;
            for (int i = 0; i < w; i++) {
                double c = bias[i];
                for (int b = i * n; b < (i + 1) * n; b++) {
                    data[b] = Activation.TANH.apply(data[b] + c);
                }
            }
        }

        private static void tanhDerivative(DMatrixRMaj d, DMatrixRMaj a) {
            double[] dd = d.data;
            double[] aa = a.data;
            for (int k = 0; k < dd.length; k++) {
                dd[k] *= 1 - aa[k] * aa[k];
            }
        }
    }
}
