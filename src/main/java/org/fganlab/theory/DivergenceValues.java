package org.fganlab.theory;

import java.util.ArrayList;
import java.util.List;
import org.fganlab.density.Density;
import org.fganlab.divergence.Discrepancy;
import org.fganlab.divergence.FDivergence;
import org.fganlab.quadrature.QuadratureResult;

/**
 * Exact values of several divergences for one pair, each with its wall time: what
 * {@code fganlab divergence} prints.
 */
public final class DivergenceValues {

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
        List<Discrepancy> all = new ArrayList<>();
        divergences.forEach(f -> all.add(new Discrepancy.F(f)));
        if (includeW1) {
            all.add(new Discrepancy.W1());
        }
        return compute(exact, p, q, all);
    }

    /**
     * @param exact the engine
     * @param p data density
     * @param q model density
     * @param discrepancies f-divergences and W1, in output order
     * @return one entry per discrepancy, in that order
     */
    public static List<Entry> compute(ExactDivergence exact, Density p, Density q,
            List<Discrepancy> discrepancies) {
        List<Entry> out = new ArrayList<>();
        for (Discrepancy d : discrepancies) {
            long t0 = System.nanoTime();
            QuadratureResult r = exact.value(d, p, q);
            out.add(new Entry(d.name(), r, (System.nanoTime() - t0) * 1e-9));
        }
        return out;
    }
}
