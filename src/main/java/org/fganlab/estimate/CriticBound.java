package org.fganlab.estimate;

import org.fganlab.divergence.FDivergence;
import org.fganlab.gan.Objective;
import org.hipparchus.random.RandomGenerator;

/**
 * The variational lower bound of f-GAN (Nowozin, Cseke &amp; Tomioka 2016, eq. 4 and 6;
 * Nguyen, Wainwright &amp; Jordan 2010): for every critic T,
 * <pre>
 *   D_f(P‖Q) ≥ E_P[T(x)] − E_Q[f*(T(y))],   T = g_f(V),
 * </pre>
 * with equality at T* = f'(p/q). V is an MLP trained on a random half of each sample to maximise
 * the right-hand side (the f-GAN critic objective, {@link Objective.FGan}); the bound is then
 * evaluated on the other halves:
 * F̂ = mean_P g_f(V) − mean_Q f*(g_f(V)), with standard error √(s²_P/n' + s²_Q/m').
 * For KL, g_f(v) = v and f*(t) = e^{t−1}, so F̂ is exactly the NWJ estimator
 * E_P[T] − E_Q[e^{T−1}] (Nguyen, Wainwright &amp; Jordan 2010).
 *
 * <p><b>Properties.</b> A lower bound: for the trained T (independent of the held-out points)
 * F̂ is an unbiased estimate of a value ≤ D_f(P‖Q); the gap is the critic's sub-optimality,
 * so the estimate is biased low, and for disjoint supports the critic can reach the supremum
 * (log 2 for JS, 1 for TV; for KL the bound grows without limit as training continues). For KL
 * the term e^{T−1} makes the held-out estimate heavy-tailed where the critic extrapolates to
 * large T on Q points (the known variance of the NWJ bound; Song &amp; Ermon 2020): single
 * estimates can then be very negative. The interval holds the trained critic fixed, so it
 * leaves out the variance of training.
 */
public final class CriticBound {

    /** What this estimator is, for {@link Estimate#properties()}. */
    public static final String PROPERTIES = "lower bound in expectation (held-out f-GAN/NWJ bound);"
            + " biased low by the critic's sub-optimality; KL (NWJ) heavy-tailed";

    private CriticBound() {
    }

    /**
     * The held-out terms of the bound.
     *
     * @param real g_f(V(x)) at the held-out points of P
     * @param fake f*(g_f(V(y))) at the held-out points of Q
     */
    public record Terms(double[] real, double[] fake) {
        /** F̂ = mean(real) − mean(fake), in nats. */
        public double value() {
            return Bootstrap.mean(real) - Bootstrap.mean(fake);
        }

        /** The standard error √(s²_real/n' + s²_fake/m'). */
        public double standardError() {
            double a = Bootstrap.standardError(real);
            double b = Bootstrap.standardError(fake);
            return Math.sqrt(a * a + b * b);
        }
    }

    /**
     * Trains the critic on a seeded random half of each sample and returns the bound's terms
     * on the other halves.
     *
     * @param p n ≥ 4 points from P
     * @param q m ≥ 4 points from Q, same dimension
     * @param f the divergence
     * @param settings network and optimiser
     * @param seed the seed of the split, the initialisation and the mini-batches
     * @return the held-out terms
     * @throws IllegalArgumentException if the dimensions differ or a sample has fewer than 4 points
     */
    public static Terms fit(Samples p, Samples q, FDivergence f, NetworkSettings settings, long seed) {
        ClassifierRatio.checkSamples(p, q);
        Objective.FGan objective = new Objective.FGan(f);
        RandomGenerator rng = Seeds.stream(seed, 2);
        Samples[] ps = PairTraining.split(p, rng);
        Samples[] qs = PairTraining.split(q, rng);
        PairTraining.PointLoss lossP = new PairTraining.PointLoss() {
            @Override
            public double value(double v) {
                return -objective.realTerm(clamp(v));
            }

            @Override
            public double derivative(double v) {
                return Math.abs(v) > LIMIT ? 0.0 : -objective.realTermDerivative(v);
            }
        };
        PairTraining.PointLoss lossQ = new PairTraining.PointLoss() {
            @Override
            public double value(double v) {
                return objective.fakeTerm(clamp(v));
            }

            @Override
            public double derivative(double v) {
                return Math.abs(v) > LIMIT ? 0.0 : objective.fakeTermDerivative(v);
            }
        };
        PairTraining net = PairTraining.train(ps[0], qs[0], lossP, lossQ, settings, rng);
        double[] vp = net.outputs(ps[1]);
        double[] vq = net.outputs(qs[1]);
        double[] real = new double[vp.length];
        double[] fake = new double[vq.length];
        for (int i = 0; i < vp.length; i++) {
            real[i] = objective.realTerm(clamp(vp[i]));
        }
        for (int i = 0; i < vq.length; i++) {
            fake[i] = objective.fakeTerm(clamp(vq[i]));
        }
        return new Terms(real, fake);
    }

    /**
     * The divergences' closed log-space forms are finite for |v| ≤ 100 (gan package); the raw
     * output is clamped there, which keeps T a valid critic, so the bound still holds.
     */
    private static final double LIMIT = 100.0;

    private static double clamp(double v) {
        return Math.max(-LIMIT, Math.min(LIMIT, v));
    }
}
