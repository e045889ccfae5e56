package org.fganlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fganlab.gan.HistoryPoint;
import org.fganlab.gan.TrainingResult;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;
import org.fganlab.report.Plots;
import org.fganlab.report.Tables;

/** The files of {@code fganlab train --out DIR}: summary.json, history.csv, training.png. */
final class TrainingReport {

    private TrainingReport() {
    }

    /**
     * Writes the three files atomically into dir (created if needed).
     *
     * @throws java.io.UncheckedIOException if a file cannot be written
     */
    static void write(Path dir, TrainingResult r) {
        Json.write(dir.resolve("summary.json"), JsonDocuments.training(r, true));
        AtomicFiles.writeString(dir.resolve("history.csv"), historyCsv(r.history()));
        Plots.xy(dir.resolve("training.png"), "Training: " + r.config().objective().name()
                        + " on " + r.config().target().describe(), "generator step",
                "nats", curves(r.history()), 900, 500);
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
