package org.fganlab.estimate;

import org.fganlab.divergence.FDivergence;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.random.RandomGenerator;

/**
 * f-divergences from a probabilistic classifier: the optimal discriminator D*(x) = p/(p + q)
 * (Goodfellow et al. 2014, Prop. 1) gives p/q = D/(1 − D). A logistic MLP D = σ(V) is trained
 * to separate P (label 1) from Q (label 0) by the class-balanced cross-entropy
 * mean_P softplus(−V) + mean_Q softplus(V), whose minimiser is V* = log(p/q) whatever n_p/n_q.
 *
 * <p><b>Cross-fitting.</b> Each sample is split by a seeded permutation into K = {@value #FOLDS}
 * folds (K = min(5, n_p, n_q) for tiny samples); for each fold k a classifier is trained on the
 * other K − 1 folds (a fifth of them for early stopping, with its own seeded initialisation and
 * mini-batches) and evaluated on fold k (Chernozhukov et al. 2018, Def. 3.1, DML2). Every point is
 * thus evaluated once, by a classifier that never saw it.
 *
 * <p><b>The estimate.</b> With r̂ = e^V the estimated ratio and T = f'(r̂) the optimal critic
 * it implies, the pooled held-out points (n_p and n_q of them) give
 * <pre>
 *   D̂_f = (1/n_p) Σ_{x ∈ P} f'(r̂(x)) − (1/n_q) Σ_{y ∈ Q} f*(f'(r̂(y)))
 *       = E_Q[f(r̂)] + (E_P − E_Q r̂)[f'(r̂)]      (Fenchel: f*(f'(u)) = u f'(u) − f(u)),
 * </pre>
 * the E_Q[f(D/(1 − D))] plus its one-step correction: its error is of second order in
 * r̂ − r, because the variational objective E_P[T] − E_Q[f*(T)] is stationary at T = f'(r)
 * (Nguyen, Wainwright &amp; Jordan 2010, the same identity as f-GAN eq. 4). The plain plug-in
 * E_Q[f(r̂)] (or its mixture form) moves at first order with the classifier's error, so its
 * training noise dominates its sampling error and no interval over the evaluation points alone
 * can cover. f'(r̂) is {@link FDivergence#optimalCriticFromLogRatio}(V), and f*(f'(r̂)) is
 * {@link FDivergence#conjugateOfActivation} at {@link FDivergence#optimalCriticPreactivation}(V),
 * the divergences' log-space forms, so both are finite for every finite V (TV: ±½). The P-mass
 * where q is negligible is counted through E_P[f'(r̂)] → slope at ∞: for disjoint supports and a
 * perfect classifier the estimate is JS = log 2 and TV = 1. For KL, f*(f'(r̂)) = r̂ = e^V, and
 * the Q term is taken in the Donsker–Varadhan form −log mean_Q e^V ({@link VariationalTerms}),
 * so one over-confident Q point moves the estimate by about V − log n_q instead of e^V/n_q; it
 * agrees with 1 − mean_Q e^V to first order (E_Q[r] = 1), so the correction is kept.
 *
 * <p><b>Interval.</b> {@link #interval}: the fold-level t-interval D̂_f ± t_{K−1, 0.975}·s_θ/√K,
 * s_θ the standard deviation of the K fold estimates θ_k (each from its own classifier and its
 * own held-out fold). It therefore contains the variance of training (initialisation,
 * mini-batches, early stopping, which training points were drawn) as well as that of the
 * evaluation points, which a bootstrap over held-out points with one trained classifier leaves
 * out. It does not contain the classifier's systematic error, and the K classifiers share
 * (K − 2)/(K − 1) of their training points, which s_θ does not see (Bengio &amp; Grandvalet 2004).
 *
 * <p><b>Properties.</b> Consistent when the classifier is (V → log(p/q)); for fixed classifiers
 * the expectation is the variational bound at T = f'(r̂), so it is never above D_f (for KL up to
 * the small upward Jensen bias of the log-mean-exp, see {@link CriticBound}), and the gap is of
 * second order in the classifier's error. A weak classifier (small divergences, small n) thus
 * biases the estimate low, possibly below 0; it is reported as a consistent estimate with a
 * two-sided interval ({@link Estimate#lowerBound()} false). For f growing faster than u log u (Pearson) the
 * Q term f*(f'(r̂)) is heavy-tailed where the classifier is over-confident.
 */
public final class ClassifierRatio {

    /** What this estimator is, for {@link Estimate#properties()}. */
    public static final String PROPERTIES = "consistent if the classifier is (V -> log p/q);"
            + " one-step corrected plug-in (variational form at T = f'(r)), error second order in"
            + " the classifier's, below D_f in expectation; 5-fold cross-fitted, interval from the"
            + " fold estimates (includes training variance)";

