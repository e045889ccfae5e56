package org.fganlab.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fganlab.density.GaussianMixture2D;
import org.fganlab.density.StandardNormal;
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
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;
import org.fganlab.report.Plots;
import org.fganlab.report.Tables;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

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
 */
public final class ModeCoverageExperiment implements Experiment {

    /** Generated samples scored per run (PacGAN, §5). */
    static final int SAMPLES = 2500;
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
    /** Offset of the seed of the evaluation draw from the run's training seed. */
    static final long EVALUATION_SEED_OFFSET = 1_000_003L;

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
        int seeds = ctx.quick() ? 1 : SEEDS;
        int steps = ctx.quick() ? QUICK_STEPS : STEPS;
        int perTarget = PLAYERS.size() * seeds;
        int total = CASES.size() * perTarget;
        Run[] runs = new Run[total];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, total).parallel().forEach(k -> {
            Case c = CASES.get(k / perTarget);
            Player p = PLAYERS.get(k % perTarget / seeds);
            long seed = ctx.seed() + k % seeds;
            runs[k] = train(c, p, seed, steps);
            int n = done.incrementAndGet();
            if (n % 6 == 0 || n == total) {
                ctx.progress().accept(n + "/" + total + " training runs");
            }
        });
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < total; i += seeds) {
            cells.add(new Cell(runs[i].target(), runs[i].player(), List.of(Arrays.copyOfRange(runs, i, i + seeds))));
        }
        writeRuns(ctx, cells);
        for (Case c : CASES) {
            writeScatter(ctx, c, cells.stream().filter(x -> x.target() == c).toList(), steps);
        }
        return outcome(cells, seeds, steps, ctx.quick());
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
        double[] xy = draw(trainer.generator(), result.generatorParams(), SAMPLES, BATCH,
                new Well19937c(seed + EVALUATION_SEED_OFFSET));
        for (double v : xy) {
            if (!Double.isFinite(v)) {
                return new Run(c, p, seed, null, null, "generated a non-finite sample");
            }
        }
        return new Run(c, p, seed, ModeCoverage.evaluate(c.mixture(), xy), xy, null);
    }

    /**
     * n samples G_θ(z), z ~ N(0, I), drawn in chunks of at most {@code chunk} (the generator's
     * largest batch).
     *
     * @return 2n values interleaved x, y (the generator's output dimension must be 2)
     */
    static double[] draw(Generator g, double[] theta, int n, int chunk, RandomGenerator rng) {
        int k = g.latentDimension();
        int d = g.outputDimension();
        double[] out = new double[n * d];
        double[] z = new double[chunk * k];
        double[] x = new double[chunk * d];
        for (int start = 0; start < n; start += chunk) {
            int b = Math.min(chunk, n - start);
            StandardNormal.fill(rng, z, b * k);
            g.generate(theta, z, b, x);
            System.arraycopy(x, 0, out, start * d, b * d);
        }
        return out;
    }

    private static void writeRuns(Context ctx, List<Cell> cells) {
        Tables csv = new Tables("target", "objective", "generator_loss", "seed", "modes_covered", "modes",
                "high_quality_percent", "kl_from_uniform", "mode_counts", "failure");
        for (Cell cell : cells) {
            for (Run r : cell.runs()) {
                ModeCoverage.Result m = r.metrics();
                csv.row(cell.target().label(), cell.player().label(), loss(cell.player()), r.seed(),
                        r.ok() ? m.modesCovered() : "", cell.target().mixture().modeCount(),
                        r.ok() ? Tables.exact(hqPercent(m)) : "", r.ok() ? Tables.exact(m.klFromUniform()) : "",
                        r.ok() ? Arrays.stream(m.counts()).mapToObj(Integer::toString)
                                .collect(Collectors.joining(" ")) : "",
                        r.ok() ? "" : r.failure());
            }
        }
        AtomicFiles.writeString(ctx.dir().resolve("runs.csv"), csv.csv());
    }

    static String scatterFile(Case c) {
        return "scatter-" + c.label() + ".png";
    }

    /** One panel per objective: the first seed's samples over the modes. */
    private static void writeScatter(Context ctx, Case c, List<Cell> cells, int steps) {
        GaussianMixture2D m = c.mixture();
        double[] mx = IntStream.range(0, m.modeCount()).mapToDouble(m::modeX).toArray();
        double[] my = IntStream.range(0, m.modeCount()).mapToDouble(m::modeY).toArray();
        double h = c.half();
        List<Plots.Panel> panels = new ArrayList<>();
        for (Cell cell : cells) {
            Run r = cell.runs().get(0);
            List<Plots.Series> series = new ArrayList<>();
            String title;
            if (r.ok()) {
                double[] x = new double[SAMPLES];
                double[] y = new double[SAMPLES];
                for (int i = 0; i < SAMPLES; i++) {
                    x[i] = r.samples()[2 * i];
                    y[i] = r.samples()[2 * i + 1];
                }
                series.add(new Plots.Series("generated", x, y, Plots.Style.POINTS));
                title = String.format(Locale.ROOT, "%s: %d/%d modes, %s%% high quality", cell.player().label(),
                        r.metrics().modesCovered(), m.modeCount(), Tables.number(hqPercent(r.metrics())));
            } else {
                title = cell.player().label() + ": diverged";
            }
            series.add(new Plots.Series("modes", mx, my, Plots.Style.MARKERS));
            panels.add(new Plots.Panel(title, "x", "y", series, new double[] {-h, h, -h, h}));
        }
        Plots.panels(ctx.dir().resolve(scatterFile(c)), String.format(Locale.ROOT,
                "%s: %,d samples of the generator after %,d steps (seed %d), over the %d modes",
                m.spec(), SAMPLES, steps, cells.get(0).runs().get(0).seed(), m.modeCount()),
                panels, 3, 420, 420);
    }

    private static String loss(Player p) {
        return p.loss() == GeneratorLoss.MINIMAX ? "minimax" : "non-saturating";
    }

    private Outcome outcome(List<Cell> cells, int seeds, int steps, boolean quick) {
        ObjectNode summary = Json.object().put("experiment", name()).put("seeds", seeds)
                .put("steps", steps).put("samples", SAMPLES).put("batch", BATCH)
                .put("latent_dimension", LATENT).put("hidden", Arrays.toString(HIDDEN))
                .put("quality_radius_sigmas", ModeCoverage.QUALITY_RADIUS_SIGMAS)
                .put("min_samples_per_mode", ModeCoverage.MIN_SAMPLES_PER_MODE);
        Json.put(summary, "learning_rate", LEARNING_RATE);
        Json.put(summary, "wasserstein_clip", CLIP);
        ArrayNode arr = summary.putArray("cells");
        Tables table = new Tables("target", "objective", "loss", "runs", "modes covered", "high quality %",
                "KL(hist‖uniform), nats");
        for (Cell cell : cells) {
            ObjectNode o = arr.addObject().put("target", cell.target().label())
                    .put("spec", cell.target().mixture().spec()).put("objective", cell.player().label())
                    .put("generator_loss", loss(cell.player())).put("modes", cell.target().mixture().modeCount())
                    .put("runs", cell.ok().size()).put("diverged", cell.runs().size() - cell.ok().size());
            ArrayNode per = o.putArray("per_seed");
            for (Run r : cell.runs()) {
                ObjectNode s = per.addObject().put("seed", r.seed());
                if (r.ok()) {
                    s.put("modes_covered", r.metrics().modesCovered());
                    Json.put(s, "high_quality_percent", hqPercent(r.metrics()));
                    Json.put(s, "kl_from_uniform", r.metrics().klFromUniform());
                } else {
                    s.put("failure", r.failure());
                }
            }
            String runsText = cell.ok().size() + "/" + cell.runs().size();
            if (cell.ok().isEmpty()) {
                table.row(cell.target().label(), cell.player().label(), loss(cell.player()), runsText,
                        "diverged", "", "");
                continue;
            }
            putStats(o, "modes_covered", cell.mean(ModeCoverageExperiment::covered), cell.std(ModeCoverageExperiment::covered));
            putStats(o, "high_quality_percent", cell.mean(ModeCoverageExperiment::hqPercent),
                    cell.std(ModeCoverageExperiment::hqPercent));
            putStats(o, "kl_from_uniform", cell.mean(ModeCoverageExperiment::kl), cell.std(ModeCoverageExperiment::kl));
            table.row(cell.target().label(), cell.player().label(), loss(cell.player()), runsText,
                    pm(cell, ModeCoverageExperiment::covered), pm(cell, ModeCoverageExperiment::hqPercent),
                    pm(cell, ModeCoverageExperiment::kl));
        }
        StringBuilder findings = new StringBuilder();
        StringBuilder headline = new StringBuilder(String.format(Locale.ROOT,
                "%d objectives × 2 targets × %d seed(s) × %,d steps; mean modes covered", PLAYERS.size(), seeds, steps));
        for (Case c : CASES) {
            List<Cell> mine = cells.stream().filter(x -> x.target() == c).toList();
            findings.append(findings(c, mine));
            headline.append(String.format(Locale.ROOT, " %s (of %d): %s;", c.label(), c.mixture().modeCount(),
                    mine.stream().map(x -> x.player().label() + " " + (x.ok().isEmpty() ? "diverged"
                            : Tables.number(x.mean(ModeCoverageExperiment::covered))))
                            .collect(Collectors.joining(", "))));
        }
        headline.setLength(headline.length() - 1);
        String text = findings.toString();
        return new Outcome(summary, headline.toString(), prefix -> "## mode-coverage: " + title() + "\n\n"
                + "Targets: `" + CASES.get(0).mixture().spec() + "` (8 modes on a circle of radius 2, σ = 0.02) and `"
                + CASES.get(1).mixture().spec() + "` (5×5 modes at spacing 2, σ = 0.05), the mode-collapse "
                + "benchmarks of Metz et al. 2017 and Srivastava et al. 2017. Generator: MLP "
                + LATENT + "-" + HIDDEN[0] + "-" + HIDDEN[1] + "-2 (ReLU), z ~ N(0, I); critic V: MLP 2-"
                + HIDDEN[0] + "-" + HIDDEN[1] + "-1 (tanh), T = g_f(V) for the f-GAN objectives; single-step "
                + "gradient (f-GAN Algorithm 1); batches of " + BATCH + "; Adam (step " + Tables.number(LEARNING_RATE)
                + ", β1 = 0.5, β2 = 0.999); " + String.format(Locale.ROOT, "%,d", steps) + " steps; " + seeds
                + " seed(s). Generator loss: the saddle (minimax) objective F of the divergence for kl, "
                + "reverse-kl, js and pearson, so that the generator descends the variational estimate of "
                + "exactly that divergence; the non-saturating loss −E_Q[log D(G(z))] for gan (Goodfellow "
                + "et al. 2014, §3); the Wasserstein critic (Arjovsky et al. 2017) has a = b = identity and "
                + "its weights clipped to [−" + Tables.number(CLIP) + ", " + Tables.number(CLIP) + "] after "
                + "every step (one critic step per generator step here, not the paper's five).\n\n"
                + "Metrics on " + String.format(Locale.ROOT, "%,d", SAMPLES) + " fresh samples per trained "
                + "generator (`org.fganlab.gan.ModeCoverage`): a sample is high quality if it lies within "
                + Tables.number(ModeCoverage.QUALITY_RADIUS_SIGMAS) + "σ of its nearest mode; a mode is covered "
                + "if it receives at least " + ModeCoverage.MIN_SAMPLES_PER_MODE + " high-quality samples; "
                + "KL(hist‖uniform) compares the histogram of high-quality samples over their nearest modes "
                + "with the uniform distribution over the modes (0 = balanced, log 8 = " + Tables.number(Math.log(8))
                + " and log 25 = " + Tables.number(Math.log(25)) + " = every high-quality sample on one mode; "
                + "+inf if no sample is high quality). Mean ± sample standard deviation over the seeds. "
                + "The runs are short next to the literature's (tens of thousands of steps, e.g. Metz et al. "
                + "2017) because the whole report has a runtime budget; the table measures the objectives "
                + "at this budget, and the grid in particular is still improving when training stops.\n\n"
                + table.markdown() + "\n"
                + (quick ? "**Quick run**: " + steps + " steps only check the pipeline; the "
                        + "generators are barely trained and the numbers say nothing about the objectives.\n\n" : "")
                + "What to look for: KL(P‖Q) is mode-covering (it is +∞ where P has mass and Q has none), "
                + "reverse KL(Q‖P) mode-seeking (it is +∞ where Q puts mass outside P), so the expectation is "
                + "that KL covers at least as many modes and reverse KL has at least as many high-quality "
                + "samples. The sentences below are generated from the table.\n\n" + text
                + CASES.stream().map(c -> "![" + c.label() + "](" + prefix + scatterFile(c) + ")\n\n")
                        .collect(Collectors.joining())
                + "Data: [`runs.csv`](" + prefix + "runs.csv) (one row per run, with the per-mode counts), "
                + "[`summary.json`](" + prefix + "summary.json).\n");
    }

    /**
     * The data-driven findings for one target: which objectives covered every mode, which covered
     * fewer than half, which diverged, and how KL and reverse KL compare with the mode-covering
     * and mode-seeking expectation.
     */
    static String findings(Case c, List<Cell> cells) {
        int k = c.mixture().modeCount();
        List<String> all = new ArrayList<>();
        List<String> collapsed = new ArrayList<>();
        List<String> diverged = new ArrayList<>();
        for (Cell cell : cells) {
            if (cell.ok().size() < cell.runs().size()) {
                diverged.add(cell.player().label() + " (" + (cell.runs().size() - cell.ok().size()) + "/"
                        + cell.runs().size() + " runs: " + cell.runs().stream().filter(r -> !r.ok())
                        .map(Run::failure).findFirst().orElse("") + ")");
            }
            if (cell.allCovered()) {
                all.add(cell.player().label());
            } else if (!cell.ok().isEmpty() && cell.mean(ModeCoverageExperiment::covered) < k / 2.0) {
                collapsed.add(cell.player().label() + " (" + Tables.number(cell.mean(ModeCoverageExperiment::covered)) + ")");
            }
        }
        StringBuilder sb = new StringBuilder("**" + c.label() + "** (" + k + " modes). ");
        sb.append(all.isEmpty() ? "No objective covered every mode in every seed. "
                : "Every mode covered in every seed: " + String.join(", ", all) + ". ");
        sb.append(collapsed.isEmpty() ? "No objective covered fewer than half the modes on average. "
                : "Fewer than half the modes on average: " + String.join(", ", collapsed) + ". ");
        if (!diverged.isEmpty()) {
            sb.append("Diverged: ").append(String.join("; ", diverged)).append(". ");
        }
        Cell kl = cells.stream().filter(x -> x.player().label().equals("kl")).findFirst().orElseThrow();
        Cell rkl = cells.stream().filter(x -> x.player().label().equals("reverse-kl")).findFirst().orElseThrow();
        if (kl.ok().isEmpty() || rkl.ok().isEmpty()) {
            sb.append("KL against reverse KL: not comparable (a cell has no finished run).\n\n");
            return sb.toString();
        }
        sb.append("KL against reverse KL: ");
        sb.append(compare("modes covered:", kl, rkl, ModeCoverageExperiment::covered, true));
        sb.append(compare("high-quality %:", kl, rkl, ModeCoverageExperiment::hqPercent, false));
        sb.append("\n\n");
        return sb.toString();
    }

    /**
     * One comparison sentence: the two means, whether the order matches the expectation (KL
     * larger when {@code klLarger}, else reverse KL larger), and whether the gap exceeds the sum
     * of the two seed deviations.
     */
    static String compare(String what, Cell kl, Cell rkl, ToDoubleFunction<ModeCoverage.Result> g,
            boolean klLarger) {
        double a = kl.mean(g);
        double b = rkl.mean(g);
        boolean expected = klLarger ? a >= b : b >= a;
        String text = String.format(Locale.ROOT, "%s kl %s, reverse-kl %s (%s the expected order", what,
                Tables.number(a), Tables.number(b), expected ? "in" : "not in");
        if (kl.ok().size() < 2 || rkl.ok().size() < 2) {
            return text + "; fewer than two seeds, no spread). ";
        }
        double spread = kl.std(g) + rkl.std(g);
        return text + String.format(Locale.ROOT, "; the gap %s is %s the sum of the seed deviations, %s). ",
                Tables.number(Math.abs(a - b)), Math.abs(a - b) > spread ? "larger than" : "within",
                Tables.number(spread));
    }

    private static void putStats(ObjectNode o, String field, double mean, double std) {
        Json.put(o, field, mean);
        if (!Double.isNaN(std)) {
            Json.put(o, field + "_std", std);
        }
    }

    private static String pm(Cell cell, ToDoubleFunction<ModeCoverage.Result> g) {
        double m = cell.mean(g);
        double s = cell.std(g);
        return Double.isNaN(s) ? Tables.number(m) : Tables.number(m) + " ± " + Tables.number(s);
    }
}
