package org.fganlab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.fganlab.density.Uniform;
import org.fganlab.divergence.DiscreteDivergences;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.gan.Objective;
import org.fganlab.theory.ExactDivergence;
import org.fganlab.theory.PointSetWasserstein;

/**
 * {@code disjoint-supports}: Example 1 of Arjovsky, Chintala &amp; Bottou 2017 (WGAN) — P = law of
 * (0, Z), Q_θ = law of (θ, Z), Z ~ U[0, 1] — and its 1-D analogue P = U[0, 1], Q_θ = U[θ, θ + 1]:
 * JSD = log 2, KL = +∞ and TV = 1 as soon as the supports are disjoint while W1 = |θ| stays
 * continuous, from the library's exact computations; then critics trained with the generator held
 * at θ (Arjovsky &amp; Bottou 2017, Fig. 2): the generator gradient of the JS f-GAN (minimax loss)
 * vanishes as the critic sharpens, that of the weight-clipped Wasserstein critic does not.
 * Seeded; runs in parallel with results identical to a serial run.
 *
 * <p>This class is the compute part: {@link #compute} returns a {@link Result} and writes nothing;
 * {@link DisjointSupportsSection} renders it.
 */
public final class DisjointSupportsExperiment implements Experiment {

    static final double THETA_MAX = 3;
    static final int POINTS = 121;
    static final int QUICK_POINTS = 25;
    /** The fixed generator position of the critic runs. */
    static final double THETA_TRAIN = 1.0;
    static final int ITERATIONS = 2000;
    static final int QUICK_ITERATIONS = 200;
    static final int EVERY = 10;
    static final int SEEDS = 3;
    static final int BATCH = 64;
    static final int EVAL_POINTS = 256;
    static final double LEARNING_RATE = 5e-3;
    /** The weight clip of the Wasserstein critic (the WGAN paper's c). */
    static final double CLIP = 0.01;
    /** Points per segment in the 2-D W1 bracket. */
    static final int SEGMENT_POINTS = 512;

    static final double LOG2 = Math.log(2);

    @Override
    public String name() {
        return "disjoint-supports";
    }

    @Override
    public String title() {
        return "disjoint supports: JSD = log 2, KL = +∞, TV = 1 but W1 = |θ|, and the vanishing "
                + "JS generator gradient (WGAN Example 1; Arjovsky & Bottou 2017)";
    }

    /**
     * The 1-D analogue at each θ: exact values by quadrature and their closed forms.
     *
     * @param theta the grid
     * @param values values[k][i] for KL, JS, TV, W1 (k = 0..3) at θ_i
     * @param closed closed[k][i]: KL = +∞ for θ ≠ 0 (0 at θ = 0), JSD = min(|θ|, 1)·log 2,
     *     TV = min(|θ|, 1), W1 = |θ|
     */
    record Line(double[] theta, double[][] values, double[][] closed) {
        static final List<String> NAMES = List.of("kl", "js", "tv", "w1");

        /** max_i |values − closed| over the finite entries of row k; +∞ if the infinities differ. */
        double maxDeviation(int k) {
            double worst = 0;
            for (int i = 0; i < theta.length; i++) {
                double v = values[k][i];
                double c = closed[k][i];
                if (Double.isInfinite(v) || Double.isInfinite(c)) {
                    worst = v == c ? worst : Double.POSITIVE_INFINITY;
                } else {
                    worst = Math.max(worst, Math.abs(v - c));
                }
            }
            return worst;
        }
    }

    /**
     * The 2-D segments at each θ.
     *
     * @param theta the grid
     * @param kl KL of the x-marginals (Diracs at 0 and θ)
     * @param js JSD of the x-marginals
     * @param tv TV of the x-marginals
     * @param w1Marginal W1 of the x-marginals (histogram W1 of two Diracs)
     * @param w1Lower the certified lower bound of the point-set W1 of the discretised segments
     * @param w1Upper its upper bound
     */
    record Segments(double[] theta, double[] kl, double[] js, double[] tv, double[] w1Marginal,
            double[] w1Lower, double[] w1Upper) {

        /** The segments against JSD = log 2, TV = 1, KL = +∞ (θ ≠ 0) and W1 = |θ|. */
        SegmentCheck check() {
            double worst = 0;
            double widest = 0;
            int exactBrackets = 0;
            boolean klInfinite = true;
            for (int i = 0; i < theta.length; i++) {
                double t = theta[i];
                double a = Math.abs(t);
                worst = Math.max(worst, Math.abs(js[i] - (t == 0 ? 0 : LOG2)));
                worst = Math.max(worst, Math.abs(tv[i] - (t == 0 ? 0 : 1)));
                worst = Math.max(worst, Math.abs(w1Marginal[i] - a));
                worst = Math.max(worst, Math.max(Math.abs(w1Lower[i] - a), Math.abs(w1Upper[i] - a)));
                klInfinite &= t == 0 ? kl[i] == 0 : kl[i] == Double.POSITIVE_INFINITY;
                widest = Math.max(widest, w1Upper[i] - w1Lower[i]);
                exactBrackets += new PointSetWasserstein.Bracket(w1Lower[i], w1Upper[i]).isExact(1e-12) ? 1 : 0;
            }
            return new SegmentCheck(worst, widest, exactBrackets, klInfinite);
        }
    }

