package org.fganlab.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Coverage of the cheap estimators' 95% intervals over {@value #SEEDS} independent seeds, at
 * n = {@value #N} from each side, against closed forms, judged by {@link CoverageRule} (at
 * least 87 of 100 for a two-sided 95% interval): the k-NN KL estimate with its delete-half
 * jackknife in 2 and 3 dimensions, and the empirical W1 with its bootstrap over both samples in
 * 1 dimension. Pairs other than those of {@link BootstrapTest} and the {@code sample-size}
 * experiment, so that the intervals are not checked only where they were tuned.
 */
class IntervalCoverageTest {

    private static final int SEEDS = 100;
    private static final int N = 1000;
    private static final int B = 50;

    /** The rule itself: Binomial(100, 0.95) has P(≤ 86) = 4.6e-4 and P(≤ 87) = 1.5e-3. */
    @Test
    void ruleAcceptsFromTheBinomialLowerLimit() {
        assertEquals(87, CoverageRule.smallestAccepted(100));
        assertEquals(4.63e-4, CoverageRule.lowerTail(86, 100), 1e-6);
        assertNull(CoverageRule.check("x", 87, 100));
        assertTrue(CoverageRule.check("x", 86, 100).contains("86/100"));
        assertEquals(51, CoverageRule.smallestAccepted(60));
    }

    /**
     * k-NN KL between P = N(0, I_d) and Q = N(μ, diag(σ²)) (KL the sum of the coordinates'
     * 1-D closed forms ½(σ_k⁻² + μ_k²σ_k⁻² − 1 + 2 log σ_k)); μ and σ given as "a;b;c".
     */
    @ParameterizedTest
    @CsvSource({"0.6;-0.3, 1.3;0.8", "0.4;0.4;0.4, 1.2;1.2;1.2"})
    void knnJackknifeCoversGaussianKl(String muText, String sigmaText) {
        double[] mu = parse(muText);
        double[] sigma = parse(sigmaText);
        int d = mu.length;
        double kl = 0;
        for (int k = 0; k < d; k++) {
            double r = 1 / (sigma[k] * sigma[k]);
            kl += 0.5 * (r + mu[k] * mu[k] * r - 1 - Math.log(r));
        }
        int covered = 0;
        double sum = 0;
        for (int s = 0; s < SEEDS; s++) {
            Well19937c rng = new Well19937c(500 + s);
            double[] x = new double[N * d];
            double[] y = new double[N * d];
            for (int j = 0; j < x.length; j++) {
                x[j] = rng.nextGaussian();
            }
            for (int j = 0; j < y.length; j++) {
                y[j] = mu[j % d] + sigma[j % d] * rng.nextGaussian();
            }
            Estimation.Request r = new Estimation.Request(List.of(Divergences.byName("kl")), false,
                    EnumSet.of(Estimator.KNN), B, 900 + s, 0, NetworkSettings.DEFAULT);
            Estimate e = Estimation.run(new Samples(x, d), new Samples(y, d), r).get(0);
            covered += e.covers(kl) ? 1 : 0;
            sum += e.value();
        }
        assertNull(CoverageRule.check(String.format(java.util.Locale.ROOT,
                "k-NN KL, d = %d, exact %.5f, mean estimate %.5f", d, kl, sum / SEEDS), covered, SEEDS));
    }

    /**
     * Empirical W1 between N(0,1) and N(0.3, 1.5²): the quantile coupling gives
     * W1 = E|0.3 + 0.5·Z| = 0.5·√(2/π)·e^(−0.18) + 0.3·(1 − 2Φ(−0.6)), the mean of a folded normal.
     */
    @Test
    void empiricalW1BootstrapCoversGaussianW1() {
        double m = 0.3;
        double s = 0.5;
        double w1 = s * Math.sqrt(2 / Math.PI) * Math.exp(-m * m / (2 * s * s))
                + m * (1 - 2 * new NormalDistribution(0, 1).cumulativeProbability(-m / s));
        int covered = 0;
        for (int i = 0; i < SEEDS; i++) {
            Samples p = Samples.draw(DensitySpec.parse("normal(0,1)"), N, 300 + i, 0);
            Samples q = Samples.draw(DensitySpec.parse("normal(0.3,1.5)"), N, 300 + i, 1);
            Estimation.Request r = new Estimation.Request(List.of(), true, EnumSet.of(Estimator.KDE),
                    B, 700 + i, 0, NetworkSettings.DEFAULT);
            Estimate e = Estimation.run(p, q, r).get(0);
            assertEquals("w1", e.divergence());
            covered += e.covers(w1) ? 1 : 0;
        }
        assertNull(CoverageRule.check(String.format(java.util.Locale.ROOT,
                "empirical W1, exact %.5f", w1), covered, SEEDS));
    }

    private static double[] parse(String s) {
        return java.util.Arrays.stream(s.split(";")).mapToDouble(Double::parseDouble).toArray();
    }
}
