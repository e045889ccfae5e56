package org.fganlab.density;

import java.util.Arrays;
import org.hipparchus.random.RandomGenerator;

/**
 * A finite mixture {@code p(x) = Σ w_i p_i(x)} of non-mixture densities; spec
 * {@code w1*comp1 + w2*comp2 + …}, e.g. {@code 0.5*normal(-2,0.5) + 0.5*normal(2,0.5)}.
 *
 * <p>Weights must be positive and sum to 1 within {@value #WEIGHT_SUM_TOLERANCE}. They are
 * stored, compared and printed as given (so {@link #spec()} round-trips exactly) but every
 * computation uses the normalised weights w_i/Σw, so the mixture is an exact probability
 * distribution. Components that are themselves mixtures are flattened: a component
 * {@code w·(Σ v_j q_j)} contributes the terms {@code w·(v_j/Σv)·q_j}.
 *
 * <p>A final class rather than a record so that it can cache the log-weights, cumulative
 * weights, support, breakpoints and scales. Equality, hash code and accessors behave as for a
 * record with components (weights, components) compared element-wise; the constructor and the
 * accessors copy the arrays. {@code toString} is the spec.
 *
 * <table><caption>Edge cases</caption>
 * <tr><td>all components −∞ at x</td><td>logDensity −∞</td></tr>
 * <tr><td>x = NaN</td><td>NaN</td></tr>
 * <tr><td>gap between bounded components</td><td>quantile returns the left end of the flat
 *     stretch of the CDF (the smallest x with F(x) ≥ p)</td></tr>
 * </table>
 */
public final class Mixture implements Density {

    /** Accepted |Σw − 1|. */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-9;

    private final double[] weights;
    private final Density[] components;
    /** log(w_i / Σw). */
    private final double[] logWeights;
    /** w_i / Σw. */
    private final double[] normalized;
    /** Cumulative normalised weights; the last entry is exactly 1. */
    private final double[] cumulative;
    private final double lower;
    private final double upper;
    private final double scale;
    private final double minScale;
    private final double[] breakpoints;

    /**
     * @param weights positive, finite, summing to 1 within {@value #WEIGHT_SUM_TOLERANCE}
     *                (not modified; copied)
     * @param components the same number of non-null densities (not modified; copied);
     *                   mixtures among them are flattened
     * @throws IllegalArgumentException if an array is null, the lengths differ or are 0, a
     *         weight is not in (0, ∞), a component is null, or the weights (also after
     *         flattening) do not sum to 1 within the tolerance
     */
    public Mixture(double[] weights, Density[] components) {
        if (weights == null || components == null) {
            throw new IllegalArgumentException("weights and components must not be null, got "
                    + (weights == null ? "weights=null" : "components=null"));
        }
        if (weights.length != components.length) {
            throw new IllegalArgumentException("weights and components must have the same"
                    + " length, got " + weights.length + " and " + components.length);
        }
        if (weights.length == 0) {
            throw new IllegalArgumentException("a mixture needs at least one component, got 0");
        }
        double[] w = weights.clone();
        Density[] c = components.clone();
        for (int i = 0; i < w.length; i++) {
            Checks.positive("weights[" + i + "]", w[i]);
            if (c[i] == null) {
                throw new IllegalArgumentException("components[" + i + "] must not be null");
            }
        }
        checkWeightSum(w, "");
        int n = 0;
        boolean nested = false;
        for (Density d : c) {
            if (d instanceof Mixture m) {
                n += m.components.length;
                nested = true;
            } else {
                n++;
            }
        }
        if (nested) {
            double[] fw = new double[n];
            Density[] fc = new Density[n];
            int k = 0;
            for (int i = 0; i < c.length; i++) {
                if (c[i] instanceof Mixture m) {
                    for (int j = 0; j < m.components.length; j++) {
                        fw[k] = w[i] * m.normalized[j];
                        fc[k++] = m.components[j];
                    }
                } else {
                    fw[k] = w[i];
                    fc[k++] = c[i];
                }
            }
            w = fw;
            c = fc;
            checkWeightSum(w, " (after flattening nested mixtures)");
        }
        this.weights = w;
        this.components = c;

        double total = weightSum(w);
        this.normalized = new double[n];
        this.logWeights = new double[n];
        this.cumulative = new double[n];
        double cum = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double maxScale = 0;
        double smallest = Double.POSITIVE_INFINITY;
        double[] points = new double[0];
        for (int i = 0; i < n; i++) {
            normalized[i] = w[i] / total;
            logWeights[i] = Math.log(normalized[i]);
            cum += normalized[i];
            cumulative[i] = cum;
            lo = Math.min(lo, c[i].supportLower());
            hi = Math.max(hi, c[i].supportUpper());
            maxScale = Math.max(maxScale, c[i].scale());
            smallest = Math.min(smallest, c[i].scale());
            double[] b = c[i].breakpoints();
            double[] merged = Arrays.copyOf(points, points.length + b.length);
            System.arraycopy(b, 0, merged, points.length, b.length);
            points = merged;
        }
        cumulative[n - 1] = 1;
        this.lower = lo;
        this.upper = hi;
        this.scale = maxScale;
        this.minScale = smallest;
        this.breakpoints = sortedDistinct(points);
    }

