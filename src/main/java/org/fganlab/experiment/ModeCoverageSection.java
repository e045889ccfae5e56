package org.fganlab.experiment;

import static org.fganlab.experiment.ModeCoverageExperiment.BATCH;
import static org.fganlab.experiment.ModeCoverageExperiment.CASES;
import static org.fganlab.experiment.ModeCoverageExperiment.CLIP;
import static org.fganlab.experiment.ModeCoverageExperiment.HIDDEN;
import static org.fganlab.experiment.ModeCoverageExperiment.LATENT;
import static org.fganlab.experiment.ModeCoverageExperiment.LEARNING_RATE;
import static org.fganlab.experiment.ModeCoverageExperiment.PLAYERS;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fganlab.density.GaussianMixture2D;
import org.fganlab.experiment.ModeCoverageExperiment.Case;
import org.fganlab.experiment.ModeCoverageExperiment.Cell;
import org.fganlab.experiment.ModeCoverageExperiment.Comparison;
import org.fganlab.experiment.ModeCoverageExperiment.Player;
import org.fganlab.experiment.ModeCoverageExperiment.Result;
import org.fganlab.experiment.ModeCoverageExperiment.Run;
import org.fganlab.gan.GeneratorLoss;
import org.fganlab.gan.ModeCoverage;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;
import org.fganlab.report.Plots;
import org.fganlab.report.Tables;

/** Renders a {@link ModeCoverageExperiment.Result}: CSV, JSON summary, scatter plots, Markdown. */
final class ModeCoverageSection {

    private ModeCoverageSection() {
    }

    /**
     * Arguments: 1 title, 2 ring spec, 3 grid spec, 4 latent, 5 and 6 hidden widths, 7 batch,
     * 8 learning rate, 9 steps, 10 seeds, 11 clip, 12 samples, 13 quality radius, 14 minimum
     * samples per mode, 15 log 8, 16 log 25, 17 table, 18 quick note, 19 findings, 20 plots,
     * 21 prefix.
     */
    private static final String SECTION = """
            ## mode-coverage: %1$s

            Targets: `%2$s` (8 modes on a circle of radius 2, σ = 0.02) and `%3$s` (5×5 modes at \
            spacing 2, σ = 0.05), the mode-collapse benchmarks of Metz et al. 2017 and Srivastava et \
            al. 2017. Generator: MLP %4$d-%5$d-%6$d-2 (ReLU), z ~ N(0, I); critic V: MLP \
            2-%5$d-%6$d-1 (tanh), T = g_f(V) for the f-GAN objectives; single-step gradient (f-GAN \
            Algorithm 1); batches of %7$d; Adam (step %8$s, β1 = 0.5, β2 = 0.999); %9$s steps; %10$d \
            seed(s). Generator loss: the saddle (minimax) objective F of the divergence for kl, \
            reverse-kl, js and pearson, so that the generator descends the variational estimate of \
            exactly that divergence; the non-saturating loss −E_Q[log D(G(z))] for gan (Goodfellow et \
            al. 2014, §3); the Wasserstein critic (Arjovsky et al. 2017) has a = b = identity and its \
            weights clipped to [−%11$s, %11$s] after every step (one critic step per generator step \
            here, not the paper's five).

            Metrics on %12$s fresh samples per trained generator (`org.fganlab.gan.ModeCoverage`): a \
            sample is high quality if it lies within %13$sσ of its nearest mode; a mode is covered if \
            it receives at least %14$d high-quality samples; KL(hist‖uniform) compares the histogram \
            of high-quality samples over their nearest modes with the uniform distribution over the \
            modes (0 = balanced, log 8 = %15$s and log 25 = %16$s = every high-quality sample on one \
            mode; +inf if no sample is high quality). Mean ± sample standard deviation over the \
            seeds. The runs are short next to the literature's (tens of thousands of steps, e.g. Metz \
            et al. 2017) because the whole report has a runtime budget; the table measures the \
            objectives at this budget, and the grid in particular is still improving when training \
            stops.

            %17$s
            %18$sWhat to look for: KL(P‖Q) is mode-covering (it is +∞ where P has mass and Q has \
            none), reverse KL(Q‖P) mode-seeking (it is +∞ where Q puts mass outside P), so the \
            expectation is that KL covers at least as many modes and reverse KL has at least as many \
            high-quality samples. The sentences below are generated from the table.

            %19$s%20$sData: [`runs.csv`](%21$sruns.csv) (one row per run, with the per-mode counts), \
            [`summary.json`](%21$ssummary.json).
            """;

    private static final String QUICK_NOTE = "**Quick run**: %d steps only check the pipeline; the "
            + "generators are barely trained and the numbers say nothing about the objectives.\n\n";

    /** Writes runs.csv and one scatter plot per target into dir; returns summary and section. */
    static Experiment.Outcome render(Experiment e, Result r, Path dir) {
        writeRuns(dir, r.cells());
        for (Case c : CASES) {
            writeScatter(dir, c, r.of(c), r.steps());
        }
        String table = table(r).markdown();
        String quick = r.quick() ? String.format(Locale.ROOT, QUICK_NOTE, r.steps()) : "";
        String findings = CASES.stream().map(c -> findings(c, r.of(c))).collect(Collectors.joining());
        return new Experiment.Outcome(summary(e, r), headline(r), prefix -> String.format(Locale.ROOT,
                SECTION, e.title(), CASES.get(0).mixture().spec(), CASES.get(1).mixture().spec(), LATENT,
                HIDDEN[0], HIDDEN[1], BATCH, Tables.number(LEARNING_RATE),
                String.format(Locale.ROOT, "%,d", r.steps()), r.seeds(), Tables.number(CLIP),
                String.format(Locale.ROOT, "%,d", ModeCoverageExperiment.SAMPLES),
                Tables.number(ModeCoverage.QUALITY_RADIUS_SIGMAS), ModeCoverage.MIN_SAMPLES_PER_MODE,
                Tables.number(Math.log(8)), Tables.number(Math.log(25)), table, quick, findings,
                CASES.stream().map(c -> "![" + c.label() + "](" + prefix + scatterFile(c) + ")\n\n")
                        .collect(Collectors.joining()), prefix));
    }

