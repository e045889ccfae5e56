package org.fganlab.experiment;

import static org.fganlab.experiment.ModeCoverageExperiment.ACCEPTANCE;
import static org.fganlab.experiment.ModeCoverageExperiment.CASES;
import static org.fganlab.experiment.ModeCoverageExperiment.PLAYERS;
import static org.fganlab.experiment.ModeCoverageExperiment.REFERENCE;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fganlab.density.GaussianMixture2D;
import org.fganlab.estimate.Bootstrap;
import org.fganlab.experiment.ModeCoverageExperiment.Acceptance;
import org.fganlab.experiment.ModeCoverageExperiment.Case;
import org.fganlab.experiment.ModeCoverageExperiment.Cell;
import org.fganlab.experiment.ModeCoverageExperiment.Comparison;
import org.fganlab.experiment.ModeCoverageExperiment.Player;
import org.fganlab.experiment.ModeCoverageExperiment.Result;
import org.fganlab.experiment.ModeCoverageExperiment.Run;
import org.fganlab.gan.CoveragePoint;
import org.fganlab.gan.GeneratorLoss;
import org.fganlab.gan.ModeCoverage;
import org.fganlab.gan.TrainingConfig;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;
import org.fganlab.report.Plots;
import org.fganlab.report.Tables;

/**
 * Renders a {@link ModeCoverageExperiment.Result}: runs.csv, curves.csv, summary.json, scatter
 * and curve plots, Markdown.
 */
final class ModeCoverageSection {

    private ModeCoverageSection() {
    }

    /**
     * Arguments: 1 title, 2 ring spec, 3 grid spec, 4 hidden widths, 5 batch, 6 f-GAN rate,
     * 7 WGAN rate, 8 WGAN-GP rate, 9 critic steps, 10 decay, 11 protocol steps, 12 size note,
     * 13 samples, 14 quality radius, 15 minimum samples, 16 table, 17 findings, 18 acceptance,
     * 19 plots, 20 prefix, 21 steps, 22 seeds.
     */
    private static final String SECTION = """
            ## mode-coverage: %1$s

            Targets: `%2$s` (8 modes on a circle of radius 2, σ = 0.02) and `%3$s` (5×5 modes at \
            spacing 2, σ = 0.05), the mode-collapse benchmarks of Metz et al. 2017, Srivastava et al. \
            2017 and Lin et al. 2018. The lab's protocol (docs/mode-coverage-protocol.md, the defaults \
            of `fganlab train` on a 2-D target): generator 2-%4$s-2 with ReLU units and z ~ N(0, I₂), \
            critic V 2-%4$s-1 with ReLU units (T = g_f(V) for the f-GAN objectives), batches of %5$d, \
            fresh samples every step. The f-GAN objectives and both GAN rows: one critic step then one \
            generator step, Adam at %6$s with β = (0.5, 0.999); the loss is the saddle (minimax) \
            objective of the divergence for kl, reverse-kl, js, pearson and gan-minimax, so that the \
            generator descends the variational estimate of exactly that divergence, and \
            −E_Q[log D(G(z))] for gan-ns (Goodfellow et al. 2014, §3). wgan-clip: RMSProp at %7$s, \
            weights clipped to [−0.01, 0.01], %9$d critic steps per generator step (Arjovsky et al. \
            2017, Algorithm 1). wgan-gp: Adam at %8$s with β = (0, 0.9), gradient penalty λ = 10, %9$d \
            critic steps (Gulrajani et al. 2017, Algorithm 1). Both step sizes fall linearly to 0 over \
            the last %10$s of the run. The protocol runs %11$s generator steps with 10 seeds.

            %12$s

            Metrics on %13$s samples of each trained generator, from their own seeded stream \
            (`org.fganlab.gan.ModeCoverage`): a sample is high quality if it lies within %14$sσ of its \
            nearest mode; "modes" counts the modes with at least one high-quality sample (PacGAN's and \
            VEEGAN's rule), "modes ≥ %15$d" those with at least %15$d; KL(hist‖uniform) compares the \
            histogram of high-quality samples over the modes with the uniform one (0 = balanced). \
            Mean ± sample standard deviation over the seeds; Δ is the difference of the means from \
            the gan-ns row of the same target with its 95%% percentile bootstrap interval (seeds \
            resampled with replacement, 10,000 resamples), shown from two seeds on.

            %16$s
            %18$s%17$sWhat to look for: KL(P‖Q) is mode-covering (it is +∞ where P has mass and Q has \
            none), reverse KL(Q‖P) mode-seeking, so the expectation is that KL covers at least as many \
            modes and reverse KL has at least as many high-quality samples. The sentences above are \
            generated from the table.

            %19$sData: [`runs.csv`](%20$sruns.csv) (one row per run, with the per-mode counts), \
            [`curves.csv`](%20$scurves.csv) (every run's coverage every %21$s steps), \
            [`summary.json`](%20$ssummary.json). %22$s
            """;

