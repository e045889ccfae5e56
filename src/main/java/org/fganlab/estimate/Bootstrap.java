package org.fganlab.estimate;

import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.ToDoubleBiFunction;
import org.hipparchus.random.RandomGenerator;

/**
 * Seeded percentile bootstrap intervals (Efron &amp; Tibshirani 1993, ch. 13): B resamples with
 * replacement, the statistic on each, and the (α/2, 1 − α/2) empirical quantiles of the B
 * values (type-7 interpolation). The same seed gives the same interval, bit for bit.
 */
public final class Bootstrap {

    /** The coverage level of every interval of this package: 95%. */
    public static final double LEVEL = 0.95;

    /** z_{0.975}, for normal intervals value ± z·SE. */
    public static final double Z = 1.959963984540054;

    /** z_{0.95}, for one-sided normal lower limits value − z·SE. */
    public static final double Z_ONE_SIDED = 1.6448536269514722;

    private Bootstrap() {
    }

    /**
     * An interval.
     *
     * @param low lower end
     * @param high upper end
     */
    public record Interval(double low, double high) {
    }

    /**
     * The percentile interval of a statistic of two independent samples, each resampled with
     * replacement (a stratified bootstrap, so n_p and n_q stay fixed).
     *
     * @param p the first sample (not modified)
     * @param q the second sample (not modified)
     * @param statistic the statistic of a resampled pair; not NaN or −∞
     * @param resamples B ≥ 1
     * @param rng advanced by B·(n_p + n_q) draws
     * @return the 95% percentile interval
     * @throws IllegalArgumentException if B &lt; 1 or a statistic is NaN or −∞
     */
    public static Interval pairs(Samples p, Samples q,
            BiFunction<Samples, Samples, Double> statistic, int resamples,
            RandomGenerator rng) {
        checkResamples(resamples);
        double[] values = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            Samples ps = p.select(indices(p.size(), rng));
            Samples qs = q.select(indices(q.size(), rng));
            values[b] = statistic.apply(ps, qs);
        }
        return percentile(values);
    }

    /**
     * A delete-half jackknife interval (Shao &amp; Tu 1995, §5.2, the delete-d jackknife with
     * d = n/2; Efron 1982): each of B replicates computes the statistic on a random half of each
     * sample, drawn without replacement, and the interval is value + the (2.5%, 97.5%) quantiles
     * of (replicate − mean of the replicates). For d = n/2 the spread of the half-sample
     * replicates equals the sampling spread of the full-sample statistic (for a mean, the
     * finite-population factor 1 − 1/2 cancels the halved size exactly), and no point is
     * duplicated, which matters for statistics such as k-NN distances that a resample with
     * replacement would distort (a duplicate has a neighbour at distance 0).
     *
     * @param p the first sample (not modified), at least 2 points
     * @param q the second sample (not modified), at least 2 points
     * @param value the statistic on the full samples
     * @param statistic the statistic of a pair of halves; must be finite
     * @param resamples B ≥ 2
     * @param rng advanced by the two permutations of each replicate
     * @return the interval
     * @throws IllegalArgumentException if B &lt; 2 or a statistic is not finite
     */
    public static Interval halfSampling(Samples p, Samples q, double value,
            BiFunction<Samples, Samples, Double> statistic, int resamples, RandomGenerator rng) {
        return halfSamplingWithDrift(p, q, value, statistic, resamples, rng).interval();
    }

    /**
     * {@link #halfSampling}'s interval and the drift of the statistic with the sample size.
     *
     * @param interval the delete-half jackknife interval
     * @param drift the statistic on the full samples minus the mean of its half-sample
     *     replicates: E[drift] = b(n) − b(n/2) for a statistic whose bias at size n is b(n)
     */
    public record HalfSampling(Interval interval, double drift) {
    }

    /**
     * {@link #halfSampling}, also returning the drift (see {@link HalfSampling}); same arguments,
     * same interval, same draws.
     *
     * @throws IllegalArgumentException if B &lt; 2 or a statistic is not finite
     */
    public static HalfSampling halfSamplingWithDrift(Samples p, Samples q, double value,
            BiFunction<Samples, Samples, Double> statistic, int resamples, RandomGenerator rng) {
        if (resamples < 2) {
            throw new IllegalArgumentException("resamples must be >= 2, got " + resamples);
        }
        double[] values = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            Samples ph = p.select(Arrays.copyOf(Seeds.permutation(p.size(), rng), (p.size() + 1) / 2));
            Samples qh = q.select(Arrays.copyOf(Seeds.permutation(q.size(), rng), (q.size() + 1) / 2));
            values[b] = statistic.apply(ph, qh);
        }
        double centre = mean(values);
        for (int b = 0; b < resamples; b++) {
            values[b] = value + (values[b] - centre);
        }
        return new HalfSampling(percentile(values), value - centre);
    }

    /**
     * The one-sided 95% percentile lower limit of a statistic of two arrays of per-point terms,
     * each resampled with replacement: the 5% quantile of the B replicates.
     *
     * @param a terms over the first sample, length ≥ 1 (not modified)
     * @param b terms over the second sample, length ≥ 1 (not modified)
     * @param statistic the statistic of a resampled pair (a*, b*); not NaN or −∞
     * @param resamples B ≥ 1
     * @param rng advanced by B·(|a| + |b|) draws
     * @return the lower limit
     * @throws IllegalArgumentException if B &lt; 1 or a replicate is NaN or −∞
     */
    public static double lowerLimit(double[] a, double[] b,
            ToDoubleBiFunction<double[], double[]> statistic, int resamples, RandomGenerator rng) {
        checkResamples(resamples);
        double[] values = new double[resamples];
        double[] as = new double[a.length];
        double[] bs = new double[b.length];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < as.length; i++) {
                as[i] = a[rng.nextInt(as.length)];
            }
            for (int i = 0; i < bs.length; i++) {
                bs[i] = b[rng.nextInt(bs.length)];
            }
            values[r] = statistic.applyAsDouble(as, bs);
        }
        checkReplicates(values);
        Arrays.sort(values);
        return quantile(values, 1 - LEVEL);
    }

    /**
     * log((1/n) Σ e^{a_i}), computed as m + log((1/n) Σ e^{a_i − m}) with m = max a_i, so it is
     * finite whenever every a_i is finite (no overflow for a_i up to the double range).
     *
     * @param a n ≥ 1 finite values
     * @return the log-mean-exp; +∞ or NaN only if an input is
     */
    public static double logMeanExp(double[] a) {
        double m = max(a);
        return Double.isInfinite(m) ? m : m + Math.log(mean(shiftedExp(a, m)));
    }

    /**
     * The delta-method standard error of {@link #logMeanExp}: SE(mean w)/mean w for the
     * weights w_i = e^{a_i − max a}; 0 for n = 1.
     */
    public static double logMeanExpStandardError(double[] a) {
        double[] w = shiftedExp(a, max(a));
        return standardError(w) / mean(w);
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : a) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** e^{a_i − m}, each in [0, 1] when m = max a. */
    private static double[] shiftedExp(double[] a, double m) {
        double[] w = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            w[i] = Math.exp(a[i] - m);
        }
        return w;
    }

    /**
     * The 95% percentile interval of the replicates (sorted in place). A replicate may be +∞ (a
     * KDE plug-in integral beyond the double range); an end that interpolates towards +∞ is +∞.
     */
    static Interval percentile(double[] values) {
        checkReplicates(values);
        Arrays.sort(values);
        double alpha = 1 - LEVEL;
        return new Interval(quantile(values, alpha / 2), quantile(values, 1 - alpha / 2));
    }

    /** Type-7 quantile (linear interpolation between order statistics) of sorted values. */
    static double quantile(double[] sorted, double prob) {
        double h = (sorted.length - 1) * prob;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        if (h == lo || sorted[hi] == sorted[lo]) {
            return sorted[lo];
        }
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** The normal interval value ± z_{0.975}·SE. */
    static Interval normal(double value, double standardError) {
        return new Interval(value - Z * standardError, value + Z * standardError);
    }

    private static void checkReplicates(double[] values) {
        for (double v : values) {
            if (Double.isNaN(v) || v == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("a bootstrap replicate is " + v);
            }
        }
    }

    private static int[] indices(int n, RandomGenerator rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = rng.nextInt(n);
        }
        return idx;
    }

    private static void checkResamples(int resamples) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be >= 1, got " + resamples);
        }
    }

    /** Neumaier-compensated mean of a (Neumaier 1974). */
    static double mean(double[] a) {
        double s = 0;
        double c = 0;
        for (double x : a) {
            double t = s + x;
            c += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
            s = t;
        }
        return (s + c) / a.length;
    }

    /** The standard error of the mean of a: √(s²/n), s² the unbiased sample variance; 0 for n = 1. */
    static double standardError(double[] a) {
        int n = a.length;
        if (n < 2) {
            return 0;
        }
        double m = mean(a);
        double ss = 0;
        for (double x : a) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (n - 1) / n);
    }
}