    private static String headline(Result r) {
        StringBuilder headline = new StringBuilder(String.format(Locale.ROOT,
                "%d objectives × 2 targets × %d seed(s) × %,d steps; mean modes covered", PLAYERS.size(),
                r.seeds(), r.steps()));
        for (Case c : CASES) {
            headline.append(String.format(Locale.ROOT, " %s (of %d): %s;", c.label(), c.mixture().modeCount(),
                    r.of(c).stream().map(x -> x.player().label() + " " + (x.ok().isEmpty() ? "diverged"
                            : Tables.number(x.mean(ModeCoverageExperiment::covered))))
                            .collect(Collectors.joining(", "))));
        }
        headline.setLength(headline.length() - 1);
        return headline.toString();
    }

    private static Tables table(Result r) {
        Tables table = new Tables("target", "objective", "loss", "runs", "modes covered", "high quality %",
                "KL(hist‖uniform), nats");
        for (Cell cell : r.cells()) {
            String runsText = cell.ok().size() + "/" + cell.runs().size();
            if (cell.ok().isEmpty()) {
                table.row(cell.target().label(), cell.player().label(), loss(cell.player()), runsText,
                        "diverged", "", "");
                continue;
            }
            table.row(cell.target().label(), cell.player().label(), loss(cell.player()), runsText,
                    pm(cell, ModeCoverageExperiment::covered), pm(cell, ModeCoverageExperiment::hqPercent),
                    pm(cell, ModeCoverageExperiment::kl));
        }
        return table;
    }

    private static ObjectNode summary(Experiment e, Result r) {
        ObjectNode summary = Json.object().put("experiment", e.name()).put("seeds", r.seeds())
                .put("steps", r.steps()).put("samples", ModeCoverageExperiment.SAMPLES).put("batch", BATCH)
                .put("latent_dimension", LATENT).put("hidden", Arrays.toString(HIDDEN))
                .put("quality_radius_sigmas", ModeCoverage.QUALITY_RADIUS_SIGMAS)
                .put("min_samples_per_mode", ModeCoverage.MIN_SAMPLES_PER_MODE);
        Json.put(summary, "learning_rate", LEARNING_RATE);
        Json.put(summary, "wasserstein_clip", CLIP);
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
                    s.put("modes_covered", run.metrics().modesCovered());
                    Json.put(s, "high_quality_percent", ModeCoverageExperiment.hqPercent(run.metrics()));
                    Json.put(s, "kl_from_uniform", run.metrics().klFromUniform());
                } else {
                    s.put("failure", run.failure());
                }
            }
            if (!cell.ok().isEmpty()) {
                putStats(o, "modes_covered", cell, ModeCoverageExperiment::covered);
                putStats(o, "high_quality_percent", cell, ModeCoverageExperiment::hqPercent);
                putStats(o, "kl_from_uniform", cell, ModeCoverageExperiment::kl);
            }
        }
        return summary;
    }

    /**
     * The data-driven findings for one target: which objectives covered every mode, which covered
     * fewer than half, which diverged, and how KL and reverse KL compare with the mode-covering
     * and mode-seeking expectation.
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
        Tables csv = new Tables("target", "objective", "generator_loss", "seed", "modes_covered", "modes",
                "high_quality_percent", "kl_from_uniform", "mode_counts", "failure");
        for (Cell cell : cells) {
            for (Run r : cell.runs()) {
                ModeCoverage.Result m = r.metrics();
                csv.row(cell.target().label(), cell.player().label(), loss(cell.player()), r.seed(),
                        r.ok() ? m.modesCovered() : "", cell.target().mixture().modeCount(),
                        r.ok() ? Tables.exact(ModeCoverageExperiment.hqPercent(m)) : "", r.ok() ? Tables.exact(m.klFromUniform()) : "",
                        r.ok() ? Arrays.stream(m.counts()).mapToObj(Integer::toString)
                                .collect(Collectors.joining(" ")) : "",
                        r.ok() ? "" : r.failure());
            }
        }
        AtomicFiles.writeString(dir.resolve("runs.csv"), csv.csv());
    }

    static String scatterFile(Case c) {
        return "scatter-" + c.label() + ".png";
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
                        r.metrics().modesCovered(), m.modeCount(), Tables.number(ModeCoverageExperiment.hqPercent(r.metrics())));
            } else {
                title = cell.player().label() + ": diverged";
            }
            series.add(new Plots.Series("modes", mx, my, Plots.Style.MARKERS));
            panels.add(new Plots.Panel(title, "x", "y", series, new double[] {-h, h, -h, h}));
        }
        Plots.panels(dir.resolve(scatterFile(c)), String.format(Locale.ROOT,
                "%s: %,d samples of the generator after %,d steps (seed %d), over the %d modes",
                m.spec(), ModeCoverageExperiment.SAMPLES, steps, cells.get(0).runs().get(0).seed(), m.modeCount()),
                panels, 3, 420, 420);
    }

    private static String loss(Player p) {
        return p.loss() == GeneratorLoss.MINIMAX ? "minimax" : "non-saturating";
    }
}
