package org.fganlab.estimate;

import org.fganlab.divergence.FDivergence;
import org.fganlab.divergence.KullbackLeibler;
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
 * evaluated on the other halves: F̂ = mean_P g_f(V) − mean_Q f*(g_f(V)).
 *
 * <p><b>KL in log-space.</b> For KL, g_f(v) = v and f*(t) = e^{t−1}, so the bound at T is the
 * NWJ bound E_P[T] − E_Q[e^{T−1}] (Nguyen, Wainwright &amp; Jordan 2010), which is dominated by
 * the exponential of the largest held-out critic values and can reach −10³⁶ where the critic
 * extrapolates. Because f*(t + c) = e^c f*(t), the critic T + c is as valid as T, and the best
 * constant c = −log E_Q[f*(T)] gives the Donsker–Varadhan bound (Donsker &amp; Varadhan 1983;
 * Belghazi et al. 2018, MINE, eq. 2 and Thm. 1)
 * <pre>
 *   KL(P‖Q) ≥ E_P[T] − 1 − log E_Q[f*(T)] = E_P[T] − log E_Q[e^T]   (≥ the NWJ bound at T),
 * </pre>
 * evaluated with a log-mean-exp of log f*(T) = T − 1, so one extreme T moves the estimate by at
 * most about T − log m', not by e^{T−1}/m'. KL is the only divergence of the registry with
 * f*(t + c) = e^c f*(t); every other f (Hellinger's e^v − 1 and Jeffrey's and α &lt; 1's
 * exponential growth of f*(g_f(v)) included) keeps the plain means above.
 *
 * <p><b>Clamping.</b> The raw output v is clamped to [−{@value #LIMIT}, {@value #LIMIT}] before
 * g_f, in training and in evaluation, because the gan package's closed log-space forms of
 * f*(g_f(v)) are finite there; the clamped output is still a critic, so the bound still holds.
 * The clamp is stated in {@link #PROPERTIES}.
 *
 * <p><b>Properties.</b> A lower bound: for the trained T (independent of the held-out points)
 * the plain F̂ is an unbiased estimate of a value ≤ D_f(P‖Q); the gap is the critic's
 * sub-optimality, so the estimate is biased low, and for disjoint supports the critic can reach
 * the supremum (log 2 for JS, 1 for TV; for KL the bound grows without limit as training
 * continues). The KL form's log of a held-out mean is biased up by about Var_Q[e^T]/(2 m' E_Q[e^T]²)
 * (Jensen), which is small against the critic's gap except for tiny m' or large KL: where KL
 * exceeds about log m', the held-out Q points miss the rare Q mass on which E_Q[e^T] depends, and
 * a critic that separates the held-out points gives a value far above the truth (up to
 * 2·{@value #LIMIT}); no estimate from m' samples can certify a KL beyond about log m'
 * (McAllester &amp; Stratos 2020).
 *
 * <p><b>Interval.</b> {@link #lowerLimit}: a one-sided 95% lower confidence limit (5% quantile
 * of a bootstrap over the held-out points, or F̂ − z_{0.95}·SE without resamples), with upper
 * end +∞: the estimator bounds D_f from below, so only "D_f ≥ limit" is claimed. Holding the
 * trained critic fixed is enough here: whatever the training gave, the held-out value estimates
 * a bound ≤ D_f, so the limit is at or below D_f in at least about 95% of repetitions, provided
 * the Jensen bias above is below the critic's gap and the held-out points represent the tail of
 * f*(T) (not so for KL beyond about log m').
 */
public final class CriticBound {

    /** What this estimator is, for {@link Estimate#properties()}. */
    public static final String PROPERTIES = "lower bound in expectation (held-out f-GAN bound;"
            + " KL: Donsker-Varadhan form by log-mean-exp); biased low by the critic's"
            + " sub-optimality; unreliable above KL ~ log(n/2); critic output V clamped to"
            + " [-100, 100]; interval: one-sided 95% lower limit, upper end +inf";

    private CriticBound() {
    }

    /**
     * The one-sided 95% lower confidence limit of the bound: with B ≥ 1 the 5% quantile of B
     * percentile-bootstrap replicates of {@link VariationalTerms#value()} (the held-out P and Q terms
     * resampled with replacement, the trained critic fixed), else F̂ − z_{0.95}·SE. The upper end
     * of the interval is +∞.
     *
     * @param terms the held-out terms
     * @param resamples B ≥ 0
     * @param rng advanced by B·(n' + m') draws (not used when B = 0)
     * @return (limit, +∞)
     * @throws IllegalArgumentException if B &lt; 0
     */
    public static Bootstrap.Interval lowerLimit(VariationalTerms terms, int resamples, RandomGenerator rng) {
        if (resamples < 0) {
            throw new IllegalArgumentException("resamples must be >= 0, got " + resamples);
        }
        double low = resamples > 0
                ? Bootstrap.lowerLimit(terms.real(), terms.fake(),
                        (a, b) -> VariationalTerms.value(a, b, terms.donskerVaradhan()), resamples, rng)
                : terms.value() - Bootstrap.Z_ONE_SIDED * terms.standardError();
        return new Bootstrap.Interval(low, Double.POSITIVE_INFINITY);
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
     * @return the held-out terms (of the Donsker–Varadhan form for KL)
     * @throws IllegalArgumentException if the dimensions differ or a sample has fewer than 4 points
     */
    public static VariationalTerms fit(Samples p, Samples q, FDivergence f, NetworkSettings settings, long seed) {
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
        boolean dv = f instanceof KullbackLeibler;
        double[] real = new double[vp.length];
        double[] fake = new double[vq.length];
        for (int i = 0; i < vp.length; i++) {
            real[i] = objective.realTerm(clamp(vp[i]));
        }
        for (int i = 0; i < vq.length; i++) {
            // KL: log f*(T) = T − 1 with T = g_f(v) = v
            fake[i] = dv ? clamp(vq[i]) - 1.0 : objective.fakeTerm(clamp(vq[i]));
        }
        return new VariationalTerms(real, fake, dv);
    }

    /**
     * The bound on |v|: the divergences' closed log-space forms are finite for |v| ≤ 100 (gan
     * package); the clamped output is still a critic, so the bound still holds.
     */
    public static final double LIMIT = 100.0;

    private static double clamp(double v) {
        return Math.max(-LIMIT, Math.min(LIMIT, v));
    }
}
