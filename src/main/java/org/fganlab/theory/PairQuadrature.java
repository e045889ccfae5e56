package org.fganlab.theory;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.fganlab.density.Density;
import org.fganlab.divergence.Asymptote;
import org.fganlab.quadrature.AdaptiveQuadrature;
import org.fganlab.quadrature.QuadratureResult;

/**
 * Integrals ∫ h(x, log p(x), log q(x)) dx over a pair of densities, the engine behind every
 * exact value of this package.
 *
 * <p>Steps: (1) each unbounded tail is checked for integrability with {@link TailAnalysis}; a
 * divergent tail makes the result +∞ (all integrands handed in are non-negative in divergent
 * tails); (2) the line is split at both densities' breakpoints (component modes, support ends),
 * two scales either side of each, and, when asked, at the crossings p = q; (3) {@link AdaptiveQuadrature} integrates over
 * [min support, max support], substituting in unbounded end panels with the larger density
 * scale. Where one density is 0 (outside its support) the integrand's own limits apply, so KL
 * with disjoint support is +∞ because the integrand returns +∞ there.
 *
 * <p>The evaluation count includes the crossing search.
 */
public final class PairQuadrature {

    /** Extra breakpoints at b ± SPREAD·scale around every breakpoint b. */
    private static final double SPREAD = 2.0;

    private final AdaptiveQuadrature quadrature;

    /** With the default quadrature settings (relative 1e-13). */
    public PairQuadrature() {
        this(new AdaptiveQuadrature());
    }

    /**
     * @param quadrature the integrator to use (not null)
     */
    public PairQuadrature(AdaptiveQuadrature quadrature) {
        if (quadrature == null) {
            throw new IllegalArgumentException("quadrature must not be null");
        }
        this.quadrature = quadrature;
    }

    /** The one-dimensional integrator behind this pair integrator. */
    public AdaptiveQuadrature quadrature() {
        return quadrature;
    }

    /**
     * ∫ h(x, log p, log q) dx over the real line.
     *
     * @param p first density (the data distribution P)
     * @param q second density (the model Q)
     * @param h the integrand
     * @param ratioToInfinity leading behaviour of h where p/q → ∞ (for the tail check)
     * @param ratioToZero leading behaviour of h where p/q → 0
     * @param xPower extra polynomial factor |x|^xPower in h (0 for divergences)
     * @param splitAtCrossings whether to split at the crossings p = q (for kinked integrands)
     * @return value, error estimate and evaluation count; +∞ if a tail diverges
     */
    public QuadratureResult integrate(Density p, Density q, PairIntegrand h,
            Asymptote ratioToInfinity, Asymptote ratioToZero, double xPower,
            boolean splitAtCrossings) {
        for (int side = -1; side <= 1; side += 2) {
            if (!TailAnalysis.integrable(p.tail(side), q.tail(side), ratioToInfinity,
                    ratioToZero, xPower)) {
                return QuadratureResult.infinite(1, 0);
            }
        }
        return integrateSplit(p, q, x -> h.value(x, p.logDensity(x), q.logDensity(x)),
                splitAtCrossings ? x -> p.logDensity(x) - q.logDensity(x) : null);
    }

    /**
     * ∫ integrand over the union support, split at both densities' points, at the roots of
     * {@code kink} (the integrand's kinks; null for none) and at the extra points; the
     * evaluation count includes the root search. No tail check: callers make their own.
     */
    QuadratureResult integrateSplit(Density p, Density q, DoubleUnaryOperator integrand,
            DoubleUnaryOperator kink, double... extraPoints) {
        int[] extra = {0};
        double[] split = extraPoints;
        if (kink != null) {
            double[] roots = Crossings.roots(x -> {
                extra[0]++;
                return kink.applyAsDouble(x);
            }, scanGrid(p, q));
            split = union(roots, extraPoints);
        }
        QuadratureResult r = quadrature.integrate(integrand, points(p, q, split),
                Math.max(p.scale(), q.scale()));
        return new QuadratureResult(r.value(), r.errorEstimate(), r.evaluations() + extra[0]);
    }

    /** Scan grid for crossings: around every breakpoint of either density, at both scales. */
    static double[] scanGrid(Density p, Density q) {
        return Crossings.grid(union(p.breakpoints(), q.breakpoints()), p.scale(), q.scale());
    }

    /**
     * Quadrature points: the union support's ends (±∞ if unbounded) and every breakpoint and
     * extra point strictly inside it.
     */
    static double[] points(Density p, Density q, double[] extra) {
        double lo = Math.min(p.supportLower(), q.supportLower());
        double hi = Math.max(p.supportUpper(), q.supportUpper());
        double[] inner = union(union(spread(p), spread(q)), extra);
        double[] pts = new double[inner.length + 2];
        int n = 0;
        pts[n++] = lo;
        for (double x : inner) {
            if (x > lo && x < hi) {
                pts[n++] = x;
            }
        }
        pts[n++] = hi;
        return Arrays.copyOf(pts, n);
    }

    /**
     * A density's breakpoints b and b ± 2·scale: panels about two scales wide are where the
     * 21-point rule meets the default goal on a Gaussian bump without bisection (measured:
     * 420 instead of 630 evaluations for JS of a two-component mixture against a normal), and
     * the tail substitution starts beyond the bump.
     */
    static double[] spread(Density d) {
        double[] b = d.breakpoints();
        double s = SPREAD * d.scale();
        double[] out = new double[3 * b.length];
        for (int i = 0; i < b.length; i++) {
            out[3 * i] = b[i] - s;
            out[3 * i + 1] = b[i];
            out[3 * i + 2] = b[i] + s;
        }
        return out;
    }

    private static double[] union(double[] a, double[] b) {
        double[] u = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, u, a.length, b.length);
        Arrays.sort(u);
        return Arrays.stream(u).distinct().toArray();
    }
}
