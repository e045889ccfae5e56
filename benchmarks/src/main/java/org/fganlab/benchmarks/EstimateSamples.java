package org.fganlab.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fganlab.estimate.Samples;
import org.hipparchus.random.Well19937c;

/**
 * The samples of the estimator benchmarks, shared by JMH and the SciPy peer: n = 10⁵ points of
 * P = N(0, I₂) and of Q = N((1, 0), diag(1, 1.5²)) in 2-D from fixed seeds, written as CSV with
 * {@link Double#toString} (which Python's float() reads back exactly), so both sides estimate
 * from bit-identical points. KL(P‖Q) = 0.5 + (1/1.5² − 1 + log 1.5²)/2 = 0.627732.
 *
 * <p>Usage: {@code EstimateSamples P.csv Q.csv}.
 */
public final class EstimateSamples {

    /** Points per sample. */
    public static final int N = 100_000;

    private EstimateSamples() {
    }

    /** {P samples, Q samples}, the same on every call. */
    public static Samples[] pair() {
        Well19937c rp = new Well19937c(20_261_204L);
        Well19937c rq = new Well19937c(20_261_205L);
        double[] x = new double[2 * N];
        double[] y = new double[2 * N];
        for (int i = 0; i < N; i++) {
            x[2 * i] = rp.nextGaussian();
            x[2 * i + 1] = rp.nextGaussian();
            y[2 * i] = 1 + rq.nextGaussian();
            y[2 * i + 1] = 1.5 * rq.nextGaussian();
        }
        return new Samples[] {new Samples(x, 2), new Samples(y, 2)};
    }

    /**
     * Writes the two samples.
     *
     * @param args P.csv Q.csv
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: EstimateSamples P.csv Q.csv");
        }
        Samples[] s = pair();
        write(s[0], Path.of(args[0]));
        write(s[1], Path.of(args[1]));
    }

    private static void write(Samples s, Path target) {
        try (Writer w = Files.newBufferedWriter(target)) {
            w.write("x,y\n");
            for (int i = 0; i < s.size(); i++) {
                w.write(Double.toString(s.get(i, 0)) + "," + Double.toString(s.get(i, 1)) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
