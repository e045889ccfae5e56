package org.fganlab.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;
import org.fganlab.report.Plots;
import org.fganlab.report.Tables;
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

    @Override
    public Outcome run(Context ctx) {
        int steps = ctx.quick() ? QUICK_STEPS : STEPS;
        int every = ctx.quick() ? QUICK_LOG_EVERY : LOG_EVERY;
        int seeds = ctx.quick() ? 1 : SEEDS;
        Density p = DensitySpec.parse(GaussianFitExperiment.TARGET);
        int nf = DIVERGENCES.size();
        int total = nf * SCHEDULES.length * seeds;
        Run[] runs = new Run[total];
        AtomicInteger done = new AtomicInteger();
        // independent seeded runs: parallel, gathered by index, so identical to a serial run
        IntStream.range(0, total).parallel().forEach(i -> {
            FDivergence f = Divergences.byName(DIVERGENCES.get(i / (SCHEDULES.length * seeds)));
            int k = SCHEDULES[(i / seeds) % SCHEDULES.length];
            long seed = ctx.seed() + i % seeds;
            runs[i] = new Run(f, k, seed, train(p, f, k, steps, every, seed));
            int n = done.incrementAndGet();
            if (n % 6 == 0 || n == total) {
                ctx.progress().accept(n + "/" + total + " training runs");
            }
        });
        List<Run> all = List.of(runs);
        writeData(ctx, all);
        List<Cell> cells = cells(all, nf, seeds);
        writePlots(ctx, all, cells);
        return outcome(cells, steps, every, seeds);
    }

    /**
     * One run: Gaussian generator, critic 1-32-32-1, schedule k (0 = single step), minimax loss;
     * every {@code every} steps F on {@link #EVAL_BATCH} fresh samples before and after the
     * generator step, beside the exact divergences.
     */
    static List<LogPoint> train(Density p, FDivergence f, int k, int steps, int every, long seed) {
        TrainingConfig c = new TrainingConfig(Target.of(p), new Objective.FGan(f),
                GeneratorLoss.MINIMAX, TrainingConfig.GeneratorKind.GAUSSIAN, 1, new int[0],
                CRITIC_HIDDEN.clone(), k == 0 ? Schedule.SINGLE_STEP : new Schedule(k), steps,
                BATCH, LEARNING_RATE, seed, every);
        Trainer trainer = new Trainer(c);
        CriticProbe probe = new CriticProbe(c.objective(), trainer.critic(), EVAL_BATCH);
        RandomGenerator rng = new Well19937c(seed ^ 0xB0B0L);
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

    private static String scheduleName(int k) {
        return k == 0 ? "single-step" : "alternating:" + k;
    }

    private static void writeData(Context ctx, List<Run> runs) {
        Tables t = new Tables("divergence", "schedule", "seed", "step", "mu", "sigma",
                "batch_estimate", "exact_before", "estimate_before", "se_before", "exact_after",
                "estimate_after", "se_after", "gap_before", "gap_after");
        for (Run r : runs) {
            for (LogPoint pt : r.log()) {
                t.row(r.f().name(), scheduleName(r.criticSteps()), r.seed(), pt.step(),
                        Tables.exact(pt.mu()), Tables.exact(pt.sigma()),
                        Tables.exact(pt.batchEstimate()), Tables.exact(pt.exactBefore()),
                        Tables.exact(pt.estimateBefore().value()),
                        Tables.exact(pt.estimateBefore().standardError()),
                        Tables.exact(pt.exactAfter()), Tables.exact(pt.estimateAfter().value()),
                        Tables.exact(pt.estimateAfter().standardError()),
                        Tables.exact(pt.gapBefore()), Tables.exact(pt.gapAfter()));
            }
        }
        AtomicFiles.writeString(ctx.dir().resolve("history.csv"), t.csv());
    }

    private static void writePlots(Context ctx, List<Run> runs, List<Cell> cells) {
        for (String name : DIVERGENCES) {
            List<Plots.Series> series = new ArrayList<>();
            for (int k : SCHEDULES) {
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
                series.add(new Plots.Series(scheduleName(k), step, gap,
                        k == 0 ? Plots.Style.DASHED : Plots.Style.LINE));
            }
            Plots.xy(ctx.dir().resolve("gap-" + name + ".png"),
                    name + ": D_f(P||Q_theta) - F(omega, theta) with the freshly trained critic"
                            + " (seed mean)", "generator step", "gap (nats, log scale)", series,
                    900, 550,
                SectionSupport.axes(false, true));
        }
        List<Plots.Series> finalGap = new ArrayList<>();
        List<Plots.Series> stale = new ArrayList<>();
        double[] ks = IntStream.of(SCHEDULES).filter(k -> k > 0).asDoubleStream().toArray();
        for (String name : DIVERGENCES) {
            List<Cell> alt = cells.stream()
                    .filter(c -> c.f().name().equals(name) && c.criticSteps() > 0).toList();
            finalGap.add(new Plots.Series(name, ks,
                    alt.stream().mapToDouble(Cell::finalGapBefore).toArray(), Plots.Style.LINE));
            stale.add(new Plots.Series(name, ks,
                    alt.stream().mapToDouble(Cell::staleIncrease).toArray(), Plots.Style.LINE));
        }
        Plots.xy(ctx.dir().resolve("final-gap.png"),
                "Final gap D_f - F (last quarter of training, seed mean) against critic steps k",
                "critic steps per generator step k", "gap (nats, log scale)", finalGap, 800, 500,
                SectionSupport.axes(true, true));
        Plots.xy(ctx.dir().resolve("stale-critic.png"),
                "Stale critic: gap after the generator step minus gap before it (last quarter, seed mean)",
                "critic steps per generator step k", "increase of the gap (nats)", stale, 800, 500,
                SectionSupport.axes(true, false));
    }

    private Outcome outcome(List<Cell> cells, int steps, int every, int seeds) {
        ObjectNode summary = Json.object().put("experiment", name())
                .put("target", GaussianFitExperiment.TARGET).put("steps", steps)
                .put("log_every", every).put("seeds", seeds).put("batch", BATCH)
                .put("eval_batch", EVAL_BATCH).put("violation_threshold_standard_errors", 3);
        ArrayNode ks = summary.putArray("critic_steps");
        IntStream.of(SCHEDULES).forEach(ks::add);
        ArrayNode arr = summary.putArray("cells");
        Tables table = new Tables("divergence", "schedule", "final gap, fresh critic",
                "final gap, stale critic", "stale increase", "final D_f(P‖Q_θ)",
                "gaps < 0", "gaps < −3 s.e.", "D_f = +∞ (left out)");
        int totalNegative = 0;
        int totalSignificant = 0;
        int totalPoints = 0;
        for (Cell c : cells) {
            ObjectNode o = arr.addObject().put("divergence", c.f().name())
                    .put("schedule", scheduleName(c.criticSteps()));
            putIfNumber(o, "final_gap_before", c.finalGapBefore());
            putIfNumber(o, "final_gap_after", c.finalGapAfter());
            putIfNumber(o, "stale_increase", c.staleIncrease());
            putIfNumber(o, "final_exact", c.finalExact());
            o.put("negative_gaps", c.negative()).put("significantly_negative_gaps",
                    c.significantlyNegative()).put("infinite_exact", c.infinite())
                    .put("points", c.points());
            totalNegative += c.negative();
            totalSignificant += c.significantlyNegative();
            totalPoints += c.points();
            table.row(c.f().name(), scheduleName(c.criticSteps()), c.finalGapBefore(),
                    c.finalGapAfter(), c.staleIncrease(), c.finalExact(),
                    c.negative() + "/" + c.points(), c.significantlyNegative(), c.infinite());
        }
        summary.put("negative_gaps", totalNegative).put("significantly_negative_gaps",
                totalSignificant).put("points", totalPoints);
        String violations = totalNegative + " of " + totalPoints + " logged gaps are negative and "
                + totalSignificant + " lie more than 3 standard errors of F below 0";
        StringBuilder trend = new StringBuilder();
        ObjectNode ratios = summary.putObject("final_gap_k1_over_k25");
        for (String name : DIVERGENCES) {
            Cell k1 = find(cells, name, 1);
            Cell k25 = find(cells, name, SCHEDULES[SCHEDULES.length - 1]);
            putIfNumber(ratios, name, k1.finalGapBefore() / k25.finalGapBefore());
            trend.append(String.format(Locale.ROOT, "%s %s → %s; ", name,
                    Tables.number(k1.finalGapBefore()), Tables.number(k25.finalGapBefore())));
        }
        String trendText = trend.substring(0, trend.length() - 2);
        double maxStale = cells.stream().mapToDouble(c -> Math.abs(c.staleIncrease()))
                .filter(Double::isFinite).max().orElse(Double.NaN);
        double minGap = cells.stream().mapToDouble(BoundTightnessExperiment.Cell::finalGapBefore)
                .filter(Double::isFinite).min().orElse(Double.NaN);
        putIfNumber(summary, "max_abs_stale_increase", maxStale);
        putIfNumber(summary, "min_final_gap_before", minGap);
        long positive = cells.stream().filter(c -> c.staleIncrease() > 0).count();
        summary.put("cells_with_positive_stale_increase", positive);
        String staleText = "Stale critic: the largest stale increase in absolute value is "
                + Tables.number(maxStale) + " nats, " + (maxStale < minGap ? "smaller than" : "not "
                + "smaller than") + " the smallest final gap, " + Tables.number(minGap)
                + " nats; it is positive in " + positive + " of "
                + cells.size() + " rows. At the optimal critic the envelope theorem gives "
                + "∇θ F(ω*, θ) = ∇θ D_f(P‖Q_θ), so a generator step changes F and D_f alike to "
                + "first order: the stale increase is of the order of (critic error) × (step) plus "
                + "(step)², and Adam's step 0.01 moves θ little per generator step.";
        String headline = String.format(Locale.ROOT,
                "final gap D_f − F with k = 1 → %d critic steps: %s; %d/%d gaps negative, %d beyond 3"
                        + " standard errors", SCHEDULES[SCHEDULES.length - 1], trendText,
                totalNegative, totalPoints, totalSignificant);
        return new Outcome(summary, headline, prefix -> {
            StringBuilder plots = new StringBuilder();
            for (String name : DIVERGENCES) {
                plots.append("![gap ").append(name).append("](").append(prefix).append("gap-")
                        .append(name).append(".png)\n\n");
            }
            return "## bound-tightness: " + title() + "\n\n"
                    + "The f-GAN critic maximises F(ω, θ) = E_P[g_f(V_ω)] − E_Q[f*(g_f(V_ω))] ≤ "
                    + "D_f(P‖Q_θ) (Nowozin et al. 2016, eq. 4–6), tight only at T* = f'(p/q). "
                    + "Training uses two approximations: the critic takes finitely many steps per "
                    + "generator step, and after the generator step it is stale. Setup: P = `"
                    + GaussianFitExperiment.TARGET + "`, Q_θ = μ + σz from N(0, 1); critic MLP 1-"
                    + CRITIC_HIDDEN[0] + "-" + CRITIC_HIDDEN[1] + "-1 (tanh), T = g_f(V); minimax "
                    + "loss; batches of " + BATCH + "; Adam (step " + LEARNING_RATE + ", β1 = 0.5); "
                    + steps + " generator steps for every schedule (so k critic steps per generator "
                    + "step cost k times the critic updates); " + seeds + " seed(s). Every " + every
                    + " steps, with the critic ω_s just trained: F(ω_s, θ_{s−1}) (fresh critic, "
                    + "before the generator step) and F(ω_s, θ_s) (stale critic, after it), both on "
                    + "the same " + EVAL_BATCH + " fresh samples of P and of z, beside the exact "
                    + "D_f(P‖Q_θ) by quadrature. Gap = D_f − F; \"final\" = mean over the last "
                    + "quarter of the logged points and the seeds; \"stale increase\" = mean of "
                    + "gap after − gap before over the same points.\n\n"
                    + table.markdown() + "\n"
                    + "The bound holds for the expectation F; the estimate on " + EVAL_BATCH
                    + " samples carries Monte Carlo error, so a gap can be negative without "
                    + "violating it: " + violations + ". Pearson χ²(P‖Q_θ) is +∞ while 2σ² ≤ "
                    + "1.415² (the wide"
                    + " component of P has heavier tails than Q), which includes the start σ = 1, "
                    + "and enormous just above; such points (+∞ ones are counted in the last column"
                    + " and left out) dominate early Pearson gaps, which is why the means use only "
                    + "the last quarter of training.\n\n"
                    + "Final gap with k = 1 → " + SCHEDULES[SCHEDULES.length - 1]
                    + " critic steps: " + trendText + ".\n\n"
                    + "Gap against training step, one plot per divergence (log scale; seed-mean "
                    + "gaps ≤ 0, from sampling noise, are not drawn):\n\n"
                    + plots
                    + "The final gap against k (the single-step rows of the table are the "
                    + "reference: one joint update per step, like alternating:1):\n\n"
                    + "![final gap](" + prefix + "final-gap.png)\n\n"
                    + staleText + "\n\n"
                    + "![stale critic](" + prefix + "stale-critic.png)\n\n"
                    + "Data: [`history.csv`](" + prefix + "history.csv) (every logged point of every"
                    + " run), [`summary.json`](" + prefix + "summary.json).\n";
        });
    }

    private static Cell find(List<Cell> cells, String name, int k) {
        return cells.stream().filter(c -> c.f().name().equals(name) && c.criticSteps() == k)
                .findFirst().orElseThrow();
    }

    private static void putIfNumber(ObjectNode o, String field, double v) {
        if (!Double.isNaN(v)) {
            Json.put(o, field, v);
        }
    }
}
