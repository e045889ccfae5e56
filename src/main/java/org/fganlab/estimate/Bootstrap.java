package org.fganlab.estimate;

import java.util.Arrays;
import java.util.function.BiFunction;
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
        return percentile(values);
    }

    /**
     * The percentile interval of c + mean(a) − mean(b) for per-sample terms a (over P) and b
     * (over Q), each resampled with replacement; b may be empty (then the mean of a alone).
     *
     * @param a terms over the first sample, length ≥ 1 (not modified)
     * @param b terms over the second sample, possibly empty (not modified)
     * @param c a constant added to every replicate
     * @param resamples B ≥ 1
     * @param rng advanced by B·(|a| + |b|) draws
     * @return the 95% percentile interval
     * @throws IllegalArgumentException if B &lt; 1 or a is empty
     */
    public static Interval meanDifference(double[] a, double[] b, double c, int resamples,
            RandomGenerator rng) {
        checkResamples(resamples);
        if (a.length == 0) {
            throw new IllegalArgumentException("a must not be empty");
        }
        double[] values = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double v = c + resampledMean(a, rng);
            if (b.length > 0) {
                v -= resampledMean(b, rng);
            }
            values[r] = v;
        }
        return percentile(values);
    }

    /**
     * The 95% percentile interval of the replicates (sorted in place). A replicate may be +∞ (a
     * KDE plug-in integral beyond the double range); an end that interpolates towards +∞ is +∞.
     */
    static Interval percentile(double[] values) {
        for (double v : values) {
            if (Double.isNaN(v) || v == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("a bootstrap replicate is " + v);
            }
        }
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

    private static double resampledMean(double[] a, RandomGenerator rng) {
        int n = a.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[rng.nextInt(n)];
        }
        return s / n;
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
