package org.fganlab.estimate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fganlab.divergence.Discrepancy;
import org.fganlab.divergence.FDivergence;
import org.fganlab.divergence.KullbackLeibler;
import org.hipparchus.random.RandomGenerator;

/**
 * Runs the chosen estimators on two samples for the chosen divergences, each with its interval.
 * Which estimator applies to what: k-NN to KL in any dimension; the classifier and the critic to
 * every f-divergence in any dimension; the KDE plug-in to every f-divergence and the empirical
 * W1 to {@code w1}, both in dimension 1 only. Pairs that do not apply are left out.
 *
 * <p>Intervals (95%): with B ≥ 1 seeded resampling. For k-NN a delete-half jackknife
 * ({@link Bootstrap#halfSampling}; resampling with replacement would create duplicates, which
 * change k-NN distances), widened by the finite-n bias that the half samples' drift
 * extrapolates to ({@link KnnKl#withBiasReach}); for KDE and W1 a percentile bootstrap over both
 * samples (the whole estimate recomputed; a KDE quadrature that misses its goal adds its error estimate and sets
 * {@link Estimate#status()}). With B = 0 (or, for k-NN, samples too small for halves) the normal
 * interval value ± 1.96·SE of the per-point terms for k-NN, else the point value. Whatever B,
 * the classifier's interval is the t-interval of its K cross-fitted fold estimates
 * ({@link ClassifierRatio#interval}), which contains the training variance. The critic, a lower
 * bound, gets a one-sided 95% lower limit and ciHigh = +∞ ({@link CriticBound#lowerLimit}: with
 * B ≥ 1 a bootstrap over the held-out points, the trained critic fixed, else value − 1.645·SE).
 * Results are in the order: estimators as in {@link Estimator}, then divergences as requested
 * ({@code w1} last).
 */
public final class Estimation {

    private Estimation() {
    }

    /**
     * What to estimate.
     *
     * @param divergences f-divergences, in output order (copied)
     * @param w1 whether to estimate W1 too (1-D only)
     * @param estimators which estimators to run (copied)
     * @param bootstrap B ≥ 0 bootstrap resamples (0: normal intervals)
     * @param seed the seed of every random choice
     * @param k the k-NN rank, or 0 for {@link KnnKl#defaultK}
     * @param network the classifier's and critic's training
     */
    public record Request(List<FDivergence> divergences, boolean w1, Set<Estimator> estimators,
            int bootstrap, long seed, int k, NetworkSettings network) {
        /**
         * @throws IllegalArgumentException if a list is null, bootstrap &lt; 0 or k &lt; 0
         */
        public Request {
            if (divergences == null || estimators == null || network == null) {
                throw new IllegalArgumentException("divergences, estimators and network must not be null");
            }
            divergences = List.copyOf(divergences);
            estimators = estimators.isEmpty() ? EnumSet.noneOf(Estimator.class) : EnumSet.copyOf(estimators);
            if (bootstrap < 0) {
                throw new IllegalArgumentException("bootstrap must be >= 0, got " + bootstrap);
            }
            if (k < 0) {
                throw new IllegalArgumentException("k must be >= 0 (0: default rule), got " + k);
            }
        }

        /**
         * The f-divergences of a list of discrepancies, in order, and W1 if the list holds it.
         *
         * @throws IllegalArgumentException as the canonical constructor
         */
        public Request(List<Discrepancy> discrepancies, Set<Estimator> estimators, int bootstrap,
                long seed, int k, NetworkSettings network) {
            this(Discrepancy.divergences(discrepancies), discrepancies.contains(new Discrepancy.W1()),
                    estimators, bootstrap, seed, k, network);
        }
    }