    /** Writes the data files and plots into dir; returns summary and section. */
    static Experiment.Outcome render(Experiment e, Result r, Path dir) {
        writeRuns(dir, r.cells());
        writeCurves(dir, r.cells());
        for (Case c : CASES) {
            writeScatter(dir, c, r.of(c), r.steps());
            writeCurvePlot(dir, c, r.of(c), r.steps());
        }
        Map<Cell, Map<Compared, Bootstrap.Interval>> differences = differences(r);
        String table = table(r, differences).markdown();
        String findings = CASES.stream().map(c -> findings(c, r.of(c))).collect(Collectors.joining());
        String acceptance = acceptance(r, differences);
        int every = Math.max(1, r.steps() / ModeCoverageExperiment.CURVE_POINTS);
        return new Experiment.Outcome(summary(e, r), headline(r), prefix -> String.format(Locale.ROOT,
                SECTION, e.title(), CASES.get(0).mixture().spec(), CASES.get(1).mixture().spec(),
                Arrays.stream(TrainingConfig.MODE_COVERAGE_HIDDEN).mapToObj(Integer::toString)
                        .collect(Collectors.joining("-")),
                TrainingConfig.MODE_COVERAGE_BATCH, plain(TrainingConfig.MODE_COVERAGE_LEARNING_RATE),
                plain(TrainingConfig.WGAN_LEARNING_RATE), plain(TrainingConfig.WGAN_GP_LEARNING_RATE),
                TrainingConfig.WGAN_CRITIC_STEPS, percent(TrainingConfig.MODE_COVERAGE_DECAY),
                String.format(Locale.ROOT, "%,d", TrainingConfig.MODE_COVERAGE_STEPS), sizeNote(r),
                String.format(Locale.ROOT, "%,d", ModeCoverageExperiment.SAMPLES),
                Tables.number(ModeCoverage.QUALITY_RADIUS_SIGMAS), ModeCoverage.MIN_SAMPLES_PER_MODE,
                table, findings, acceptance,
                CASES.stream().map(c -> "![" + c.label() + "](" + prefix + scatterFile(c) + ")\n\n"
                        + "![" + c.label() + " curves](" + prefix + curveFile(c) + ")\n\n")
                        .collect(Collectors.joining()), prefix,
                String.format(Locale.ROOT, "%,d", every), ""));
    }

    /** A step size in prose as its shortest decimal, 0.00005 rather than 5.000e-05. */
    private static String plain(double rate) {
        return BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString();
    }

    private static String percent(double fraction) {
        return Tables.number(100 * fraction) + " %";
    }

    /** What this run is: the protocol, its reduced form, or the pipeline check. */
    private static String sizeNote(Result r) {
        String what = String.format(Locale.ROOT, "%,d generator steps, %d seed(s)", r.steps(), r.seeds());
        return switch (r.size()) {
            case QUICK -> "**Quick run** (" + what + "): this only checks the pipeline; the generators "
                    + "are barely trained and the numbers say nothing about the objectives.";
            case STANDARD -> "**Reduced protocol** (" + what + ", to fit the report's runtime budget): "
                    + "the table measures the objectives early in training, not converged; the "
                    + "protocol's table is `fganlab reproduce mode-coverage --full`.";
            case FULL -> "**Full protocol** (" + what + ").";
        };
    }

