package org.fganlab.theory;

import java.util.ArrayList;
import java.util.List;
import org.fganlab.density.Density;
import org.fganlab.divergence.FDivergence;
import org.fganlab.quadrature.QuadratureResult;

/**
 * Exact values of several divergences for one pair, each with its wall time: what
 * {@code fganlab divergence} prints.
 */
public final class DivergenceValues {

    /** Name of the Wasserstein-1 distance in tables. */
    public static final String W1 = "w1";

    /**
     * One value.
     *
     * @param name registry name ({@code w1} for Wasserstein-1)
     * @param result value (nats; W1 in units of x), error estimate, evaluations
     * @param seconds wall time of this one computation, in seconds (includes JIT warm-up on the
     *     first calls of a JVM; use the JMH benchmarks for speed figures)
     */
    public record Entry(String name, QuadratureResult result, double seconds) {
    }

    private DivergenceValues() {
    }

    /**
     * @param exact the engine
     * @param p data density
     * @param q model density
     * @param divergences f-divergences, in output order
     * @param includeW1 whether to append W1
     * @return one entry per divergence, then W1
     */
    public static List<Entry> compute(ExactDivergence exact, Density p, Density q,
            List<FDivergence> divergences, boolean includeW1) {
        List<Entry> out = new ArrayList<>();
        for (FDivergence f : divergences) {
            long t0 = System.nanoTime();
            QuadratureResult r = exact.divergence(f, p, q);
            out.add(new Entry(f.name(), r, (System.nanoTime() - t0) * 1e-9));
        }
        if (includeW1) {
            long t0 = System.nanoTime();
            QuadratureResult r = exact.wasserstein1(p, q);
            out.add(new Entry(W1, r, (System.nanoTime() - t0) * 1e-9));
        }
        return out;
    }
}
