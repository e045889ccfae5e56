package org.fganlab.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.fganlab.density.GaussianMixture2D;
import org.fganlab.divergence.Divergences;
import org.fganlab.estimate.Bootstrap;
import org.fganlab.estimate.Samples;
import org.fganlab.gan.CoveragePoint;
import org.fganlab.gan.GeneratorLoss;
import org.fganlab.gan.ModeCoverage;
import org.fganlab.gan.Objective;
import org.fganlab.gan.Target;
import org.fganlab.gan.Trainer;
import org.fganlab.gan.TrainingConfig;
import org.fganlab.gan.TrainingResult;
import org.hipparchus.random.Well19937c;

/**
 * {@code mode-coverage}: mode collapse on the 2-D benchmarks of Metz et al. 2017 (Unrolled GANs,
 * §3.1), Srivastava et al. 2017 (VEEGAN, §5.1) and Lin et al. 2018 (PacGAN, §5): a ring of 8
 * Gaussians (radius 2, σ = 0.02) and a 5×5 grid (spacing 2, σ = 0.05), fitted under the lab's
 * mode-coverage protocol ({@link TrainingConfig#modeCoverageBuilder}) by the f-GAN objectives
 * KL, reverse KL, Jensen–Shannon and Pearson χ² (minimax), the GAN with the minimax and the
 * non-saturating loss, the weight-clipped Wasserstein critic (WGAN recipe) and WGAN-GP. Each
 * trained generator is scored on {@value #SAMPLES} samples with {@link ModeCoverage}, and every
 * run also records the steps-versus-quality curve.
 *
 * <p>Sizes: {@link Size#QUICK} checks the pipeline; {@link Size#STANDARD}, what {@code reproduce}
 * runs, is the protocol reduced to {@value #STANDARD_STEPS} steps and one seed, to fit the
 * report's runtime budget; {@link Size#FULL} is the protocol ({@value #FULL_SEEDS} seeds of
 * {@link TrainingConfig#MODE_COVERAGE_STEPS} steps), with bootstrap intervals of each
 * objective's difference from the non-saturating GAN.
 *
 * <p>Every (target, objective, seed) run is independent and seeded, so they run in parallel
 * with results identical to a serial run.
 *
 * <p>This class is the compute part: {@link #compute} returns a {@link Result} and writes nothing;
 * {@link ModeCoverageSection} renders it.
 */
public final class ModeCoverageExperiment implements Experiment {

    /** Generated samples scored per run (PacGAN, §5): the trainer's own mode-coverage draw. */
    static final int SAMPLES = Trainer.COVERAGE_SAMPLES;
    /** Generator steps with --quick (checks the pipeline only; the generator is untrained). */
    static final int QUICK_STEPS = 40;
    /** Generator steps of the reduced protocol that {@code reproduce} runs. */
    static final int STANDARD_STEPS = 1000;
    static final int FULL_SEEDS = 10;
    /** Points of each run's steps-versus-quality curve. */
    static final int CURVE_POINTS = 20;
    /** Resamples of the bootstrap intervals. */
    static final int RESAMPLES = 10_000;
    /** The row the others are compared with. */
    static final String REFERENCE = "gan-ns";

    /** A named 2-D target and the window its scatter plots show. */
    record Case(String label, GaussianMixture2D mixture, double half) {
    }

    static final List<Case> CASES = List.of(
            new Case("ring", GaussianMixture2D.ring(8, 2, 0.02), 3),
            new Case("grid", GaussianMixture2D.grid(5, 2, 0.05), 6));

    /**
     * The acceptance of the reference row: PacGAN's GAN row (Lin et al. 2018, Table 1: ring 6.3
     * modes at 98.2 % high quality, grid 17.3 at 94.8 %), with the high-quality share required
     * at 90 %.
     *
     * @param modes the mean modes with a high-quality sample to reach
     * @param highQualityPercent the mean high-quality percentage to reach
     */
    record Acceptance(double modes, double highQualityPercent) {
    }

    static final List<Acceptance> ACCEPTANCE = List.of(new Acceptance(6.3, 90), new Acceptance(17.3, 90));

    /** An objective and the generator loss used with it. */
    record Player(String label, Objective objective, GeneratorLoss loss) {
    }

    static final List<Player> PLAYERS = List.of(
            fgan("kl"), fgan("reverse-kl"), fgan("js"), fgan("pearson"),
            new Player("gan-minimax", gan(), GeneratorLoss.MINIMAX),
            new Player(REFERENCE, gan(), GeneratorLoss.NON_SATURATING),
            new Player("wgan-clip", new Objective.Wasserstein(0.01), GeneratorLoss.MINIMAX),
            new Player("wgan-gp", Objective.Wasserstein.withGradientPenalty(Objective.Wasserstein.WGAN_GP_LAMBDA),
                    GeneratorLoss.MINIMAX));

    private static Objective gan() {
        return new Objective.FGan(Divergences.byName("gan"));
    }