    /**
     * @param p samples of P
     * @param q samples of Q, same dimension
     * @param request what to estimate
     * @return the estimates, in the order of the class comment
     * @throws IllegalArgumentException if the dimensions differ, no estimator of the request
     *     applies to its divergences and dimension, or an estimator's own check fails (too few
     *     samples for k, fewer than k distinct neighbours, a 1-D sample with all points equal)
     */
    public static List<Estimate> run(Samples p, Samples q, Request request) {
        if (p.dimension() != q.dimension()) {
            throw new IllegalArgumentException("P and Q samples must have the same dimension, got "
                    + p.dimension() + " and " + q.dimension());
        }
        boolean oneD = p.dimension() == 1;
        int b = request.bootstrap();
        List<FDivergence> fs = request.divergences();
        List<Estimate> out = new ArrayList<>();
        Set<Estimator> es = request.estimators();
        if (es.contains(Estimator.KNN)) {
            for (FDivergence f : fs) {
                if (f instanceof KullbackLeibler) {
                    out.add(knn(p, q, request));
                }
            }
        }
        if (es.contains(Estimator.CLASSIFIER) && !fs.isEmpty()) {
            long t0 = System.nanoTime();
            ClassifierRatio.Fit fit = ClassifierRatio.fit(p, q, request.network(), request.seed());
            double fitSeconds = (System.nanoTime() - t0) * 1e-9;
            for (int i = 0; i < fs.size(); i++) {
                long t1 = System.nanoTime();
                double value = ClassifierRatio.estimate(fit, fs.get(i));
                Bootstrap.Interval ci = ClassifierRatio.interval(fit, fs.get(i));
                out.add(new Estimate(fs.get(i).name(), Estimator.CLASSIFIER.label(), value,
                        ci.low(), ci.high(), false, ClassifierRatio.PROPERTIES,
                        fitSeconds + (System.nanoTime() - t1) * 1e-9));
            }
        }
        if (es.contains(Estimator.CRITIC)) {
            for (int i = 0; i < fs.size(); i++) {
                long t0 = System.nanoTime();
                VariationalTerms t = CriticBound.fit(p, q, fs.get(i), request.network(), request.seed());
                double value = t.value();
                Bootstrap.Interval ci = CriticBound.lowerLimit(t, b, rng(request, Estimator.CRITIC, i));
                out.add(new Estimate(fs.get(i).name(), Estimator.CRITIC.label(), value, ci.low(),
                        ci.high(), true, CriticBound.PROPERTIES, (System.nanoTime() - t0) * 1e-9));
            }
        }
        if (es.contains(Estimator.KDE) && oneD) {
            KdePlugin.Kde kp = new KdePlugin.Kde(p);
            KdePlugin.Kde kq = new KdePlugin.Kde(q);
            for (int i = 0; i < fs.size(); i++) {
                FDivergence f = fs.get(i);
                long t0 = System.nanoTime();
                KdePlugin.WithInterval r = KdePlugin.withInterval(p, q, kp, kq, f, b,
                        rng(request, Estimator.KDE, i));
                out.add(new Estimate(f.name(), Estimator.KDE.label(), r.value(), r.interval().low(),
                        r.interval().high(), false, KdePlugin.properties(r.status()),
                        (System.nanoTime() - t0) * 1e-9, r.status().label()));
            }
            if (request.w1()) {
                long t0 = System.nanoTime();
                double w = EmpiricalW1.distance(p, q);
                Bootstrap.Interval ci = b > 0
                        ? Bootstrap.pairs(p, q, EmpiricalW1::distance, b, rng(request, Estimator.KDE, fs.size()))
                        : new Bootstrap.Interval(w, w);
                out.add(estimateWithin(Discrepancy.W1.NAME, "empirical-cdf", w, ci, EmpiricalW1.PROPERTIES, t0));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no requested estimator applies to the requested"
                    + " divergences in dimension " + p.dimension() + " (knn: kl only; classifier"
                    + " and critic: f-divergences; kde: dimension 1, f-divergences and w1)");
        }
        return out;
    }

    private static Estimate knn(Samples p, Samples q, Request request) {
        long t0 = System.nanoTime();
        int k = request.k() > 0 ? request.k() : KnnKl.defaultK();
        KnnKl.Terms t = KnnKl.terms(p, q, k);
        double value = t.value();
        boolean halvesSuffice = p.size() / 2 >= k + 1 && q.size() / 2 >= k;
        Bootstrap.Interval ci;
        if (request.bootstrap() > 0 && halvesSuffice) {
            Bootstrap.HalfSampling h = Bootstrap.halfSamplingWithDrift(p, q, value,
                    (ph, qh) -> KnnKl.estimate(ph, qh, k), Math.max(2, request.bootstrap()),
                    rng(request, Estimator.KNN, 0));
            ci = KnnKl.withBiasReach(h.interval(), h.drift(), p.dimension());
        } else {
            ci = Bootstrap.normal(value, Bootstrap.standardError(t.terms()));
        }
        return new Estimate("kl", Estimator.KNN.label(), value, ci.low(), ci.high(), false,
                KnnKl.PROPERTIES + "; k = " + k, (System.nanoTime() - t0) * 1e-9);
    }

    /** The bootstrap interval widened, if needed, to contain the point estimate. */
    private static Estimate estimateWithin(String div, String estimator, double value,
            Bootstrap.Interval ci, String properties, long t0) {
        return new Estimate(div, estimator, value, Math.min(ci.low(), value),
                Math.max(ci.high(), value), false, properties, (System.nanoTime() - t0) * 1e-9);
    }

    private static RandomGenerator rng(Request r, Estimator e, int index) {
        return Seeds.stream(r.seed(), 1000L * (e.ordinal() + 1) + index);
    }
}
