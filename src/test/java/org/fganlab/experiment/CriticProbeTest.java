package org.fganlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.SpecialFunctions;
import org.fganlab.gan.GeneratorLoss;
import org.fganlab.gan.Objective;
import org.fganlab.nn.Activation;
import org.fganlab.nn.Mlp;
import org.junit.jupiter.api.Test;

/**
 * The probe on a linear critic V(x) = w·x + b (an Mlp 1 → 1 without hidden layer, params {w, b}),
 * against hand formulas and finite differences.
 */
class CriticProbeTest {

    private static final Mlp LINEAR = new Mlp(new int[] {1, 1}, Activation.TANH, Activation.LINEAR);
    private static final double[] REAL = {0.5, -1.0, 2.0, 1.5};
    private static final double[] Z = {0.3, -0.8, 1.2};

    @Test
    void constantCriticGivesTheKlBoundAtThatConstantWithZeroError() {
        // V ≡ c: F = c − exp(c − 1) for KL, whatever the samples (≤ KL, tight at c = 1 only if P = Q)
        CriticProbe probe = new CriticProbe(new Objective.FGan(Divergences.byName("kl")), LINEAR, 8);
        double c = 0.4;
        CriticProbe.Estimate e = probe.estimate(new double[] {0.0, c}, new double[] {0.7, -0.2}, REAL, Z);
        assertEquals(c - Math.exp(c - 1), e.value(), 1e-15);
        assertEquals(0.0, e.standardError(), 0.0);
    }

    @Test
    void linearCriticEstimateMatchesTheHandFormula() {
        double w = 0.7;
        double b = -0.3;
        double mu = 0.25;
        double sigma = Math.exp(-0.4);
        CriticProbe probe = new CriticProbe(new Objective.FGan(Divergences.byName("kl")), LINEAR, 8);
        CriticProbe.Estimate e = probe.estimate(new double[] {w, b}, new double[] {mu, -0.4}, REAL, Z);
        double real = 0;
        for (double x : REAL) {
            real += (w * x + b) / REAL.length;
        }
        double[] fake = new double[Z.length];
        double fakeMean = 0;
        for (int j = 0; j < Z.length; j++) {
            fake[j] = Math.exp(w * (mu + sigma * Z[j]) + b - 1);
            fakeMean += fake[j] / Z.length;
        }
        assertEquals(real - fakeMean, e.value(), 1e-14);
        double varReal = 0;
        for (double x : REAL) {
            varReal += Math.pow(w * x + b - real, 2) / (REAL.length - 1);
        }
        double varFake = 0;
        for (double f : fake) {
            varFake += Math.pow(f - fakeMean, 2) / (Z.length - 1);
        }
        assertEquals(Math.sqrt(varReal / REAL.length + varFake / Z.length), e.standardError(), 1e-14);
    }

    /** The GAN losses on the batch: minimax mean log(1 − σ(v)), non-saturating −mean log σ(v). */
    private static double ganLoss(double[] theta, double w, double b, GeneratorLoss loss) {
        double s = 0;
        for (double z : Z) {
            double v = w * (theta[0] + Math.exp(theta[1]) * z) + b;
            s += loss == GeneratorLoss.MINIMAX ? Math.log1p(-SpecialFunctions.sigmoid(v))
                    : -Math.log(SpecialFunctions.sigmoid(v));
        }
        return s / Z.length;
    }

    @Test
    void generatorGradientsMatchCentralDifferencesOfTheGanLosses() {
        double w = -1.3;
        double b = 0.2;
        double[] theta = {0.4, 0.3};
        CriticProbe probe = new CriticProbe(new Objective.FGan(Divergences.byName("gan")), LINEAR, 8);
        for (GeneratorLoss loss : GeneratorLoss.values()) {
            CriticProbe.Gradient g = probe.generatorGradient(new double[] {w, b}, theta, Z, loss);
            double h = 1e-6;
            double dMu = (ganLoss(new double[] {theta[0] + h, theta[1]}, w, b, loss)
                    - ganLoss(new double[] {theta[0] - h, theta[1]}, w, b, loss)) / (2 * h);
            double dS = (ganLoss(new double[] {theta[0], theta[1] + h}, w, b, loss)
                    - ganLoss(new double[] {theta[0], theta[1] - h}, w, b, loss)) / (2 * h);
            assertEquals(dMu, g.mu(), 1e-8, loss.name());
            assertEquals(dS, g.logSigma(), 1e-8, loss.name());
            assertEquals(Math.hypot(dMu, dS), g.norm(), 1e-8);
        }
    }

    @Test
    void minimaxGradientIsDTimesTheSlopeAtAConfidentDiscriminator() {
        // σ = e^{-∞}: every sample at μ; ∂L/∂μ = −D·w (minimax) and −(1 − D)·w (non-saturating)
        double w = 2.0;
        double b = -14.0;
        double[] theta = {1.0, -800.0};
        CriticProbe probe = new CriticProbe(new Objective.FGan(Divergences.byName("gan")), LINEAR, 8);
        double d = SpecialFunctions.sigmoid(w * 1.0 + b);
        assertEquals(-d * w, probe.generatorGradient(new double[] {w, b}, theta, Z,
                GeneratorLoss.MINIMAX).mu(), 1e-20);
        assertEquals(-(1 - d) * w, probe.generatorGradient(new double[] {w, b}, theta, Z,
                GeneratorLoss.NON_SATURATING).mu(), 1e-15);
        double[] v = probe.fakeOutputs(new double[] {w, b}, theta, Z);
        assertEquals(3, v.length);
        assertEquals(w + b, v[2], 1e-15);
    }

    @Test
    void rejectsBatchesAboveTheWorkspaceAndNonScalarCritics() {
        CriticProbe probe = new CriticProbe(new Objective.FGan(Divergences.byName("kl")), LINEAR, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> probe.estimate(new double[] {1, 0}, new double[] {0, 0}, REAL, Z));
        assertEquals("batch must be in [1, 2], got 4", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CriticProbe(
                new Objective.FGan(Divergences.byName("kl")),
                new Mlp(new int[] {2, 1}, Activation.TANH, Activation.LINEAR), 4));
    }
}