    private static Player fgan(String name) {
        return new Player(name, new Objective.FGan(Divergences.byName(name)), GeneratorLoss.MINIMAX);
    }

    @Override
    public String name() {
        return "mode-coverage";
    }

    @Override
    public String title() {
        return "mode coverage on the 2-D ring and grid: mode-seeking and mode-covering objectives";
    }

    /**
     * One run: its metrics, the scored samples (interleaved x, y) and the steps-versus-quality
     * curve, or the failure message.
     */
    record Run(Case target, Player player, long seed, ModeCoverage.Result metrics, double[] samples,
            List<CoveragePoint> curve, String failure) {
        boolean ok() {
            return failure == null;
        }
    }

    /** The runs of one (target, objective) cell, in seed order. */
    record Cell(Case target, Player player, List<Run> runs) {
        List<Run> ok() {
            return runs.stream().filter(Run::ok).toList();
        }

        double mean(ToDoubleFunction<ModeCoverage.Result> g) {
            return ok().stream().mapToDouble(r -> g.applyAsDouble(r.metrics())).average().orElse(Double.NaN);
        }

        /** Sample standard deviation over the finished seeds; NaN below two. */
        double std(ToDoubleFunction<ModeCoverage.Result> g) {
            List<Run> ok = ok();
            if (ok.size() < 2) {
                return Double.NaN;
            }
            double m = mean(g);
            double s = ok.stream().mapToDouble(r -> Math.pow(g.applyAsDouble(r.metrics()) - m, 2)).sum();
            return Math.sqrt(s / (ok.size() - 1));
        }

        /** Whether every seed finished and every mode got a high-quality sample. */
        boolean allCovered() {
            return ok().size() == runs.size()
                    && ok().stream().allMatch(r -> r.metrics().modesCovered(1) == target.mixture().modeCount());
        }

        /**
         * The 95% percentile bootstrap interval of mean(g over this cell) − mean(g over the
         * reference cell), the seeds of each resampled with replacement; null with fewer than two
         * finished runs on either side.
         */
        Bootstrap.Interval difference(Cell reference, ToDoubleFunction<ModeCoverage.Result> g, long seed) {
            if (ok().size() < 2 || reference.ok().size() < 2) {
                return null;
            }
            return Bootstrap.pairs(values(g), reference.values(g), (a, b) -> mean(a) - mean(b), RESAMPLES,
                    new Well19937c(seed));
        }

        private Samples values(ToDoubleFunction<ModeCoverage.Result> g) {
            return Samples.of(ok().stream().mapToDouble(r -> g.applyAsDouble(r.metrics())).toArray());
        }

        private static double mean(Samples s) {
            return Arrays.stream(s.data()).average().orElse(Double.NaN);
        }

        /** Whether some seed finished and the mean modes covered is below half the modes. */
        boolean collapsed() {
            return !ok().isEmpty() && mean(ModeCoverageExperiment::covered) < target.mixture().modeCount() / 2.0;
        }

        /** Runs that did not finish. */
        int divergedRuns() {
            return runs.size() - ok().size();
        }
    }

    /**
     * KL against reverse KL on one metric.
     *
     * @param kl the KL cell's mean
     * @param reverseKl the reverse-KL cell's mean
     * @param expected whether the order is the expected one (KL larger for coverage, reverse KL
     *     larger for quality; ties count as expected)
     * @param spread the sum of the two seed deviations; NaN if a cell has fewer than two runs
     */
    record Comparison(double kl, double reverseKl, boolean expected, double spread) {
        /** |kl − reverse KL|. */
        double gap() {
            return Math.abs(kl - reverseKl);
        }

        /** Whether the gap exceeds the spread (false without a spread). */
        boolean significant() {
            return gap() > spread;
        }
    }

    /** Compares the means of g over the KL and reverse-KL cells; klLarger: the expected order. */
    static Comparison compare(Cell kl, Cell rkl, ToDoubleFunction<ModeCoverage.Result> g, boolean klLarger) {
        double a = kl.mean(g);
        double b = rkl.mean(g);
        boolean expected = klLarger ? a >= b : b >= a;
        double spread = kl.ok().size() < 2 || rkl.ok().size() < 2 ? Double.NaN : kl.std(g) + rkl.std(g);
        return new Comparison(a, b, expected, spread);
    }

    /**
     * The result.
     *
     * @param size the size that ran
     * @param seeds runs per cell
     * @param steps generator steps per run
     * @param seed the base seed (also of the bootstrap)
     * @param cells (target, objective) cells, targets in {@link #CASES} order, objectives in
     *     {@link #PLAYERS} order
     */
    record Result(Size size, int seeds, int steps, long seed, List<Cell> cells) {
        /** The cells of one target. */
        List<Cell> of(Case c) {
            return cells.stream().filter(x -> x.target() == c).toList();
        }

        /** The reference cell of one target. */
        Cell reference(Case c) {
            return of(c).stream().filter(x -> x.player().label().equals(REFERENCE)).findFirst().orElseThrow();
        }

