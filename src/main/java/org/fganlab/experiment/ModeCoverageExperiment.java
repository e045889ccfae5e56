package org.fganlab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.fganlab.density.GaussianMixture2D;
import org.fganlab.divergence.Divergences;
import org.fganlab.gan.Generator;
import org.fganlab.gan.GeneratorLoss;
import org.fganlab.gan.ModeCoverage;
import org.fganlab.gan.Objective;
import org.fganlab.gan.Schedule;
import org.fganlab.gan.Target;
import org.fganlab.gan.Trainer;
import org.fganlab.gan.TrainingConfig;
import org.fganlab.gan.TrainingResult;

/**
 * {@code mode-coverage}: mode collapse on the 2-D benchmarks of Metz et al. 2017 (Unrolled GANs,
 * §3.1) and Srivastava et al. 2017 (VEEGAN, §5.1): a ring of 8 Gaussians (radius 2, σ = 0.02)
 * and a 5×5 grid (spacing 2, σ = 0.05), fitted by an MLP generator against an MLP critic under
 * the f-GAN objectives KL, reverse KL, Jensen–Shannon, GAN (non-saturating), Pearson χ² and the
 * Wasserstein critic (weight clipping). Each trained generator is scored on
 * {@value #SAMPLES} samples with {@link ModeCoverage}: modes covered, the percentage of
 * high-quality samples, and KL of the mode histogram from uniform (nats).
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
    /**
     * Generator steps of a full run, sized for the runtime budget: about 0.8 ms of one core per
     * step at batch 64 (measured on a loaded machine), so 36 runs take about 230 core-seconds.
     * Raise it when training gets cheaper: coverage on the grid still improves with more steps.
     */
    static final int STEPS = 8000;
    /** Generator steps with --quick (checks the pipeline only; the generator is untrained). */
    static final int QUICK_STEPS = 200;
    static final int SEEDS = 3;
    static final int BATCH = 64;
    static final double LEARNING_RATE = 1e-3;
    static final int LATENT = 2;
    static final int[] HIDDEN = {64, 64};
    /** Weight-clipping bound c of the Wasserstein critic. */
    static final double CLIP = 0.01;

    /** A named 2-D target and the window its scatter plots show. */
    record Case(String label, GaussianMixture2D mixture, double half) {
    }

    static final List<Case> CASES = List.of(
            new Case("ring", GaussianMixture2D.ring(8, 2, 0.02), 3),
            new Case("grid", GaussianMixture2D.grid(5, 2, 0.05), 6));

    /** An objective and the generator loss used with it. */
    record Player(String label, Objective objective, GeneratorLoss loss) {
    }

    static final List<Player> PLAYERS = List.of(
            fgan("kl"), fgan("reverse-kl"), fgan("js"),
            new Player("gan", new Objective.FGan(Divergences.byName("gan")), GeneratorLoss.NON_SATURATING),
            fgan("pearson"),
            new Player("wasserstein", new Objective.Wasserstein(CLIP), GeneratorLoss.MINIMAX));

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
     * One run: its metrics, the scored samples (interleaved x, y) or the failure message.
     */
    record Run(Case target, Player player, long seed, ModeCoverage.Result metrics, double[] samples,
            String failure) {
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

        /** Whether every seed finished and covered every mode. */
        boolean allCovered() {
            return ok().size() == runs.size()
                    && ok().stream().allMatch(r -> r.metrics().modesCovered() == target.mixture().modeCount());
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
     * @param seeds runs per cell
     * @param steps generator steps per run
     * @param quick whether this is the pipeline check (numbers say nothing about the objectives)
     * @param cells (target, objective) cells, targets in {@link #CASES} order, objectives in
     *     {@link #PLAYERS} order
     */
    record Result(int seeds, int steps, boolean quick, List<Cell> cells) {
        /** The cells of one target. */
        List<Cell> of(Case c) {
            return cells.stream().filter(x -> x.target() == c).toList();
        }
    }

    static double covered(ModeCoverage.Result r) {
        return r.modesCovered();
    }

    static double hqPercent(ModeCoverage.Result r) {
        return 100 * r.highQualityFraction();
    }

    static double kl(ModeCoverage.Result r) {
        return r.klFromUniform();
    }

    @Override
    public Outcome run(Context ctx) {
        return ModeCoverageSection.render(this, compute(ctx.size(), ctx.seed(), ctx.progress()), ctx.dir());
    }

    /**
     * Trains every (target, objective, seed) (QUICK: one seed, {@link #QUICK_STEPS}; FULL is
     * STANDARD), in parallel; seed s of every cell uses seed + s.
     *
     * @param size the sizes
     * @param seed the base seed
     * @param progress receives a line every six runs
     * @return the cells
     */
    static Result compute(Size size, long seed, Consumer<String> progress) {
        boolean quick = size == Size.QUICK;
        int seeds = quick ? 1 : SEEDS;
        int steps = quick ? QUICK_STEPS : STEPS;
        int perTarget = PLAYERS.size() * seeds;
        int total = CASES.size() * perTarget;
        Run[] runs = new Run[total];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, total).parallel().forEach(k -> {
            Case c = CASES.get(k / perTarget);
            Player p = PLAYERS.get(k % perTarget / seeds);
            runs[k] = train(c, p, DerivedSeeds.replicate(seed, k % seeds), steps);
            int n = done.incrementAndGet();
            if (n % 6 == 0 || n == total) {
                progress.accept(n + "/" + total + " training runs");
            }
        });
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < total; i += seeds) {
            cells.add(new Cell(runs[i].target(), runs[i].player(), List.of(Arrays.copyOfRange(runs, i, i + seeds))));
        }
        return new Result(seeds, steps, quick, cells);
    }

    /** Trains one generator and scores {@value #SAMPLES} fresh samples of it. */
    static Run train(Case c, Player p, long seed, int steps) {
        TrainingConfig config = TrainingConfig.builder(Target.of(c.mixture()), p.objective())
                .loss(p.loss()).networks(TrainingConfig.Networks.mlp(LATENT, HIDDEN, HIDDEN))
                .schedule(Schedule.SINGLE_STEP).steps(steps).batchSize(BATCH)
                .learningRate(LEARNING_RATE).seed(seed).logEvery(Math.max(1, steps / 10)).build();
        Trainer trainer = new Trainer(config);
        TrainingResult result;
        try {
            result = trainer.run(null);
        } catch (IllegalStateException e) {
            String m = e.getMessage();
            int cut = m.indexOf(", generator parameters");
            return new Run(c, p, seed, null, null, cut > 0 ? m.substring(0, cut) : m);
        }
        if (result.modeCoverage() == null) {
            return new Run(c, p, seed, null, null, "generated a non-finite sample");
        }
        // the trainer scored these samples; drawn again from the same stream for the scatter plot
        return new Run(c, p, seed, result.modeCoverage(), trainer.coverageSamples(), null);
    }
}