    private static String headline(Result r) {
        StringBuilder headline = new StringBuilder(String.format(Locale.ROOT,
                "%d objectives × 2 targets × %d seed(s) × %,d steps (%s); mean modes with a high-quality sample",
                PLAYERS.size(), r.seeds(), r.steps(), r.size().label()));
        for (Case c : CASES) {
            headline.append(String.format(Locale.ROOT, " %s (of %d): %s;", c.label(), c.mixture().modeCount(),
                    r.of(c).stream().map(x -> x.player().label() + " " + (x.ok().isEmpty() ? "diverged"
                            : Tables.number(x.mean(ModeCoverageExperiment::covered))))
                            .collect(Collectors.joining(", "))));
        }
        headline.setLength(headline.length() - 1);
        return headline.toString();
    }

    /** The two metrics whose difference from the reference row gets a bootstrap interval. */
    enum Compared {
        MODES("modes", ModeCoverageExperiment::covered),
        HIGH_QUALITY("high quality", ModeCoverageExperiment::hqPercent);

        final String label;
        final ToDoubleFunction<ModeCoverage.Result> metric;

        Compared(String label, ToDoubleFunction<ModeCoverage.Result> metric) {
            this.label = label;
            this.metric = metric;
        }
    }

    /**
     * Every non-reference cell's bootstrap interval of its difference from its target's reference
     * row, per compared metric (null where a side has fewer than two finished runs), computed once
     * for the table and the acceptance text.
     */
    static Map<Cell, Map<Compared, Bootstrap.Interval>> differences(Result r) {
        Map<Cell, Map<Compared, Bootstrap.Interval>> out = new IdentityHashMap<>();
        for (Case c : CASES) {
            Cell ref = r.reference(c);
            for (Cell cell : r.of(c)) {
                if (cell != ref) {
                    Map<Compared, Bootstrap.Interval> m = new EnumMap<>(Compared.class);
                    for (Compared k : Compared.values()) {
                        m.put(k, cell.difference(ref, k.metric, r.seed()));
                    }
                    out.put(cell, m);
                }
            }
        }
        return out;
    }

    private static Tables table(Result r, Map<Cell, Map<Compared, Bootstrap.Interval>> differences) {
        Tables table = new Tables("target", "objective", "loss", "runs", "modes", "modes ≥ "
                + ModeCoverage.MIN_SAMPLES_PER_MODE, "high quality %", "KL(hist‖uniform), nats",
                "Δ modes vs " + REFERENCE, "Δ high quality % vs " + REFERENCE);
        for (Case c : CASES) {
            Cell ref = r.reference(c);
            for (Cell cell : r.of(c)) {
                String runsText = cell.ok().size() + "/" + cell.runs().size();
                if (cell.ok().isEmpty()) {
                    table.row(c.label(), cell.player().label(), loss(cell.player()), runsText,
                            "diverged", "", "", "", "", "");
                    continue;
                }
                boolean self = cell == ref;
                table.row(c.label(), cell.player().label(), loss(cell.player()), runsText,
                        pm(cell, ModeCoverageExperiment::covered), pm(cell, ModeCoverageExperiment::covered20),
                        pm(cell, ModeCoverageExperiment::hqPercent), pm(cell, ModeCoverageExperiment::kl),
                        self ? "—" : delta(cell, ref, Compared.MODES, differences.get(cell).get(Compared.MODES)),
                        self ? "—" : delta(cell, ref, Compared.HIGH_QUALITY,
                                differences.get(cell).get(Compared.HIGH_QUALITY)));
            }
        }
        return table;
    }

    /** "d [lo, hi]" for the difference of the means and its bootstrap interval; "n/a" below two seeds. */
    private static String delta(Cell cell, Cell ref, Compared k, Bootstrap.Interval ci) {
        ToDoubleFunction<ModeCoverage.Result> g = k.metric;
        if (ci == null) {
            return "n/a";
        }
        return Tables.number(cell.mean(g) - ref.mean(g)) + " [" + Tables.number(ci.low()) + ", "
                + Tables.number(ci.high()) + "]" + (ci.low() > 0 || ci.high() < 0 ? " *" : "");
    }

    /**
     * Whether the reference row meets PacGAN's GAN row on each target, and which rows differ
     * from it significantly (their interval excludes 0).
     */
    static String acceptance(Result r) {
        return acceptance(r, differences(r));
    }

