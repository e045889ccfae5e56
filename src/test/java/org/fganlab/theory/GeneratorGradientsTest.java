package org.fganlab.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fganlab.density.Normal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Independent oracle: the minimax and non-saturating sides add up to ∇ KL(Q‖P) (−log D* +
 * log(1 − D*) = log(q/p) with D* fixed, and ∇ E_Qθ[log q_θ0] = ∇ KL(Qθ‖P) at θ0), whose closed
 * form for Gaussians is ∂/∂μ = (μ − μP)/σP², ∂/∂σ = −1/σ + σ/σP².
 */
class GeneratorGradientsTest {

    private static final GeneratorGradients G = new GeneratorGradients(ExactDivergence.standard());

    @ParameterizedTest
    @CsvSource(textBlock = """
        0, 1, 1, 1.5
        0, 1, -2, 0.5
        1, 2, 1.5, 3
        0.5, 0.7, 0.5, 0.7
        """)
    void sidesSumToTheGradientOfKlOfQFromP(double muP, double sigmaP, double mu, double sigma) {
        Normal p = new Normal(muP, sigmaP);
        Normal q = new Normal(mu, sigma);
        double[] closed = {(mu - muP) / (sigmaP * sigmaP), -1 / sigma + sigma / (sigmaP * sigmaP)};
        for (GeneratorGradients.Parameter par : GeneratorGradients.Parameter.values()) {
            GeneratorGradients.Result r = G.at(p, q, par);
            double expected = closed[par.ordinal()];
            assertEquals(expected, r.nonSaturating().scoreGradient() + r.saturating().scoreGradient(),
                    1e-9, par.name());
            assertEquals(expected, r.nonSaturating().finiteDifference()
                    + r.saturating().finiteDifference(), 1e-7, par.name());
            assertEquals(r.saturating().finiteDifference(), r.saturating().scoreGradient(),
                    r.saturating().finiteDifferenceError() + r.saturating().scoreError());
        }
    }

    @Test
    void atPEqualsQBothGradientsVanish() {
        Normal p = new Normal(0.3, 1.2);
        for (GeneratorGradients.Parameter par : GeneratorGradients.Parameter.values()) {
            GeneratorGradients.Result r = G.at(p, p, par);
            assertEquals(0.0, r.saturating().scoreGradient(), 1e-12);
            assertEquals(0.0, r.nonSaturating().scoreGradient(), 1e-12);
            // the difference side is exact up to its own stated error (quadrature near D = 0)
            assertEquals(0.0, r.saturating().finiteDifference(), r.saturating().finiteDifferenceError());
            assertTrue(r.saturating().finiteDifferenceError() < 1e-6);
        }
    }

    @Test
    void muIsTheDefaultParameterAndNullIsRejected() {
        Normal p = new Normal(0, 1);
        Normal q = new Normal(1, 1.5);
        assertEquals(G.at(p, q, GeneratorGradients.Parameter.MU), G.at(p, q));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> G.at(p, q, null));
        assertEquals("parameter must be MU or SIGMA, got null", e.getMessage());
    }
}