    /** Neumaier-compensated Σw (package-private: the spec parser uses the same rule). */
    static double weightSum(double[] w) {
        double sum = 0;
        double compensation = 0;
        for (double v : w) {
            double t = sum + v;
            compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return sum + compensation;
    }

    /** Whether a weight sum is within {@link #WEIGHT_SUM_TOLERANCE} of 1. */
    static boolean sumsToOne(double sum) {
        return Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE;
    }

    private static void checkWeightSum(double[] w, String context) {
        double sum = weightSum(w);
        if (!sumsToOne(sum)) {
            throw new IllegalArgumentException("weights must sum to 1 within "
                    + Numbers.format(WEIGHT_SUM_TOLERANCE) + context + ", got "
                    + Numbers.format(sum));
        }
    }

    private static double[] sortedDistinct(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int k = 0;
        for (int i = 0; i < s.length; i++) {
            if (k == 0 || s[i] != s[k - 1]) {
                s[k++] = s[i];
            }
        }
        return Arrays.copyOf(s, k);
    }

    /** @return the weights as given (a copy), after flattening of nested mixtures */
    public double[] weights() {
        return weights.clone();
    }

    /** @return the components (a copy of the array), none of them a mixture */
    public Density[] components() {
        return components.clone();
    }

    /** @return the number of components */
    public int size() {
        return components.length;
    }

    /**
     * log Σ exp(log w_i + log p_i(x)), by a one-pass log-sum-exp that rescales the running sum
     * when a larger term appears: no allocation, at most two exps per component plus one log.
     */
    @Override
    public double logDensity(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < components.length; i++) {
            double l = logWeights[i] + components[i].logDensity(x);
            if (l == Double.NEGATIVE_INFINITY) {
                continue;
            }
            if (l > max) {
                sum = (max == Double.NEGATIVE_INFINITY ? 0 : sum * Math.exp(max - l)) + 1;
                max = l;
            } else {
                sum += Math.exp(l - max);
            }
        }
        return max == Double.NEGATIVE_INFINITY ? max : max + Math.log(sum);
    }

    /** Σ w_i F_i(x), clamped to [0, 1]. */
    @Override
    public double cdf(double x) {
        double s = 0;
        for (int i = 0; i < components.length; i++) {
            s += normalized[i] * components[i].cdf(x);
        }
        return Math.min(1, s);
    }

    /** Σ w_i S_i(x), clamped to [0, 1]; accurate in the right tail. */
    @Override
    public double survival(double x) {
        double s = 0;
        for (int i = 0; i < components.length; i++) {
            s += normalized[i] * components[i].survival(x);
        }
        return Math.min(1, s);
    }

