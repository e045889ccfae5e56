package org.fganlab.gan;

import java.util.Arrays;
import org.fganlab.density.GaussianMixture2D;
import org.fganlab.divergence.DiscreteDivergences;

/**
 * Mode-coverage metrics of generated samples against a 2-D Gaussian mixture target, the protocol
 * of the 2-D ring and grid benchmarks (Srivastava et al. 2017, VEEGAN, §5.1: high quality within
 * 3σ; Lin et al. 2018, PacGAN, §5: 2,500 samples, at least 20 high-quality samples per covered
 * mode, KL of the mode histogram from uniform):
 *
 * <ul>
 *   <li>each sample is assigned to its <em>nearest mode</em> c_j (Euclidean distance; a tie goes
 *       to the lower mode index);</li>
 *   <li>a sample is <em>high quality</em> if its distance to that mode is at most
 *       {@value #QUALITY_RADIUS_SIGMAS}σ, σ the mixture's common standard deviation;</li>
 *   <li>the <em>mode histogram</em> counts, per mode, the high-quality samples whose nearest mode
 *       it is; a mode is <em>covered</em> if its count is at least
 *       {@value #MIN_SAMPLES_PER_MODE};</li>
 *   <li>the histogram normalised to h_j = count_j / Σ count is compared with the uniform
 *       distribution u_j = 1/K over the K modes by KL(h‖u) = Σ h_j log(h_j K) = log K − H(h), in
 *       nats, with 0·log 0 = 0 (a mode with no sample contributes 0, so KL is finite:
 *       0 for a uniform histogram, log K when every high-quality sample sits on one mode). When no
 *       sample is high quality the histogram is undefined and KL is reported as +∞ (worse than
 *       any histogram, whose KL is at most log K).</li>
 * </ul>
 *
 * <p>Stateless; the input arrays are not modified.
 */
public final class ModeCoverage {

    /** A sample is high quality if it lies within this many σ of its nearest mode. */
    public static final double QUALITY_RADIUS_SIGMAS = 3.0;

    /** A mode is covered if it receives at least this many high-quality samples. */
    public static final int MIN_SAMPLES_PER_MODE = 20;

    private ModeCoverage() {
    }

    /**
     * The metrics of one sample set.
     *
     * @param modeCount K, the number of modes of the target
     * @param sampleCount n, the number of samples evaluated
     * @param counts the mode histogram: counts[j] = high-quality samples whose nearest mode is j
     *     (length K, copied)
     * @param modesCovered number of modes with counts[j] ≥ {@value #MIN_SAMPLES_PER_MODE}, in [0, K]
     * @param highQualityFraction Σ counts / n, in [0, 1]
     * @param klFromUniform KL(h‖uniform) in nats, in [0, log K]; +∞ if no sample is high quality
     */
    public record Result(int modeCount, int sampleCount, int[] counts, int modesCovered,
            double highQualityFraction, double klFromUniform) {

        public Result {
            counts = counts.clone();
        }

        @Override
        public int[] counts() {
            return counts.clone();
        }

        /**
         * Number of modes with at least {@code minSamples} high-quality samples: 1 is PacGAN's
         * rule (Lin et al. 2018, §5: a mode is captured when any high-quality sample falls on
         * it), {@value ModeCoverage#MIN_SAMPLES_PER_MODE} is {@link #modesCovered()}'s.
         *
         * @param minSamples the threshold, ≥ 1
         * @throws IllegalArgumentException if minSamples &lt; 1
         */
        public int modesCovered(int minSamples) {
            if (minSamples < 1) {
                throw new IllegalArgumentException("minSamples must be >= 1, got " + minSamples);
            }
            int covered = 0;
            for (int c : counts) {
                if (c >= minSamples) {
                    covered++;
                }
            }
            return covered;
        }

        /** Number of high-quality samples, Σ counts. */
        public int highQuality() {
            return Arrays.stream(counts).sum();
        }

        /** Equal when every component is, the counts compared element by element. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && modeCount == r.modeCount && sampleCount == r.sampleCount
                    && Arrays.equals(counts, r.counts) && modesCovered == r.modesCovered
                    && Double.compare(highQualityFraction, r.highQualityFraction) == 0
                    && Double.compare(klFromUniform, r.klFromUniform) == 0;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(counts) + Double.hashCode(highQualityFraction);
        }

        @Override
        public String toString() {
            return "Result[modeCount=" + modeCount + ", sampleCount=" + sampleCount + ", counts="
                    + Arrays.toString(counts) + ", modesCovered=" + modesCovered
                    + ", highQualityFraction=" + highQualityFraction + ", klFromUniform=" + klFromUniform + "]";
        }
    }

    /**
     * Evaluates samples against the target's modes.
     *
     * @param target the mixture (its modes and σ)
     * @param samples n points interleaved as x, y: point i is (samples[2i], samples[2i + 1]);
     *     length 2n with n ≥ 1 (not modified)
     * @return the metrics (class comment)
     * @throws IllegalArgumentException if target is null, samples is null, empty or of odd length,
     *     or a coordinate is not finite (the message names its index)
     */
    public static Result evaluate(GaussianMixture2D target, double[] samples) {
        if (target == null) {
            throw new IllegalArgumentException("target is required");
        }
        if (samples == null || samples.length == 0 || samples.length % 2 != 0) {
            throw new IllegalArgumentException("samples must hold n >= 1 points as interleaved x, y "
                    + "(even length >= 2), got length " + (samples == null ? "null" : samples.length));
        }
        int k = target.modeCount();
        int n = samples.length / 2;
        double radius = QUALITY_RADIUS_SIGMAS * target.sigma();
        double radius2 = radius * radius;
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            double x = samples[2 * i];
            double y = samples[2 * i + 1];
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("sample " + i + " = (" + x + ", " + y
                        + ") is not finite (index " + (Double.isFinite(x) ? 2 * i + 1 : 2 * i) + ")");
            }
            int nearest = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double dx = x - target.modeX(j);
                double dy = y - target.modeY(j);
                double d2 = dx * dx + dy * dy;
                if (d2 < best) {
                    best = d2;
                    nearest = j;
                }
            }
            if (best <= radius2) {
                counts[nearest]++;
            }
        }
        int covered = 0;
        int hq = 0;
        for (int c : counts) {
            hq += c;
            if (c >= MIN_SAMPLES_PER_MODE) {
                covered++;
            }
        }
        return new Result(k, n, counts, covered, hq / (double) n, klFromUniform(counts));
    }

    /**
     * KL(h‖u) of a histogram from the uniform distribution over its bins, h_j = counts[j] / Σ
     * counts, u_j = 1/K, with 0·log 0 = 0.
     *
     * @param counts bin counts, each ≥ 0 (length K ≥ 1, not modified)
     * @return KL(h‖u) in nats, in [0, log K]; +∞ if every count is 0
     * @throws IllegalArgumentException if counts is null or empty or has a negative entry
     */
    public static double klFromUniform(int[] counts) {
        if (counts == null || counts.length == 0) {
            throw new IllegalArgumentException("counts must have at least one bin");
        }
        long total = 0;
        for (int j = 0; j < counts.length; j++) {
            if (counts[j] < 0) {
                throw new IllegalArgumentException("counts[" + j + "] = " + counts[j] + " must be >= 0");
            }
            total += counts[j];
        }
        if (total == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[] h = new double[counts.length];
        double[] u = new double[counts.length];
        for (int j = 0; j < counts.length; j++) {
            h[j] = counts[j] / (double) total;
            u[j] = 1.0 / counts.length;
        }
        return DiscreteDivergences.kl(h, u);
    }
}