        boolean quick() {
            return size == Size.QUICK;
        }
    }

    /** Modes with at least one high-quality sample (PacGAN's and VEEGAN's rule). */
    static double covered(ModeCoverage.Result r) {
        return r.modesCovered(1);
    }

    /** Modes with at least {@value ModeCoverage#MIN_SAMPLES_PER_MODE} high-quality samples. */
    static double covered20(ModeCoverage.Result r) {
        return r.modesCovered(ModeCoverage.MIN_SAMPLES_PER_MODE);
    }

    static double hqPercent(ModeCoverage.Result r) {
        return 100 * r.highQualityFraction();
    }

    static double kl(ModeCoverage.Result r) {
        return r.klFromUniform();
    }

    @Override
    public Outcome run(Context ctx) {
        Result r = ctx.size() == Size.FULL
                ? computeFull(ctx.sweeps().resolve(name() + "-full-" + ctx.seed()), ctx.seed(), ctx.progress())
                : compute(ctx.size(), ctx.seed(), ctx.progress());
        return ModeCoverageSection.render(this, r, ctx.dir());
    }

    /**
     * Trains every (target, objective, seed) in parallel ({@link Size}: the class comment); seed
     * s of every cell uses seed + s.
     *
     * @param size the sizes
     * @param seed the base seed
     * @param progress receives a line every eight runs
     * @return the cells
     */
    static Result compute(Size size, long seed, Consumer<String> progress) {
        int seeds = size == Size.FULL ? FULL_SEEDS : 1;
        int steps = switch (size) {
            case QUICK -> QUICK_STEPS;
            case STANDARD -> STANDARD_STEPS;
            case FULL -> TrainingConfig.MODE_COVERAGE_STEPS;
        };
        int perTarget = PLAYERS.size() * seeds;
        int total = CASES.size() * perTarget;
        Run[] runs = new Run[total];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, total).parallel().forEach(k -> {
            Case c = CASES.get(k / perTarget);
            Player p = PLAYERS.get(k % perTarget / seeds);
            runs[k] = train(c, p, DerivedSeeds.replicate(seed, k % seeds), steps);
            int n = done.incrementAndGet();
            if (n % 8 == 0 || n == total) {
                progress.accept(n + "/" + total + " training runs of " + String.format(Locale.ROOT, "%,d", steps)
                        + " steps");
            }
        });
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < total; i += seeds) {
            cells.add(new Cell(runs[i].target(), runs[i].player(), List.of(Arrays.copyOfRange(runs, i, i + seeds))));
        }
        return new Result(size, seeds, steps, seed, cells);
    }

    /**
     * The full protocol through the sweep runner ({@link ModeCoverageRuns}): the same runs and
     * seeds as {@link #compute} with {@link Size#FULL}, on single-threaded workers on all cores,
     * kept in the sweep folder so that a killed run resumes without recomputing finished runs.
     *
     * @param sweep the sweep folder (created if needed, kept afterwards)
     * @param seed the base seed
     * @param progress receives a line per finished run
     * @return the cells
     */
    static Result computeFull(Path sweep, long seed, Consumer<String> progress) {
        long[] seeds = LongStream.range(0, FULL_SEEDS).map(k -> DerivedSeeds.replicate(seed, k)).toArray();
        int steps = TrainingConfig.MODE_COVERAGE_STEPS;
        List<Run> runs = ModeCoverageRuns.sweep(sweep, CASES, PLAYERS, seeds, steps, progress);
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < runs.size(); i += FULL_SEEDS) {
            cells.add(new Cell(runs.get(i).target(), runs.get(i).player(), runs.subList(i, i + FULL_SEEDS)));
        }
        return new Result(Size.FULL, FULL_SEEDS, steps, seed, cells);
    }

    /**
     * Trains one generator under the protocol (shortened to the given steps) and keeps the
     * samples that its mode coverage scored.
     */
    static Run train(Case c, Player p, long seed, int steps) {
        TrainingConfig config = TrainingConfig.modeCoverageBuilder(Target.of(c.mixture()), p.objective())
                .loss(p.loss()).steps(steps).seed(seed).logEvery(Math.max(1, steps / 10))
                .coverageEvery(Math.max(1, steps / CURVE_POINTS)).build();
        Trainer trainer = new Trainer(config);
        TrainingResult result;
        try {
            result = trainer.run(null);
        } catch (IllegalStateException e) {
            String m = e.getMessage();
            int cut = m.indexOf(", generator parameters");
            return new Run(c, p, seed, null, null, List.of(), cut > 0 ? m.substring(0, cut) : m);
        }
        if (result.modeCoverage() == null) {
            return new Run(c, p, seed, null, null, List.of(), "generated a non-finite sample");
        }
        return new Run(c, p, seed, result.modeCoverage(), trainer.coverageSamples(), result.coverageHistory(), null);
    }
}