    /** The number of cross-fitting folds K (fewer only when a sample has fewer points). */
    public static final int FOLDS = 5;

    private ClassifierRatio() {
    }

    /**
     * The trained classifiers' logits V = log(D/(1 − D)), estimates of log(p/q), on their
     * held-out folds.
     *
     * @param logRatioP logRatioP[k] is V_k at the points of P in fold k (K rows)
     * @param logRatioQ logRatioQ[k] is V_k at the points of Q in fold k (K rows)
     */
    public record Fit(double[][] logRatioP, double[][] logRatioQ) {
        /** The number of folds K. */
        public int folds() {
            return logRatioP.length;
        }
    }

    /**
     * Cross-fits the classifier: K seeded folds of each sample, one classifier per fold trained
     * on the other folds.
     *
     * @param p n ≥ 4 points from P
     * @param q m ≥ 4 points from Q, same dimension
     * @param settings network and optimiser
     * @param seed the seed of the folds, the initialisations and the mini-batches
     * @return the held-out logits of every fold
     * @throws IllegalArgumentException if the dimensions differ or a sample has fewer than 4 points
     */
    public static Fit fit(Samples p, Samples q, NetworkSettings settings, long seed) {
        checkSamples(p, q);
        int k = Math.min(FOLDS, Math.min(p.size(), q.size()));
        RandomGenerator rng = Seeds.stream(seed, 1);
        int[] permP = Seeds.permutation(p.size(), rng);
        int[] permQ = Seeds.permutation(q.size(), rng);
        double[][] vp = new double[k][];
        double[][] vq = new double[k][];
        for (int fold = 0; fold < k; fold++) {
            Samples[] ps = folds(p, permP, fold, k);
            Samples[] qs = folds(q, permQ, fold, k);
            PairTraining net = PairTraining.train(ps[0], qs[0], LOGISTIC_P, LOGISTIC_Q, settings,
                    Seeds.stream(seed, 100L + fold));
            vp[fold] = net.outputs(ps[1]);
            vq[fold] = net.outputs(qs[1]);
        }
        return new Fit(vp, vq);
    }

    /**
     * The points outside fold (first, in permutation order) and in it (second); fold j holds
     * the permutation's positions [j·n/K, (j + 1)·n/K).
     */
    private static Samples[] folds(Samples s, int[] perm, int fold, int k) {
        int n = s.size();
        int from = (int) ((long) fold * n / k);
        int to = (int) ((long) (fold + 1) * n / k);
        int[] train = new int[n - (to - from)];
        System.arraycopy(perm, 0, train, 0, from);
        System.arraycopy(perm, to, train, from, n - to);
        return new Samples[] {s.select(train), s.select(java.util.Arrays.copyOfRange(perm, from, to))};
    }

    /**
     * The variational terms of all folds, pooled ({@link VariationalTerms#atOptimalCritic}):
     * D̂_f = terms.value().
     *
     * @param fit held-out logits
     * @param f the divergence
     * @return the terms over P's and Q's points, folds in order
     */
    public static VariationalTerms terms(Fit fit, FDivergence f) {
        return VariationalTerms.atOptimalCritic(concat(fit.logRatioP()), concat(fit.logRatioQ()), f);
    }

    /** D̂_f in nats, from the held-out logits of all folds pooled. */
    public static double estimate(Fit fit, FDivergence f) {
        return terms(fit, f).value();
    }

    /**
     * The fold estimates θ_k = mean_{P ∩ fold k} f'(r̂_k) − mean_{Q ∩ fold k} f*(f'(r̂_k)) (for KL
     * in the Donsker–Varadhan form), in nats.
     *
     * @param fit held-out logits
     * @param f the divergence
     * @return K values
     */
    public static double[] foldEstimates(Fit fit, FDivergence f) {
        double[] theta = new double[fit.folds()];
        for (int k = 0; k < theta.length; k++) {
            theta[k] = VariationalTerms.atOptimalCritic(fit.logRatioP()[k], fit.logRatioQ()[k], f).value();
        }
        return theta;
    }

    /**
     * The 95% fold-level t-interval D̂_f ± t_{K−1, 0.975}·s_θ/√K (class comment).
     *
     * @param fit held-out logits of K ≥ 2 folds
     * @param f the divergence
     * @return the interval, in nats; it contains {@link #estimate}
     */
    public static Bootstrap.Interval interval(Fit fit, FDivergence f) {
        double[] theta = foldEstimates(fit, f);
        int k = theta.length;
        double t = new TDistribution(k - 1).inverseCumulativeProbability(0.5 + Bootstrap.LEVEL / 2);
        double half = t * Bootstrap.standardError(theta);
        double value = estimate(fit, f);
        return new Bootstrap.Interval(value - half, value + half);
    }

    private static double[] concat(double[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
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
