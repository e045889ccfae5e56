package org.fganlab.estimate;

import org.fganlab.divergence.FDivergence;
import org.hipparchus.random.RandomGenerator;

/**
 * f-divergences from a probabilistic classifier: the optimal discriminator D*(x) = p/(p + q)
 * (Goodfellow et al. 2014, Prop. 1) gives p/q = D/(1 − D). A logistic MLP D = σ(V) is trained
 * to separate P (label 1) from Q (label 0) by the class-balanced cross-entropy
 * mean_P softplus(−V) + mean_Q softplus(V), whose minimiser is V* = log(p/q) whatever n_p/n_q,
 * on a random half of each sample (a fifth of it for early stopping); the estimate is evaluated
 * on the other halves.
 *
 * <p>With r = p/q and the mixture M = (P + Q)/2, D_f(P‖Q) = E_Q[f(r)] + (slope at ∞)·P(q = 0) =
 * E_M[2 f(r)/(1 + r)], so, with n' and m' held-out points,
 * <pre>
 *   D̂_f = (1/n') Σ_{x ∈ P} h(V(x)) + (1/m') Σ_{y ∈ Q} h(V(y)),
 *   h(V) = (1 − D)·f(D/(1 − D)) = f(r)/(1 + r),   computed as f.integrand(log D, log(1 − D)).
 * </pre>
 * This is the E_Q[f(D/(1 − D))] when P ≪ Q, and it also counts the P-mass where q is
 * negligible (the term lim f(u)/u): for disjoint supports and a perfect classifier it gives
 * JS = log 2 and TV = 1, where E_Q alone would give half. h is evaluated in log-space
 * (log D = −softplus(−V)), so it is finite for every finite V.
 *
 * <p><b>Properties.</b> Consistent when the classifier is (V → log(p/q)); biased by the
 * classifier's error: an over-confident V inflates divergences with superlinear f (KL, Pearson)
 * and a too-smooth V shrinks them. Not a bound in either direction. The interval is a bootstrap
 * over the held-out points with the trained classifier fixed, so it leaves out the variance of
 * training.
 */
public final class ClassifierRatio {

    /** What this estimator is, for {@link Estimate#properties()}. */
    public static final String PROPERTIES = "consistent if the classifier is (V -> log p/q);"
            + " biased by classifier error (over-confidence inflates KL/Pearson); not a bound";

    private ClassifierRatio() {
    }

    /**
     * The trained classifier's logit V = log(D/(1 − D)), an estimate of log(p/q), on the
     * held-out halves.
     *
     * @param logRatioP V at the held-out points of P
     * @param logRatioQ V at the held-out points of Q
     */
    public record Fit(double[] logRatioP, double[] logRatioQ) {
    }

    /**
     * Trains the classifier on a seeded random half of each sample.
     *
     * @param p n ≥ 4 points from P
     * @param q m ≥ 4 points from Q, same dimension
     * @param settings network and optimiser
     * @param seed the seed of the split, the initialisation and the mini-batches
     * @return the held-out logits
     * @throws IllegalArgumentException if the dimensions differ or a sample has fewer than 4 points
     */
    public static Fit fit(Samples p, Samples q, NetworkSettings settings, long seed) {
        checkSamples(p, q);
        RandomGenerator rng = Seeds.stream(seed, 1);
        Samples[] ps = PairTraining.split(p, rng);
        Samples[] qs = PairTraining.split(q, rng);
        PairTraining net = PairTraining.train(ps[0], qs[0], LOGISTIC_P, LOGISTIC_Q, settings, rng);
        return new Fit(net.outputs(ps[1]), net.outputs(qs[1]));
    }

    /**
     * The per-point terms h(V) = (1 − D)·f(D/(1 − D)): D̂_f = mean(terms[0]) + mean(terms[1]).
     *
     * @param fit held-out logits
     * @param f the divergence
     * @return {h over P's held-out points, h over Q's}
     */
    public static double[][] terms(Fit fit, FDivergence f) {
        return new double[][] {h(fit.logRatioP(), f), h(fit.logRatioQ(), f)};
    }

    /** D̂_f in nats, from held-out logits. */
    public static double estimate(Fit fit, FDivergence f) {
        double[][] t = terms(fit, f);
        return Bootstrap.mean(t[0]) + Bootstrap.mean(t[1]);
    }

    private static double[] h(double[] v, FDivergence f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = f.integrand(-softplus(-v[i]), -softplus(v[i]));
        }
        return out;
    }

    /** log(1 + e^x) without overflow. */
    static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** The logistic loss of a P point (label 1): softplus(−V), derivative −σ(−V) = D − 1. */
    private static final PairTraining.PointLoss LOGISTIC_P = new PairTraining.PointLoss() {
        @Override
        public double value(double v) {
            return softplus(-v);
        }

        @Override
        public double derivative(double v) {
            return -1.0 / (1.0 + Math.exp(v));
        }
    };

    /** The logistic loss of a Q point (label 0): softplus(V), derivative σ(V) = D. */
    private static final PairTraining.PointLoss LOGISTIC_Q = new PairTraining.PointLoss() {
        @Override
        public double value(double v) {
            return softplus(v);
        }

        @Override
        public double derivative(double v) {
            return 1.0 / (1.0 + Math.exp(-v));
        }
    };

    static void checkSamples(Samples p, Samples q) {
        if (p.dimension() != q.dimension()) {
            throw new IllegalArgumentException("P and Q samples must have the same dimension, got "
                    + p.dimension() + " and " + q.dimension());
        }
        if (p.size() < 4 || q.size() < 4) {
            throw new IllegalArgumentException("a trained estimator needs at least 4 samples from"
                    + " each of P and Q (half to train, half to evaluate), got " + p.size()
                    + " and " + q.size());
        }
    }
}