    /**
     * How well the 2-D segments match theory.
     *
     * @param maxDeviation max |value − theory| of JSD, TV, the marginal W1 and both W1 bounds
     * @param widestBracket the widest W1 bracket
     * @param exactBrackets grid points whose bracket is exact (to 1e-12)
     * @param klInfinite whether KL is +∞ at every θ ≠ 0 and 0 at θ = 0
     */
    record SegmentCheck(double maxDeviation, double widestBracket, int exactBrackets, boolean klInfinite) {
    }

    /** One critic run. */
    record CriticRun(String objective, int seed, SegmentCritic.Trace trace) {
    }

    /**
     * |generator gradient| across seeds at each recorded critic step.
     *
     * @param steps the critic steps
     * @param geomean the geometric mean over the seeds
     * @param min the smallest over the seeds
     * @param max the largest over the seeds
     */
    record Band(double[] steps, double[] geomean, double[] min, double[] max) {
        /** The band of the runs (same recorded steps). */
        static Band of(List<CriticRun> runs) {
            int[] steps = runs.get(0).trace().steps();
            double[] x = Arrays.stream(steps).asDoubleStream().toArray();
            double[] mean = new double[x.length];
            double[] lo = new double[x.length];
            double[] hi = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                double[] g = absGradients(runs, i);
                mean[i] = geometricMean(g);
                lo[i] = Arrays.stream(g).min().orElseThrow();
                hi[i] = Arrays.stream(g).max().orElseThrow();
            }
            return new Band(x, mean, lo, hi);
        }