    /**
     * Brent's method ({@link QuantileSolver}) on the bracket [min_i F_i⁻¹(p), max_i F_i⁻¹(p)],
     * which always contains the mixture quantile; to about one ulp. quantile(0) and
     * quantile(1) are the support ends.
     *
     * @throws IllegalStateException if the root finder does not converge (not observed)
     */
    @Override
    public double quantile(double prob) {
        Checks.probability(prob);
        if (prob == 0) {
            return lower;
        }
        if (prob == 1) {
            return upper;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Density c : components) {
            double q = c.quantile(prob);
            lo = Math.min(lo, q);
            hi = Math.max(hi, q);
        }
        if (lo == hi) {
            return lo;
        }
        double limit = Double.MAX_VALUE / 4;
        if (lo < -limit) {
            lo = -limit;
            if (cdf(lo) >= prob) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        if (hi > limit) {
            hi = limit;
            if (survival(hi) > 1 - prob) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return QuantileSolver.solve(this::cdf, this::survival, this, prob, lo, hi,
                1e-30 * minScale);
    }

    /** Picks component i with probability w_i (one {@code nextDouble}), then samples it. */
    @Override
    public double sample(RandomGenerator rng) {
        double u = rng.nextDouble();
        int i = 0;
        while (u >= cumulative[i]) {
            i++;
        }
        return components[i].sample(rng);
    }

    /** @return the smallest component lower end */
    @Override
    public double supportLower() {
        return lower;
    }

    /** @return the largest component upper end */
    @Override
    public double supportUpper() {
        return upper;
    }

    /** @return the union of the components' breakpoints, sorted, without duplicates */
    @Override
    public double[] breakpoints() {
        return breakpoints.clone();
    }

    /** @return the largest component scale */
    @Override
    public double scale() {
        return scale;
    }

    /** @return the components' bumps, in component order */
    @Override
    public java.util.List<Bump> bumps() {
        java.util.List<Bump> out = new java.util.ArrayList<>();
        for (Density c : components) {
            out.addAll(c.bumps());
        }
        return out;
    }

    /** Component by component, with the same weights. */
    @Override
    public Density affine(double shift, double unit) {
        Density[] c = new Density[components.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = components[i].affine(shift, unit);
        }
        return new Mixture(weights, c);
    }

    /**
     * The heaviest component tail on that side (largest growth on (r2, r1, logR), compared by
     * {@link LogTail#compareGrowth} with r0 ignored); its r0 is replaced by
     * log Σ w_i·exp(r0_i) over the components tied with it, with normalised weights. Components
     * bounded on that side are ignored; null if all are.
     */
    @Override
    public LogTail tail(int side) {
        Checks.side(side);
        LogTail[] tails = new LogTail[components.length];
        LogTail best = null;
        for (int i = 0; i < components.length; i++) {
            LogTail t = components[i].tail(side);
            if (t == null) {
                continue;
            }
            tails[i] = new LogTail(t.r2(), t.r1(), t.logR(), 0);
            if (best == null || tails[i].compareGrowth(best) > 0) {
                best = tails[i];
            }
        }
        if (best == null) {
            return null;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < components.length; i++) {
            if (tails[i] != null && tails[i].compareGrowth(best) == 0) {
                max = Math.max(max, logWeights[i] + components[i].tail(side).r0());
            }
        }
        double sum = 0;
        for (int i = 0; i < components.length; i++) {
            if (tails[i] != null && tails[i].compareGrowth(best) == 0) {
                sum += Math.exp(logWeights[i] + components[i].tail(side).r0() - max);
            }
        }
        return new LogTail(best.r2(), best.r1(), best.logR(), max + Math.log(sum));
    }

    /** @return {@code w1*spec1 + w2*spec2 + …} */
    @Override
    public String spec() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                sb.append(" + ");
            }
            sb.append(Numbers.format(weights[i])).append('*').append(components[i].spec());
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mixture m
                && Arrays.equals(weights, m.weights) && Arrays.equals(components, m.components);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weights) + Arrays.hashCode(components);
    }

    /** @return the spec */
    @Override
    public String toString() {
        return spec();
    }
}
