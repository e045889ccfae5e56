package org.fganlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.fganlab.density.GaussianMixture2D;
import org.fganlab.gan.CoveragePoint;
import org.fganlab.gan.HistoryPoint;
import org.fganlab.gan.ModeCoverage;
import org.fganlab.gan.TrainingResult;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;
import org.fganlab.report.Plots;
import org.fganlab.report.Tables;

/**
 * The files of {@code fganlab train --out DIR}: summary.json, history.csv, training.png, and on a
 * 2-D mixture target coverage.csv (the steps-versus-quality curve) and scatter.png (the scored
 * samples over the modes).
 */
final class TrainingReport {

    private TrainingReport() {
    }

    /**
     * Writes the files atomically into dir (created if needed).
     *
     * @param samples the samples mode coverage scored (x, y interleaved), or null: then no
     *     scatter plot
     * @throws java.io.UncheckedIOException if a file cannot be written
     */
    static void write(Path dir, TrainingResult r, double[] samples) {
        Json.write(dir.resolve("summary.json"), JsonDocuments.training(r, true));
        AtomicFiles.writeString(dir.resolve("history.csv"), historyCsv(r.history()));
        Plots.xy(dir.resolve("training.png"), "Training: " + r.config().objective().name()
                        + " on " + r.config().target().describe(), "generator step",
                "nats", curves(r.history()), 900, 500);
        GaussianMixture2D m = r.config().target().mixture();
        if (m == null || r.modeCoverage() == null) {
            return;
        }
        AtomicFiles.writeString(dir.resolve("coverage.csv"), coverageCsv(r.coverageHistory()));
        if (samples != null) {
            scatter(dir.resolve("scatter.png"), r, m, samples);
        }
    }

    /**
     * The steps-versus-quality curve as CSV: step, modes, covered (≥ 1 high-quality sample),
     * covered_20, high_quality_percent, kl_from_uniform.
     */
    static String coverageCsv(List<CoveragePoint> points) {
        Tables csv = new Tables("step", "modes", "covered", "covered_20", "high_quality_percent",
                "kl_from_uniform");
        for (CoveragePoint p : points) {
            ModeCoverage.Result c = p.coverage();
            csv.row(p.step(), c.modeCount(), c.modesCovered(1),
                    c.modesCovered(ModeCoverage.MIN_SAMPLES_PER_MODE),
                    Tables.exact(100 * c.highQualityFraction()), Tables.exact(c.klFromUniform()));
        }
        return csv.csv();
    }

    /** The scored samples over the modes, in a window of the modes' extent plus a margin. */
    private static void scatter(Path file, TrainingResult r, GaussianMixture2D m, double[] samples) {
        int n = samples.length / 2;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = samples[2 * i];
            y[i] = samples[2 * i + 1];
        }
        double[] mx = IntStream.range(0, m.modeCount()).mapToDouble(m::modeX).toArray();
        double[] my = IntStream.range(0, m.modeCount()).mapToDouble(m::modeY).toArray();
        double half = 1;
        for (int k = 0; k < m.modeCount(); k++) {
            half = Math.max(half, Math.max(Math.abs(mx[k]), Math.abs(my[k])) * 1.5);
        }
        ModeCoverage.Result c = r.modeCoverage();
        String title = String.format(Locale.ROOT, "%s, %s, %,d steps, seed %d: %d/%d modes, %.1f%% high quality",
                m.spec(), r.config().objective().name(), r.config().plan().steps(), r.config().seed(),
                c.modesCovered(1), c.modeCount(), 100 * c.highQualityFraction());
        Plots.panels(file, title, List.of(new Plots.Panel(n + " generated samples", "x", "y", List.of(
                new Plots.Series("generated", x, y, Plots.Style.POINTS),
                new Plots.Series("modes", mx, my, Plots.Style.MARKERS)), new double[] {-half, half, -half, half})),
                1, 640, 640);
    }

    /**
     * The history as CSV: step, estimate, mu, sigma, mean_critic_real, mean_critic_fake, exact
     * (full precision; empty where a field does not apply).
     */
    static String historyCsv(List<HistoryPoint> history) {
        Tables csv = new Tables("step", "estimate", "mu", "sigma", "mean_critic_real",
                "mean_critic_fake", "exact");
        for (HistoryPoint p : history) {
            csv.row(p.step(), Tables.exact(p.estimate()), Tables.exact(p.mu()), Tables.exact(p.sigma()),
                    Tables.exact(p.meanCriticReal()), Tables.exact(p.meanCriticFake()), Tables.exact(p.exact()));
        }
        return csv.csv();
    }

    /** F̂ and the exact divergence against the step. */
    private static List<Plots.Series> curves(List<HistoryPoint> history) {
        int n = history.size();
        double[] step = new double[n];
        double[] est = new double[n];
        double[] exact = new double[n];
        for (int i = 0; i < n; i++) {
            step[i] = history.get(i).step();
            est[i] = history.get(i).estimate();
            exact[i] = history.get(i).exact();
        }
        List<Plots.Series> s = new ArrayList<>();
        s.add(new Plots.Series("variational estimate F", step, est, Plots.Style.LINE));
        s.add(new Plots.Series("exact divergence of Q_theta", step, exact, Plots.Style.DASHED));
        return s;
    }
}