        int last() {
            return steps.length - 1;
        }
    }

    /**
     * The result.
     *
     * @param line the 1-D analogue
     * @param segments WGAN Example 1
     * @param js the JS f-GAN critic runs, in seed order
     * @param wasserstein the clipped Wasserstein critic runs, in seed order
     * @param iterations critic steps per run
     */
    record Result(Line line, Segments segments, List<CriticRun> js, List<CriticRun> wasserstein,
            int iterations) {

        /** max over KL, JS, TV, W1 of the 1-D deviation from the closed forms. */
        double worst1d() {
            double worst = 0;
            for (int k = 0; k < Line.NAMES.size(); k++) {
                worst = Math.max(worst, line.maxDeviation(k));
            }
            return worst;
        }

        /** The mean critic objective F at the last recorded step. */
        static double finalObjective(List<CriticRun> runs) {
            int last = runs.get(0).trace().steps().length - 1;
            return runs.stream().mapToDouble(r -> r.trace().estimate()[last]).average().orElseThrow();
        }

        /** The bound c³·64·64 on the clipped critic's slope. */
        double bound() {
            return SegmentCritic.clippedSlopeBound(CLIP);
        }
    }

    @Override
    public Outcome run(Context ctx) {
        return DisjointSupportsSection.render(this, compute(ctx.size(), ctx.seed(), ctx.progress()), ctx.dir());
    }

    /**
     * The exact values and the critic runs (QUICK: {@link #QUICK_POINTS}, {@link #QUICK_ITERATIONS};
     * FULL is STANDARD).
     *
     * @param size the sizes
     * @param seed the base seed (run s uses seed + s)
     * @param progress receives a line per part
     * @return the values and runs
     */
    static Result compute(Size size, long seed, Consumer<String> progress) {
        boolean quick = size == Size.QUICK;
        int n = quick ? QUICK_POINTS : POINTS;
        double[] theta = grid(n);
        Line line = line(ExactDivergence.standard(), theta);
        Segments seg = segments(theta, SEGMENT_POINTS);
        progress.accept("exact values on " + n + " points");
        int iterations = quick ? QUICK_ITERATIONS : ITERATIONS;
        List<Objective> objectives = List.of(new Objective.FGan(Divergences.byName("js")),
                new Objective.Wasserstein(CLIP));
        CriticRun[] runs = new CriticRun[objectives.size() * SEEDS];
        IntStream.range(0, runs.length).parallel().forEach(k -> {
            Objective o = objectives.get(k / SEEDS);
            int s = k % SEEDS;
            SegmentCritic.Config c = new SegmentCritic.Config(o, THETA_TRAIN, iterations, EVERY, BATCH,
                    EVAL_POINTS, LEARNING_RATE, DerivedSeeds.replicate(seed, s));
            runs[k] = new CriticRun(o.name(), s, new SegmentCritic(c).run());
        });
        progress.accept(runs.length + " critic runs of " + iterations + " steps");
        List<CriticRun> js = Arrays.stream(runs).filter(r -> !r.objective().equals("wasserstein")).toList();
        List<CriticRun> w = Arrays.stream(runs).filter(r -> r.objective().equals("wasserstein")).toList();
        return new Result(line, seg, js, w, iterations);
    }

    /** θ_i = −3 + 6i/(n − 1); n = 121 and 25 put θ = 0, ±1 exactly on the grid. */
    static double[] grid(int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = -THETA_MAX + 2 * THETA_MAX * i / (n - 1);
        }
        return g;
    }

    /** KL, JS, TV and W1 between U[0, 1] and U[θ, θ + 1] by quadrature, with the closed forms. */
    static Line line(ExactDivergence exact, double[] theta) {
        int n = theta.length;
        double[][] values = new double[4][n];
        double[][] closed = new double[4][n];
        Uniform p = new Uniform(0, 1);
        FDivergence kl = Divergences.byName("kl");
        FDivergence js = Divergences.byName("js");
        FDivergence tv = Divergences.byName("tv");
        IntStream.range(0, n).parallel().forEach(i -> {
            double t = theta[i];
            Uniform q = new Uniform(t, t + 1);
            values[0][i] = exact.divergence(kl, p, q).value();
            values[1][i] = exact.divergence(js, p, q).value();
            values[2][i] = exact.divergence(tv, p, q).value();
            values[3][i] = exact.wasserstein1(p, q).value();
            double a = Math.abs(t);
            // P has mass |θ| ∧ 1 where q = 0 (and Q as much where p = 0); p = q on the overlap
            closed[0][i] = t == 0 ? 0 : Double.POSITIVE_INFINITY;
            closed[1][i] = Math.min(a, 1) * LOG2;
            closed[2][i] = Math.min(a, 1);
            closed[3][i] = a;
        });
        return new Line(theta, values, closed);
    }

    /**
     * WGAN Example 1 at each θ. P = δ_0 ⊗ U[0,1] and Q_θ = δ_θ ⊗ U[0,1] share the conditional law
     * of y given x, so dP/dQ_θ depends on x alone and every f-divergence equals that of the
     * x-marginals δ_0 and δ_θ (two-point distributions, {@link DiscreteDivergences}). W1: the
     * projection (x, y) ↦ x is 1-Lipschitz, so W1 ≥ W1(δ_0, δ_θ) = |θ|, and the coupling
     * (0, z) ↦ (θ, z) costs |θ|; the point-set bracket checks this on m midpoints per segment.
     */
    static Segments segments(double[] theta, int m) {
        int n = theta.length;
        double[] kl = new double[n];
        double[] js = new double[n];
        double[] tv = new double[n];
        double[] w1 = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            double t = theta[i];
            // the x-marginals on the support {min(0, θ), max(0, θ)} (one point if θ = 0)
            double[] px = t == 0 ? new double[] {1} : t > 0 ? new double[] {1, 0} : new double[] {0, 1};
            double[] qx = t == 0 ? new double[] {1} : t > 0 ? new double[] {0, 1} : new double[] {1, 0};
            kl[i] = DiscreteDivergences.kl(px, qx);
            js[i] = DiscreteDivergences.js(px, qx);
            tv[i] = DiscreteDivergences.tv(px, qx);
            w1[i] = DiscreteDivergences.w1(px, qx, t == 0 ? 1 : Math.abs(t));
            double[] a = new double[2 * m];
            double[] b = new double[2 * m];
            for (int j = 0; j < m; j++) {
                a[2 * j + 1] = (j + 0.5) / m;
                b[2 * j] = t;
                b[2 * j + 1] = (j + 0.5) / m;
            }
            PointSetWasserstein.Bracket br = PointSetWasserstein.w1(a, b, 2);
            lower[i] = br.lower();
            upper[i] = br.upper();
        }
        return new Segments(theta, kl, js, tv, w1, lower, upper);
    }

    static double geometricMean(double[] v) {
        double s = 0;
        for (double e : v) {
            s += Math.log(e);
        }
        return Math.exp(s / v.length);
    }

    /** |gradient| of every run at record index i. */
    static double[] absGradients(List<CriticRun> runs, int i) {
        return runs.stream().mapToDouble(r -> Math.abs(r.trace().gradient()[i])).toArray();
    }
}
