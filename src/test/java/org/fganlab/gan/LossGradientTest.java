package org.fganlab.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one loss-layer gradient, {@link Objective#gradient} and {@link GeneratorLoss#gradient},
 * against central differences of the batch objective F̂ = w·Σ_real a(v) − w·Σ_generated b(v)
 * and of the generator losses, built from the terms a and b only; and, for the {@code gan} row,
 * against Goodfellow's closed forms with D = σ(v).
 */
class LossGradientTest {

    private static final double[] V = {-4.0, -1.3, -0.2, 0.0, 0.45, 1.7, 3.5};
    private static final double W = 1.0 / 8;

    static List<Objective> objectives() {
        List<Objective> out = new ArrayList<>();
        for (FDivergence f : Divergences.all()) {
            out.add(new Objective.FGan(f));
        }
        out.add(new Objective.Wasserstein(0.01));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objectives")
    void gradientIsTheDerivativeOfTheBatchObjective(Objective o) {
        for (double v : V) {
            // F̂ as a function of one real output, then of one generated output
            assertDerivative(u -> W * o.realTerm(u), v, o.gradient(v, Objective.Side.REAL, W), o + " real");
            assertDerivative(u -> -W * o.fakeTerm(u), v, o.gradient(v, Objective.Side.GENERATED, W),
                    o + " generated");
            // minimax L̂_G = −w·b(v) (the θ-part of F̂), non-saturating L̂_G = −w·a(v)
            assertDerivative(u -> -W * o.fakeTerm(u), v, GeneratorLoss.MINIMAX.gradient(o, v, W),
                    o + " minimax");
            assertDerivative(u -> -W * o.realTerm(u), v, GeneratorLoss.NON_SATURATING.gradient(o, v, W),
                    o + " non-saturating");
        }
    }

    /**
     * Goodfellow et al. 2014: F = log D(x) + log(1 − D(G(z))) with D = σ(v), so ∂F/∂v is
     * 1 − σ(v) on a real sample and −σ(v) on a generated one; the non-saturating loss −log D
     * has ∂/∂v = −(1 − σ(v)).
     */
    @Test
    void ganRowMatchesGoodfellowsClosedForms() {
        Objective gan = new Objective.FGan(Divergences.byName("gan"));
        for (double v : V) {
            double d = 1 / (1 + Math.exp(-v));
            assertEquals(1 - d, gan.gradient(v, Objective.Side.REAL, 1.0), 1e-15, "real at " + v);
            assertEquals(-d, gan.gradient(v, Objective.Side.GENERATED, 1.0), 1e-15, "generated at " + v);
            assertEquals(-d, GeneratorLoss.MINIMAX.gradient(gan, v, 1.0), 1e-15, "minimax at " + v);
            assertEquals(-(1 - d), GeneratorLoss.NON_SATURATING.gradient(gan, v, 1.0), 1e-15,
                    "non-saturating at " + v);
        }
    }

    private static void assertDerivative(DoubleUnaryOperator f, double v, double actual, String what) {
        double h = 1e-5;
        double fd = (f.applyAsDouble(v + h) - f.applyAsDouble(v - h)) / (2 * h);
        assertEquals(fd, actual, 1e-7 * Math.max(1.0, Math.abs(fd)), what + " at v = " + v);
    }
}
