package org.fganlab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.density.Normal;
import org.fganlab.density.StandardNormal;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.gan.GaussianGenerator;
import org.fganlab.gan.GeneratorLoss;
import org.fganlab.gan.Objective;
import org.fganlab.gan.Schedule;
import org.fganlab.gan.Target;
import org.fganlab.gan.Trainer;
import org.fganlab.gan.TrainingConfig;
import org.fganlab.theory.ExactDivergence;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * {@code bound-tightness}: the two approximations of practical f-GAN training (Nowozin et al.
 * 2016, §3: the variational bound D_f(P‖Q_θ) ≥ F(ω, θ) = E_P[g_f(V_ω)] − E_Q[f*(g_f(V_ω))], tight
 * only at the optimal critic T* = f'(p/q)). (1) After finitely many critic steps the critic is not
 * T*: the gap D_f(P‖Q_θ) − F(ω, θ) as a function of the number k of critic steps per generator
 * step and over training. (2) After a generator step the critic is stale: the gap with the same
 * critic just before and just after the generator step.
 *
 * <p>F is estimated on fresh samples (not the training batches) with its Monte Carlo standard
 * error; D_f by quadrature ({@link ExactDivergence}). The bound holds for the expectation F; an
 * estimate can exceed D_f by sampling noise, so a negative gap is only a violation when it
 * exceeds a few standard errors.
 *
 * <p>This class is the compute part: {@link #compute} returns a {@link Result} and writes nothing;
 * {@link BoundTightnessSection} renders it.
 */
public final class BoundTightnessExperiment implements Experiment {

    static final List<String> DIVERGENCES = List.of("kl", "js", "pearson");
    /** Critic steps per generator step; 0 = the single-step method. */
    static final int[] SCHEDULES = {0, 1, 2, 5, 10, 25};
    static final int STEPS = 150;
    static final int QUICK_STEPS = 20;
    static final int LOG_EVERY = 10;
    static final int QUICK_LOG_EVERY = 5;
    static final int SEEDS = 3;
    static final int BATCH = 128;
    static final int EVAL_BATCH = 2048;
    static final int[] CRITIC_HIDDEN = {32, 32};
    static final double LEARNING_RATE = 0.01;

    @Override
    public String name() {
        return "bound-tightness";
    }

    @Override
    public String title() {
        return "how tight the variational bound is in practice: finite critic steps and a stale critic";
    }

    /**
     * One logged generator step s: the critic ω_s after its steps, the generator before (θ_{s−1})
     * and after (θ_s) its step.
     *
     * @param step s
     * @param batchEstimate the trainer's batch estimate F̂ of the step (last critic step's batch)
     * @param exactBefore D_f(P‖Q_θ_{s−1}) in nats (+∞ allowed)
     * @param estimateBefore F(ω_s, θ_{s−1}) on fresh samples
     * @param exactAfter D_f(P‖Q_θ_s)
     * @param estimateAfter F(ω_s, θ_s) on the same fresh samples
     * @param mu μ of θ_s
     * @param sigma σ of θ_s
     */
    record LogPoint(int step, double batchEstimate, double exactBefore,
            CriticProbe.Estimate estimateBefore, double exactAfter,
            CriticProbe.Estimate estimateAfter, double mu, double sigma) {

        /** D_f − F before the generator step (the critic has just been trained on this θ). */
        double gapBefore() {
            return exactBefore - estimateBefore.value();
        }

        /** D_f − F after the generator step (the same critic, now stale). */
        double gapAfter() {
            return exactAfter - estimateAfter.value();
        }
    }

    /** One training run: divergence, schedule, seed and its log. */
    record Run(FDivergence f, int criticSteps, long seed, List<LogPoint> log) {
    }

    /**
     * The seed-mean gap before the generator step against the step, for one (divergence, schedule).
     *
     * @param steps the logged steps
     * @param gap the mean over the seeds of gapBefore
     */
    record GapCurve(double[] steps, double[] gap) {
    }

    /**
     * The result.
     *
     * @param steps generator steps per run
     * @param every logging interval
     * @param seeds runs per (divergence, schedule)
     * @param runs every run, ordered divergence, schedule, seed
     * @param cells one per (divergence, schedule), same order
     */
    record Result(int steps, int every, int seeds, List<Run> runs, List<Cell> cells) {

        Cell find(String name, int k) {
            return cells.stream().filter(c -> c.f().name().equals(name) && c.criticSteps() == k)
                    .findFirst().orElseThrow();
        }

        int negative() {
            return cells.stream().mapToInt(Cell::negative).sum();
        }

        int significantlyNegative() {
            return cells.stream().mapToInt(Cell::significantlyNegative).sum();
        }

        int points() {
            return cells.stream().mapToInt(Cell::points).sum();
        }

        /** The largest schedule k. */
        int largestK() {
            return SCHEDULES[SCHEDULES.length - 1];
        }

        /** Final gap at k = 1 over the final gap at the largest k. */
        double finalGapRatio(String name) {
            return find(name, 1).finalGapBefore() / find(name, largestK()).finalGapBefore();
        }

        /** max |stale increase| over the cells (finite ones); NaN if none. */
        double maxStale() {
            return cells.stream().mapToDouble(c -> Math.abs(c.staleIncrease()))
                    .filter(Double::isFinite).max().orElse(Double.NaN);
        }

        /** min final gap before over the cells (finite ones); NaN if none. */
        double minGap() {
            return cells.stream().mapToDouble(Cell::finalGapBefore)
                    .filter(Double::isFinite).min().orElse(Double.NaN);
        }

        /** Cells whose stale increase is positive. */
        long positiveStale() {
            return cells.stream().filter(c -> c.staleIncrease() > 0).count();
        }

        /** The seed-mean gap curve of one divergence and schedule. */
        GapCurve curve(String name, int k) {
            List<Run> group = runs.stream()
                    .filter(r -> r.f().name().equals(name) && r.criticSteps() == k).toList();
            List<LogPoint> first = group.get(0).log();
            double[] step = first.stream().mapToDouble(LogPoint::step).toArray();
            double[] gap = new double[step.length];
            for (int j = 0; j < step.length; j++) {
                for (Run r : group) {
                    gap[j] += r.log().get(j).gapBefore() / group.size();
                }
            }
            return new GapCurve(step, gap);
        }
    }

    @Override
    public Outcome run(Context ctx) {
        return BoundTightnessSection.render(this, compute(ctx.size(), ctx.seed(), ctx.progress()), ctx.dir());
    }

    /**
     * Every (divergence, schedule, seed) run (QUICK: one seed, {@link #QUICK_STEPS}; FULL is
     * STANDARD), in parallel; seed s uses seed + s.
     *
     * @param size the sizes
     * @param seed the base seed
     * @param progress receives a line every six runs
     * @return the runs and their cells
     */
    static Result compute(Size size, long seed, Consumer<String> progress) {
        boolean quick = size == Size.QUICK;
        int steps = quick ? QUICK_STEPS : STEPS;
        int every = quick ? QUICK_LOG_EVERY : LOG_EVERY;
        int seeds = quick ? 1 : SEEDS;
        Density p = DensitySpec.parse(GaussianFitExperiment.TARGET);
        int nf = DIVERGENCES.size();
        int total = nf * SCHEDULES.length * seeds;
        Run[] runs = new Run[total];
        AtomicInteger done = new AtomicInteger();
        // independent seeded runs: parallel, gathered by index, so identical to a serial run
        IntStream.range(0, total).parallel().forEach(i -> {
            FDivergence f = Divergences.byName(DIVERGENCES.get(i / (SCHEDULES.length * seeds)));
            int k = SCHEDULES[(i / seeds) % SCHEDULES.length];
            long runSeed = DerivedSeeds.replicate(seed, i % seeds);
            runs[i] = new Run(f, k, runSeed, train(p, f, k, steps, every, runSeed));
            int n = done.incrementAndGet();
            if (n % 6 == 0 || n == total) {
                progress.accept(n + "/" + total + " training runs");
            }
        });
        List<Run> all = List.of(runs);
        return new Result(steps, every, seeds, all, cells(all, nf, seeds));
    }

    /**
     * One run: Gaussian generator, critic 1-32-32-1, schedule k (0 = single step), minimax loss;
     * every {@code every} steps F on {@link #EVAL_BATCH} fresh samples before and after the
     * generator step, beside the exact divergences.
     */
    static List<LogPoint> train(Density p, FDivergence f, int k, int steps, int every, long seed) {
        TrainingConfig c = TrainingConfig.builder(Target.of(p), new Objective.FGan(f))
                .loss(GeneratorLoss.MINIMAX).networks(TrainingConfig.Networks.gaussian(CRITIC_HIDDEN))
                .schedule(k == 0 ? Schedule.SINGLE_STEP : new Schedule(k)).steps(steps)
                .batchSize(BATCH).learningRate(LEARNING_RATE).seed(seed).logEvery(every).build();
        Trainer trainer = new Trainer(c);
        CriticProbe probe = new CriticProbe(c.objective(), trainer.critic(), EVAL_BATCH);
        RandomGenerator rng = new Well19937c(DerivedSeeds.mix(seed, 0, 0xB0B0L));
        double[] real = new double[EVAL_BATCH];
        double[] z = new double[EVAL_BATCH];
        ExactDivergence exact = ExactDivergence.standard();
        List<LogPoint> log = new ArrayList<>();
        for (int s = 1; s <= steps; s++) {
            boolean logged = s % every == 0;
            double[] before = logged ? trainer.generatorParameters() : null;
            double batchEstimate = trainer.step();
            if (!logged) {
                continue;
            }
            double[] after = trainer.generatorParameters();
            double[] omega = trainer.criticParameters();
            c.target().sample(rng, real, EVAL_BATCH);
            StandardNormal.fill(rng, z, z.length);
            log.add(new LogPoint(s, batchEstimate,
                    exact.divergence(f, p, gaussian(before)).value(),
                    probe.estimate(omega, before, real, z),
                    exact.divergence(f, p, gaussian(after)).value(),
                    probe.estimate(omega, after, real, z),
                    GaussianGenerator.mu(after), GaussianGenerator.sigma(after)));
        }
        return log;
    }

    private static Normal gaussian(double[] theta) {
        return new Normal(GaussianGenerator.mu(theta), GaussianGenerator.sigma(theta));
    }

    /**
     * The statistics of one (divergence, schedule) over its seeds.
     *
     * @param f the divergence
     * @param criticSteps k (0 = single step)
     * @param finalGapBefore mean of gapBefore over the last quarter of the log and the seeds
     * @param finalGapAfter the same for gapAfter
     * @param staleIncrease mean of gapAfter − gapBefore over the last quarter of the log and the
     *     seeds
     * @param negative points with gapBefore &lt; 0
     * @param significantlyNegative points with gapBefore &lt; −3 standard errors of F
     * @param infinite points where D_f was +∞ (left out of the means)
     * @param points logged points (all seeds)
     * @param finalExact mean over seeds of D_f(P‖Q_θ) at the last point
     */
    record Cell(FDivergence f, int criticSteps, double finalGapBefore, double finalGapAfter,
            double staleIncrease, int negative, int significantlyNegative, int infinite,
            int points, double finalExact) {
    }

    /** Groups the runs (ordered f, schedule, seed) into cells. */
    static List<Cell> cells(List<Run> runs, int nf, int seeds) {
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < nf * SCHEDULES.length; i++) {
            List<Run> group = runs.subList(i * seeds, (i + 1) * seeds);
            out.add(cell(group));
        }
        return out;
    }

    /** The statistics of runs of one divergence and schedule. */
    static Cell cell(List<Run> group) {
        List<LogPoint> tail = new ArrayList<>();
        List<LogPoint> every = new ArrayList<>();
        double finalExact = 0;
        for (Run r : group) {
            List<LogPoint> log = r.log();
            int n = log.size();
            tail.addAll(log.subList(n - Math.max(1, n / 4), n));
            every.addAll(log);
            finalExact += log.get(n - 1).exactAfter() / group.size();
        }
        int negative = 0;
        int significant = 0;
        int infinite = 0;
        for (LogPoint pt : every) {
            if (!Double.isFinite(pt.exactBefore())) {
                infinite++;
                continue;
            }
            negative += pt.gapBefore() < 0 ? 1 : 0;
            significant += pt.gapBefore() < -3 * pt.estimateBefore().standardError() ? 1 : 0;
        }
        return new Cell(group.get(0).f(), group.get(0).criticSteps(),
                finiteMean(tail, LogPoint::gapBefore), finiteMean(tail, LogPoint::gapAfter),
                finiteMean(tail, pt -> pt.gapAfter() - pt.gapBefore()), negative, significant,
                infinite, every.size(), finalExact);
    }

    /** Mean of the finite values of g; NaN if there is none. */
    static double finiteMean(List<LogPoint> points, ToDoubleFunction<LogPoint> g) {
        double sum = 0;
        int n = 0;
        for (LogPoint pt : points) {
            double v = g.applyAsDouble(pt);
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** "single-step" for k = 0, else "alternating:k". */
    static String scheduleName(int k) {
        return k == 0 ? "single-step" : "alternating:" + k;
    }
}
