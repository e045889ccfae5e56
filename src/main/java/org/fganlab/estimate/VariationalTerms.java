package org.fganlab.estimate;

import org.fganlab.divergence.FDivergence;
import org.fganlab.divergence.KullbackLeibler;

/**
 * Held-out terms of the variational form D_f(P‖Q) ≥ E_P[T] − E_Q[f*(T)] (f-GAN eq. 4) for one
 * critic T, shared by {@link CriticBound} (T = g_f(V) trained) and {@link ClassifierRatio}
 * (T = f'(r̂) from a classifier). For KL, where f*(t + c) = e^c f*(t), the terms are of the
 * Donsker–Varadhan form E_P[T] − 1 − log E_Q[f*(T)] (the bound at the best shift T + c,
 * ≥ the plain one), evaluated by a log-mean-exp of log f*(T) = T − 1 so that no e^T is formed
 * (see {@link CriticBound}).
 *
 * @param real T(x) at the held-out points of P (n' ≥ 1)
 * @param fake f*(T(y)) at the held-out points of Q (m' ≥ 1); for the Donsker–Varadhan form its
 *     logarithm, log f*(T(y)) = T(y) − 1
 * @param donskerVaradhan whether the terms are of the KL Donsker–Varadhan form
 */
public record VariationalTerms(double[] real, double[] fake, boolean donskerVaradhan) {

    /**
     * The terms at the optimal critic implied by an estimated log ratio V ≈ log(p/q):
     * T = f'(e^V) ({@link FDivergence#optimalCriticFromLogRatio}) and f*(T) by the divergence's
     * log-space {@link FDivergence#conjugateOfActivation} at
     * {@link FDivergence#optimalCriticPreactivation}(V), finite for every finite V; for KL
     * T = 1 + V and log f*(T) = V, in the Donsker–Varadhan form.
     *
     * @param logRatioP V at the held-out points of P
     * @param logRatioQ V at the held-out points of Q
     * @param f the divergence
     * @return the terms
     */
    public static VariationalTerms atOptimalCritic(double[] logRatioP, double[] logRatioQ, FDivergence f) {
        boolean dv = f instanceof KullbackLeibler;
        double[] real = new double[logRatioP.length];
        for (int i = 0; i < real.length; i++) {
            real[i] = f.optimalCriticFromLogRatio(logRatioP[i]);
        }
        double[] fake = new double[logRatioQ.length];
        for (int i = 0; i < fake.length; i++) {
            fake[i] = dv ? logRatioQ[i] : f.conjugateOfActivation(f.optimalCriticPreactivation(logRatioQ[i]));
        }
        return new VariationalTerms(real, fake, dv);
    }

    /**
     * The value in nats: mean(real) − mean(fake), or for the Donsker–Varadhan form
     * mean(real) − 1 − logMeanExp(fake).
     */
    public double value() {
        return value(real, fake, donskerVaradhan);
    }

    /**
     * The standard error √(s²_real/n' + s²_fake/m'); for the Donsker–Varadhan form the second
     * term is the delta-method error of the log-mean-exp.
     */
    public double standardError() {
        double a = Bootstrap.standardError(real);
        double b = donskerVaradhan ? Bootstrap.logMeanExpStandardError(fake)
                : Bootstrap.standardError(fake);
        return Math.sqrt(a * a + b * b);
    }

    /** The value of terms (real, fake) of the given form. */
    static double value(double[] real, double[] fake, boolean donskerVaradhan) {
        return donskerVaradhan ? Bootstrap.mean(real) - 1.0 - Bootstrap.logMeanExp(fake)
                : Bootstrap.mean(real) - Bootstrap.mean(fake);
    }
}
