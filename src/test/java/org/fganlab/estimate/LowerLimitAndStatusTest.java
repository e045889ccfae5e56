package org.fganlab.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.quadrature.QuadratureResult;
import org.fganlab.quadrature.QuadratureSettings;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The log-space KL critic bound, the one-sided lower limit of the critic, and the KDE plug-in's
 * propagation of a quadrature that did not converge.
 */
class LowerLimitAndStatusTest {

    @Test
    void logMeanExpMatchesTheDirectSumAndDoesNotOverflow() {
        double[] a = {0.1, -2.0, 3.5, 0.0};
        double direct = Math.log((Math.exp(0.1) + Math.exp(-2.0) + Math.exp(3.5) + 1.0) / 4);
        assertEquals(direct, Bootstrap.logMeanExp(a), 1e-15);
        // e^1000 overflows; log((e^1000 + 3 e^1000)/2) = 1000 + log 2
        assertEquals(1000 + Math.log(2), Bootstrap.logMeanExp(new double[] {1000, 1000 + Math.log(3)}), 1e-12);
        // delta method: SE(w)/mean(w) for w = e^a, here w = {1, 2, 3, 4}: mean 2.5, SE √(5/3/4)
        double[] logs = {0, Math.log(2), Math.log(3), Math.log(4)};
        assertEquals(Math.sqrt(5.0 / 3 / 4) / 2.5, Bootstrap.logMeanExpStandardError(logs), 1e-15);
    }

    /** KL terms: value = mean_P T − log mean_Q e^T, at least the NWJ bound at the same T. */
    @Test
    void donskerVaradhanValueIsTheShiftedNwjBound() {
        double[] tp = {1.2, 0.4, 2.0};
        double[] tq = {-0.5, 0.3, 1.1, -1.0};
        double[] logFake = new double[tq.length];
        double sumExp = 0;
        double nwjFake = 0;
        for (int i = 0; i < tq.length; i++) {
            logFake[i] = tq[i] - 1;
            sumExp += Math.exp(tq[i]);
            nwjFake += Math.exp(tq[i] - 1);
        }
        double meanP = (1.2 + 0.4 + 2.0) / 3;
        VariationalTerms t = new VariationalTerms(tp, logFake, true);
        assertEquals(meanP - Math.log(sumExp / 4), t.value(), 1e-14);
        assertTrue(t.value() >= meanP - nwjFake / 4);
        // one Q point with T = 800 (e^799 overflows): the estimate moves by about 800 − log 5
        double[] extreme = {-1.5, -0.7, 0.1, -2.0, 799};
        double v = new VariationalTerms(tp, extreme, true).value();
        assertEquals(meanP - 1 - (799 - Math.log(5)), v, 1e-9);
    }

    @Test
    void criticLimitIsOneSided() {
        double[] real = new double[200];
        double[] fake = new double[200];
        Well19937c rng = new Well19937c(5);
        for (int i = 0; i < 200; i++) {
            real[i] = rng.nextGaussian();
            fake[i] = 0.5 * rng.nextGaussian();
        }
        VariationalTerms t = new VariationalTerms(real, fake, false);
        Bootstrap.Interval normal = CriticBound.lowerLimit(t, 0, null);
        assertEquals(t.value() - 1.6448536269514722 * t.standardError(), normal.low(), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, normal.high());
        // the bootstrap's 5% quantile agrees with the normal limit to a few % of the SE
        Bootstrap.Interval boot = CriticBound.lowerLimit(t, 4000, new Well19937c(6));
        assertEquals(normal.low(), boot.low(), 0.1 * t.standardError());
        assertEquals(Double.POSITIVE_INFINITY, boot.high());
    }

    /**
     * A quadrature budget too small to reach 10⁻¹⁴: the status is NOT_CONVERGED, and the error
     * estimate widens the interval on each side; with the normal budget the status is ok and the
     * interval (B = 0) is the point.
     */
    @Test
    void kdeNonConvergenceIsCarriedAndWidensTheInterval() {
        Samples p = Samples.draw(DensitySpec.parse("normal(0,1)"), 200, 40, 0);
        Samples q = Samples.draw(DensitySpec.parse("normal(1,1.5)"), 200, 40, 1);
        KdePlugin.Kde kp = new KdePlugin.Kde(p);
        KdePlugin.Kde kq = new KdePlugin.Kde(q);
        FDivergence kl = Divergences.byName("kl");
        QuadratureSettings starved = new QuadratureSettings(1e-14, 0, 21);
        QuadratureResult r = KdePlugin.integrate(kp, kq, kl, starved);
        assertEquals(QuadratureResult.Status.NOT_CONVERGED, r.status());
        assertTrue(r.errorEstimate() > 0);
        KdePlugin.WithInterval w = KdePlugin.withInterval(p, q, kp, kq, kl, 0, null, starved, starved);
        assertEquals(QuadratureResult.Status.NOT_CONVERGED, w.status());
        assertEquals(r.value(), w.value(), 0.0);
        assertEquals(r.value() - r.errorEstimate(), w.interval().low(), 0.0);
        assertEquals(r.value() + r.errorEstimate(), w.interval().high(), 0.0);
        assertTrue(KdePlugin.properties(w.status()).contains("not reached"));

        // replicates that do not converge also mark the estimate and widen its interval
        QuadratureSettings fine = new QuadratureSettings(1e-7, 1e-12, 2_000_000);
        KdePlugin.WithInterval ok = KdePlugin.withInterval(p, q, kp, kq, kl, 20, new Well19937c(1), fine, fine);
        KdePlugin.WithInterval starvedReplicates = KdePlugin.withInterval(p, q, kp, kq, kl, 20,
                new Well19937c(1), fine, starved);
        assertEquals(QuadratureResult.Status.CONVERGED, ok.status());
        assertEquals(QuadratureResult.Status.NOT_CONVERGED, starvedReplicates.status());
        assertTrue(starvedReplicates.interval().high() - starvedReplicates.interval().low()
                > ok.interval().high() - ok.interval().low());

        KdePlugin.WithInterval converged = KdePlugin.withInterval(p, q, kp, kq, kl, 0, null);
        assertEquals(QuadratureResult.Status.CONVERGED, converged.status());
        assertEquals(converged.value(), converged.interval().low(), 0.0);
        assertEquals(converged.value(), converged.interval().high(), 0.0);
        assertEquals(KdePlugin.estimate(p, q, kl).value(), converged.value(), 0.0);
    }
}
