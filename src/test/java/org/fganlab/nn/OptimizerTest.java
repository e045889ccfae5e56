package org.fganlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OptimizerTest {

    /** From zero moments the bias-corrected first step is η·g/(|g| + ε): η·sign(g) up to ε/|g|. */
    @Test
    void adamFirstStepIsLearningRateTimesSign() {
        Adam adam = new Adam(4, 0.01);
        double[] p = {1.0, -2.0, 0.5, 3.0};
        double[] g = {0.3, -7.0, 1e-3, -0.02};
        adam.step(p, g);
        double[] expected = {1.0 - 0.01, -2.0 + 0.01, 0.5 - 0.01, 3.0 + 0.01};
        for (int k = 0; k < 4; k++) {
            // exact value η·|g|/(|g| + ε) differs from η by η·ε/|g| ≤ 1e-7·η
            assertEquals(expected[k], p[k], 0.01 * 1e-8 / Math.abs(g[k]) + 1e-15, "index " + k);
            assertTrue(Math.abs(p[k] - expected[k]) > 0 || g[k] == 0, "ε is visible at index " + k);
        }
        assertEquals(1, adam.steps());
    }

    /**
     * A learning-rate factor scales the step of every optimiser exactly as a smaller η would:
     * Adam's and RMSProp's first steps and SGD's step, against fresh optimisers built with η·f.
     */
    @Test
    void learningRateFactorActsAsAScaledRate() {
        double[] g = {0.3, -7.0, 1e-3, -0.02};
        Optimizer[][] pairs = {
            {new Adam(4, 0.01, 0.5, 0.999, 1e-8), new Adam(4, 0.0025, 0.5, 0.999, 1e-8)},
            {new RmsProp(4, 0.01), new RmsProp(4, 0.0025)},
            {new Sgd(4, 0.01), new Sgd(4, 0.0025)}};
        for (Optimizer[] pair : pairs) {
            double[] scaled = {1.0, -2.0, 0.5, 3.0};
            double[] direct = scaled.clone();
            pair[0].scaleLearningRate(0.25);
            pair[0].step(scaled, g);
            pair[1].step(direct, g);
            assertArrayEquals(direct, scaled, 1e-15, pair[0].getClass().getSimpleName());
            double[] frozen = direct.clone();
            pair[0].scaleLearningRate(0.0);
            pair[0].step(frozen, g);
            assertArrayEquals(direct, frozen, 0.0, "factor 0 leaves the parameters");
        }
        assertThrows(IllegalArgumentException.class, () -> new Sgd(1, 0.1).scaleLearningRate(1.5));
        assertThrows(IllegalArgumentException.class, () -> new Adam(1, 0.1).scaleLearningRate(Double.NaN));
    }

    /** Two steps written out with β₁ = 0.5, β₂ = 0.75, ε = 0.1 so that every term matters. */
    @Test
    void adamTwoStepsByHand() {
        Adam adam = new Adam(2, 0.1, 0.5, 0.75, 0.1);
        double[] p = {1.0, -1.0};
        adam.step(p, new double[] {2.0, -0.5});
        // step 1: m = 0.5·g, v = 0.25·g², m̂ = m/0.5 = g, v̂ = v/0.25 = g²
        double p0 = 1.0 - 0.1 * 2.0 / (2.0 + 0.1);
        double p1 = -1.0 - 0.1 * -0.5 / (0.5 + 0.1);
        assertArrayEquals(new double[] {p0, p1}, p, 1e-15);
        adam.step(p, new double[] {1.0, 0.5});
        // step 2, index 0: m = 0.5·1 + 0.5·1 = 1, v = 0.75·1 + 0.25·1 = 1,
        //   m̂ = 1/(1 − 0.25) = 4/3, v̂ = 1/(1 − 0.5625) = 1/0.4375
        double m0 = 0.5 * 1.0 + 0.5 * 1.0;
        double v0 = 0.75 * 1.0 + 0.25 * 1.0;
        p0 -= 0.1 * (m0 / 0.75) / (Math.sqrt(v0 / 0.4375) + 0.1);
        // index 1: m = 0.5·(−0.25) + 0.5·0.5 = 0.125, v = 0.75·0.0625 + 0.25·0.25 = 0.109375
        double m1 = 0.125;
        double v1 = 0.109375;
        p1 -= 0.1 * (m1 / 0.75) / (Math.sqrt(v1 / 0.4375) + 0.1);
        assertArrayEquals(new double[] {p0, p1}, p, 1e-15);
        assertEquals(0.9047619047619048 - 0.1 * (4.0 / 3) / (Math.sqrt(1 / 0.4375) + 0.1), p[0], 1e-15);
    }

    @Test
    void adamMinimisesAQuadratic() {
        // f(θ) = Σ a_k (θ_k − t_k)², minimum at t
        double[] a = {1.0, 10.0, 0.1, 3.0};
        double[] t = {0.5, -2.0, 3.0, 0.0};
        double[] p = {5.0, 5.0, -5.0, 1.0};
        double[] g = new double[4];
        Adam adam = new Adam(4, 0.05);
        for (int step = 0; step < 20_000; step++) {
            for (int k = 0; k < 4; k++) {
                g[k] = 2 * a[k] * (p[k] - t[k]);
            }
            adam.step(p, g);
        }
        assertArrayEquals(t, p, 1e-8);
    }

    @Test
    void adamResetForgetsTheMoments() {
        Adam adam = new Adam(2, 0.1, 0.9, 0.99, 1e-8);
        double[] p = {0.0, 0.0};
        adam.step(p, new double[] {1.0, 2.0});
        adam.step(p, new double[] {-3.0, 0.5});
        adam.reset();
        assertEquals(0, adam.steps());
        double[] q = {0.0, 0.0};
        adam.step(q, new double[] {4.0, -1.0});
        Adam fresh = new Adam(2, 0.1, 0.9, 0.99, 1e-8);
        double[] r = {0.0, 0.0};
        fresh.step(r, new double[] {4.0, -1.0});
        assertArrayEquals(r, q, 0.0);
    }

    @Test
    void sgdOneStepExact() {
        Sgd sgd = new Sgd(3, 0.25);
        double[] p = {1.0, -1.0, 0.5};
        double[] g = {2.0, 4.0, -8.0};
        sgd.step(p, g);
        assertArrayEquals(new double[] {0.5, -2.0, 2.5}, p, 0.0);
        assertArrayEquals(new double[] {2.0, 4.0, -8.0}, g, 0.0, "grad not modified");
        sgd.reset();
        sgd.step(p, g);
        assertArrayEquals(new double[] {0.0, -3.0, 4.5}, p, 0.0);
    }

    /** Two RMSProp steps written out with ρ = 0.5, ε = 0.1 so that every term matters. */
    @Test
    void rmsPropTwoStepsByHand() {
        RmsProp rms = new RmsProp(2, 0.1, 0.5, 0.1);
        double[] p = {1.0, -1.0};
        rms.step(p, new double[] {2.0, -0.5});
        // step 1: v = 0.5·g² = {2, 0.125}
        double p0 = 1.0 - 0.1 * 2.0 / (Math.sqrt(2.0) + 0.1);
        double p1 = -1.0 - 0.1 * -0.5 / (Math.sqrt(0.125) + 0.1);
        assertArrayEquals(new double[] {p0, p1}, p, 1e-15);
        rms.step(p, new double[] {1.0, 0.5});
        // step 2: v = 0.5·{2, 0.125} + 0.5·{1, 0.25} = {1.5, 0.1875}
        p0 -= 0.1 * 1.0 / (Math.sqrt(1.5) + 0.1);
        p1 -= 0.1 * 0.5 / (Math.sqrt(0.1875) + 0.1);
        assertArrayEquals(new double[] {p0, p1}, p, 1e-15);
    }

    /**
     * Three steps at the WGAN paper's η = 5e-5 with the default ρ = 0.99, ε = 1e-8, against
     * PyTorch 1.13's {@code torch.optim.RMSprop(lr=5e-5)} in float64 on the same gradients.
     */
    @Test
    void rmsPropMatchesPyTorch() {
        RmsProp rms = new RmsProp(3, 5e-5);
        double[] p = {1.0, -2.0, 0.5};
        rms.step(p, new double[] {0.3, -7.0, 1e-3});
        rms.step(p, new double[] {-0.2, 4.0, 2e-3});
        rms.step(p, new double[] {0.1, 0.5, -1.0});
        assertArrayEquals(new double[] {0.999643626579201, -1.9997802318098168, 0.49955240726812755},
                p, 4e-16);
        // after reset, the first step from v = 0 again: η·g/(√(0.01)·|g| + ε) = 10η·sign(g) up to ε
        rms.reset();
        double[] q = {0.0, 0.0, 0.0};
        rms.step(q, new double[] {-3.0, 2.0, 0.5});
        assertArrayEquals(new double[] {5e-4, -5e-4, -5e-4}, q, 5e-4 * 1e-8 / 0.05);
    }

    @Test
    void badArgumentsAreRejectedWithTheValueAndRange() {
        assertMessage("rho must be in [0, 1), got 1.0", () -> new RmsProp(3, 0.1, 1.0, 1e-8));
        assertMessage("epsilon must be finite and > 0, got 0.0", () -> new RmsProp(3, 0.1, 0.9, 0.0));
        assertMessage("learningRate must be finite and > 0, got 0.0", () -> new Adam(3, 0.0));
        assertMessage("learningRate must be finite and > 0, got NaN", () -> new Sgd(3, Double.NaN));
        assertMessage("learningRate must be finite and > 0, got Infinity", () -> new Sgd(3, Double.POSITIVE_INFINITY));
        assertMessage("learningRate must be finite and > 0, got -0.1", () -> new Sgd(3, -0.1));
        assertMessage("size must be >= 1, got 0", () -> new Adam(0, 0.1));
        assertMessage("beta1 must be in [0, 1), got 1.0", () -> new Adam(3, 0.1, 1.0, 0.999, 1e-8));
        assertMessage("beta2 must be in [0, 1), got -0.5", () -> new Adam(3, 0.1, 0.9, -0.5, 1e-8));
        assertMessage("epsilon must be finite and > 0, got 0.0", () -> new Adam(3, 0.1, 0.9, 0.999, 0.0));
        Adam adam = new Adam(3, 0.1);
        assertMessage("params must have length 3, got 2", () -> adam.step(new double[2], new double[3]));
        assertMessage("grad must have length 3, got 4", () -> adam.step(new double[3], new double[4]));
        double[] same = new double[3];
        assertMessage("grad may not alias params", () -> adam.step(same, same));
        Sgd sgd = new Sgd(2, 0.1);
        assertMessage("params must have length 2, got null", () -> sgd.step(null, new double[2]));
        assertEquals(0, adam.steps(), "a rejected step does not count");
    }

    private static void assertMessage(String message, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(message, e.getMessage());
    }
}