    private static String acceptance(Result r, Map<Cell, Map<Compared, Bootstrap.Interval>> differences) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < CASES.size(); i++) {
            Case c = CASES.get(i);
            Acceptance a = ACCEPTANCE.get(i);
            Cell ref = r.reference(c);
            if (ref.ok().isEmpty()) {
                sb.append("**").append(c.label()).append("**: the ").append(REFERENCE)
                        .append(" row has no finished run. ");
                continue;
            }
            double modes = ref.mean(ModeCoverageExperiment::covered);
            double hq = ref.mean(ModeCoverageExperiment::hqPercent);
            boolean met = modes >= a.modes() && hq >= a.highQualityPercent();
            sb.append(String.format(Locale.ROOT, "**%s**: %s reaches %s modes at %s%% high quality against "
                    + "PacGAN's GAN row's %s modes and the required %s%%: %s. ", c.label(), REFERENCE,
                    Tables.number(modes), Tables.number(hq), Tables.number(a.modes()),
                    Tables.number(a.highQualityPercent()), met ? "met" : "not met"));
            if (r.seeds() >= 2) {
                List<String> sig = new ArrayList<>();
                for (Cell cell : r.of(c)) {
                    if (cell == ref) {
                        continue;
                    }
                    for (Compared k : Compared.values()) {
                        Bootstrap.Interval ci = differences.get(cell).get(k);
                        if (ci != null && (ci.low() > 0 || ci.high() < 0)) {
                            sig.add(cell.player().label() + " (" + k.label + ", " + (ci.low() > 0 ? "higher" : "lower") + ")");
                        }
                    }
                }
                sb.append(sig.isEmpty() ? "No row differs from " + REFERENCE + " beyond its 95% interval. "
                        : "Beyond the 95% interval (marked * in the table): " + String.join(", ", sig)
                                + "; every other difference is within it. ");
            }
        }
        return sb.append("\n\n").toString();
    }

    private static ObjectNode summary(Experiment e, Result r) {
        ObjectNode summary = Json.object().put("experiment", e.name()).put("size", r.size().label())
                .put("seeds", r.seeds()).put("steps", r.steps()).put("samples", ModeCoverageExperiment.SAMPLES)
                .put("batch", TrainingConfig.MODE_COVERAGE_BATCH)
                .put("hidden", Arrays.toString(TrainingConfig.MODE_COVERAGE_HIDDEN))
                .put("quality_radius_sigmas", ModeCoverage.QUALITY_RADIUS_SIGMAS)
                .put("min_samples_per_mode", ModeCoverage.MIN_SAMPLES_PER_MODE).put("reference", REFERENCE);
        ArrayNode arr = summary.putArray("cells");
        for (Cell cell : r.cells()) {
            ObjectNode o = arr.addObject().put("target", cell.target().label())
                    .put("spec", cell.target().mixture().spec()).put("objective", cell.player().label())
                    .put("generator_loss", loss(cell.player())).put("modes", cell.target().mixture().modeCount())
                    .put("runs", cell.ok().size()).put("diverged", cell.divergedRuns());
            ArrayNode per = o.putArray("per_seed");
            for (Run run : cell.runs()) {
                ObjectNode s = per.addObject().put("seed", run.seed());
                if (run.ok()) {
                    s.put("covered", run.metrics().modesCovered(1));
                    s.put("covered_20", run.metrics().modesCovered(ModeCoverage.MIN_SAMPLES_PER_MODE));
                    Json.put(s, "high_quality_percent", ModeCoverageExperiment.hqPercent(run.metrics()));
                    Json.put(s, "kl_from_uniform", run.metrics().klFromUniform());
                } else {
                    s.put("failure", run.failure());
                }
            }
            if (!cell.ok().isEmpty()) {
                putStats(o, "covered", cell, ModeCoverageExperiment::covered);
                putStats(o, "covered_20", cell, ModeCoverageExperiment::covered20);
                putStats(o, "high_quality_percent", cell, ModeCoverageExperiment::hqPercent);
                putStats(o, "kl_from_uniform", cell, ModeCoverageExperiment::kl);
            }
        }
        return summary;
    }

    /**
     * The data-driven findings for one target: which objectives put a high-quality sample on
     * every mode in every seed, which on fewer than half, which diverged, and how KL and reverse
     * KL compare with the mode-covering and mode-seeking expectation.
     */
    static String findings(Case c, List<Cell> cells) {
        int k = c.mixture().modeCount();
        List<String> all = cells.stream().filter(Cell::allCovered).map(x -> x.player().label()).toList();
        List<String> collapsed = cells.stream().filter(x -> !x.allCovered() && x.collapsed())
                .map(x -> x.player().label() + " (" + Tables.number(x.mean(ModeCoverageExperiment::covered)) + ")")
                .toList();
        List<String> diverged = cells.stream().filter(x -> x.divergedRuns() > 0)
                .map(x -> x.player().label() + " (" + x.divergedRuns() + "/" + x.runs().size() + " runs: "
                        + x.runs().stream().filter(run -> !run.ok()).map(Run::failure).findFirst().orElse("") + ")")
                .toList();
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
            return sb.append("KL against reverse KL: not comparable (a cell has no finished run).\n\n").toString();
        }
        return sb.append("KL against reverse KL: ")
                .append(sentence("modes covered:", ModeCoverageExperiment.compare(kl, rkl, ModeCoverageExperiment::covered, true)))
                .append(sentence("high-quality %:", ModeCoverageExperiment.compare(kl, rkl, ModeCoverageExperiment::hqPercent, false)))
                .append("\n\n").toString();
    }

    /** One comparison sentence: the two means, the expected order, and the gap against the seed spread. */
    private static String sentence(String what, Comparison c) {
        String text = String.format(Locale.ROOT, "%s kl %s, reverse-kl %s (%s the expected order", what,
                Tables.number(c.kl()), Tables.number(c.reverseKl()), c.expected() ? "in" : "not in");
        if (Double.isNaN(c.spread())) {
            return text + "; fewer than two seeds, no spread). ";
        }
        return text + String.format(Locale.ROOT, "; the gap %s is %s the sum of the seed deviations, %s). ",
                Tables.number(c.gap()), c.significant() ? "larger than" : "within", Tables.number(c.spread()));
    }

    private static void putStats(ObjectNode o, String field, Cell cell, ToDoubleFunction<ModeCoverage.Result> g) {
        SectionSupport.putStats(o, field, cell.mean(g), cell.std(g));
    }

    private static String pm(Cell cell, ToDoubleFunction<ModeCoverage.Result> g) {
        return SectionSupport.pm(cell.mean(g), cell.std(g));
    }

    private static void writeRuns(Path dir, List<Cell> cells) {
        Tables csv = new Tables("target", "objective", "generator_loss", "seed", "covered", "covered_20", "modes",
                "high_quality_percent", "kl_from_uniform", "mode_counts", "failure");
        for (Cell cell : cells) {
            for (Run r : cell.runs()) {
                ModeCoverage.Result m = r.metrics();
                csv.row(cell.target().label(), cell.player().label(), loss(cell.player()), r.seed(),
                        r.ok() ? m.modesCovered(1) : "", r.ok() ? m.modesCovered(ModeCoverage.MIN_SAMPLES_PER_MODE) : "",
                        cell.target().mixture().modeCount(),
                        r.ok() ? Tables.exact(ModeCoverageExperiment.hqPercent(m)) : "", r.ok() ? Tables.exact(m.klFromUniform()) : "",
                        r.ok() ? Arrays.stream(m.counts()).mapToObj(Integer::toString)
                                .collect(Collectors.joining(" ")) : "",
                        r.ok() ? "" : r.failure());
            }
        }
        AtomicFiles.writeString(dir.resolve("runs.csv"), csv.csv());
    }

    /** Every run's steps-versus-quality curve, one row per (run, step). */
    private static void writeCurves(Path dir, List<Cell> cells) {
        Tables csv = new Tables("target", "objective", "seed", "step", "covered", "covered_20",
                "high_quality_percent", "kl_from_uniform");
        for (Cell cell : cells) {
            for (Run r : cell.ok()) {
                for (CoveragePoint p : r.curve()) {
                    ModeCoverage.Result m = p.coverage();
                    csv.row(cell.target().label(), cell.player().label(), r.seed(), p.step(), m.modesCovered(1),
                            m.modesCovered(ModeCoverage.MIN_SAMPLES_PER_MODE),
                            Tables.exact(ModeCoverageExperiment.hqPercent(m)), Tables.exact(m.klFromUniform()));
                }
            }
        }
        AtomicFiles.writeString(dir.resolve("curves.csv"), csv.csv());
    }

    static String scatterFile(Case c) {
        return "scatter-" + c.label() + ".png";
    }

    static String curveFile(Case c) {
        return "curves-" + c.label() + ".png";
    }

    /** Two panels: the mean over seeds of modes and of the high-quality % against the step. */
    private static void writeCurvePlot(Path dir, Case c, List<Cell> cells, int steps) {
        List<Plots.Series> modes = new ArrayList<>();
        List<Plots.Series> quality = new ArrayList<>();
        int colour = 0;
        for (Cell cell : cells) {
            List<Run> ok = cell.ok();
            if (ok.isEmpty() || ok.get(0).curve().isEmpty()) {
                colour++;
                continue;
            }
            int n = ok.get(0).curve().size();
            double[] x = new double[n];
            double[] m = new double[n];
            double[] q = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = ok.get(0).curve().get(i).step();
                for (Run r : ok) {
                    m[i] += ModeCoverageExperiment.covered(r.curve().get(i).coverage()) / ok.size();
                    q[i] += ModeCoverageExperiment.hqPercent(r.curve().get(i).coverage()) / ok.size();
                }
            }
            modes.add(new Plots.Series(cell.player().label(), x, m, Plots.Style.LINE, Plots.colour(colour)));
            quality.add(new Plots.Series(cell.player().label(), x, q, Plots.Style.LINE, Plots.colour(colour)));
            colour++;
        }
        if (modes.isEmpty()) {
            return;
        }
        int k = c.mixture().modeCount();
        Plots.panels(dir.resolve(curveFile(c)), String.format(Locale.ROOT,
                "%s: steps against quality (mean over seeds, coverage every %,d steps)", c.mixture().spec(),
                Math.max(1, steps / ModeCoverageExperiment.CURVE_POINTS)), List.of(
                new Plots.Panel("modes with a high-quality sample", "generator step", "modes", modes,
                        new double[] {0, steps, 0, k + 0.5}),
                new Plots.Panel("high-quality samples", "generator step", "%", quality,
                        new double[] {0, steps, 0, 100})), 2, 560, 420);
    }

    /** One panel per objective: the first seed's samples over the modes. */
    private static void writeScatter(Path dir, Case c, List<Cell> cells, int steps) {
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
                double[] x = new double[ModeCoverageExperiment.SAMPLES];
                double[] y = new double[ModeCoverageExperiment.SAMPLES];
                for (int i = 0; i < ModeCoverageExperiment.SAMPLES; i++) {
                    x[i] = r.samples()[2 * i];
                    y[i] = r.samples()[2 * i + 1];
                }
                series.add(new Plots.Series("generated", x, y, Plots.Style.POINTS));
                title = String.format(Locale.ROOT, "%s: %d/%d modes, %s%% high quality", cell.player().label(),
                        r.metrics().modesCovered(1), m.modeCount(), Tables.number(ModeCoverageExperiment.hqPercent(r.metrics())));
            } else {
                title = cell.player().label() + ": diverged";
            }
            series.add(new Plots.Series("modes", mx, my, Plots.Style.MARKERS));
            panels.add(new Plots.Panel(title, "x", "y", series, new double[] {-h, h, -h, h}));
        }
        Plots.panels(dir.resolve(scatterFile(c)), String.format(Locale.ROOT,
                "%s: %,d samples of the generator after %,d steps (seed %d), over the %d modes",
                m.spec(), ModeCoverageExperiment.SAMPLES, steps, cells.get(0).runs().get(0).seed(), m.modeCount()),
                panels, 4, 380, 380);
    }

    private static String loss(Player p) {
        return p.loss() == GeneratorLoss.MINIMAX ? "minimax" : "non-saturating";
    }
}
