package org.fganlab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fganlab.divergence.Discrepancy;
import org.fganlab.gan.GeneratorLoss;
import org.fganlab.gan.ModeCoverage;
import org.fganlab.gan.Objective;
import org.fganlab.gan.Schedule;
import org.fganlab.gan.Target;
import org.fganlab.gan.Trainer;
import org.fganlab.gan.TrainingConfig;
import org.fganlab.gan.TrainingResult;
import org.fganlab.report.Json;
import org.fganlab.report.StagedFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fganlab train}: a variational f-GAN (or Wasserstein critic) on a known target. */
@Command(name = "train", mixinStandardHelpOptions = true,
        header = "Train an f-GAN (or a Wasserstein critic) on a known target.",
        description = {"A generator against a critic T = g_f(V) on the f-GAN objective",
            "F = E_P[g_f(V(x))] - E_Q[f*(g_f(V(G(z))))] (Nowozin et al. 2016), tracking the",
            "exact divergence of the generator when its density is known (Gaussian",
            "generator, 1-D target). --div w1 trains a weight-clipped Wasserstein critic",
            "(Arjovsky et al. 2017) instead."},
        footer = {"Example:",
            "  fganlab train --target '0.33*normal(-1,0.25) + 0.67*normal(2,1.415)' \\",
            "                --div kl --steps 2000"})
final class TrainCommand implements Callable<Integer> {

    /** The files of --out DIR, as TrainingReport writes them. */
    static final List<String> OUT_FILES = List.of("summary.json", "history.csv", "training.png");

    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "SPEC", converter = TargetConverter.class,
            description = "Data distribution P: a 1-D density spec, or a 2-D target ring(k,r,sigma)"
                    + " or grid(n,spacing,sigma).")
    Target target;

    @Option(names = "--div", required = true, paramLabel = "NAME",
            description = "Divergence (see 'fganlab divergences'), or w1 for a Wasserstein critic.")
    String div;

    @Option(names = "--generator", defaultValue = "gaussian", paramLabel = "KIND",
            description = "gaussian (mu + sigma z, 1-D only) or mlp (default: ${DEFAULT-VALUE}).")
    TrainingConfig.GeneratorKind generator;

    @Option(names = "--steps", defaultValue = "5000", paramLabel = "N", description = "Generator steps (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--loss", defaultValue = "minimax", paramLabel = "LOSS",
            description = "minimax or non-saturating (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--schedule", defaultValue = "single-step", paramLabel = "SCHEDULE",
            description = "single-step or alternating:K, K critic steps per generator step (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--batch", defaultValue = "1024", paramLabel = "N", description = "Batch size from P and from Q (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.01", paramLabel = "RATE", description = "Adam step size, both players (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--latent", defaultValue = "2", paramLabel = "DIM", description = "Latent dimension of the mlp generator (default: ${DEFAULT-VALUE}).")
    int latent;

    @Option(names = "--log-every", defaultValue = "50", paramLabel = "N", description = "History interval in steps (default: ${DEFAULT-VALUE}).")
    int logEvery;

    @Option(names = "--clip", defaultValue = "0.01", paramLabel = "C", description = "Weight clipping of the w1 critic (default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write summary.json (with history), history.csv and training.png into"
                    + " this folder, checked before training and replaced as a whole at the end (a"
                    + " folder holding other files is refused).")
    Path out;

    @Option(names = "--json", description = "Print the JSON summary.")
    boolean json;

    /**
     * The run these options describe (also how {@code sweep} validates and runs a grid's runs).
     *
     * @throws IllegalArgumentException naming the bad value (unknown divergence, loss, schedule,
     *     or a value outside its range)
     */
    TrainingConfig config() {
        Objective objective = Discrepancy.parse(div) instanceof Discrepancy.F f
                ? new Objective.FGan(f.divergence()) : new Objective.Wasserstein(clip);
        int[] critic = {64, 64};
        TrainingConfig.Networks networks = generator == TrainingConfig.GeneratorKind.MLP
                ? TrainingConfig.Networks.mlp(latent, new int[] {64, 64}, critic)
                : TrainingConfig.Networks.gaussian(critic);
        return TrainingConfig.builder(target, objective).loss(GeneratorLoss.parse(loss))
                .networks(networks).schedule(Schedule.parse(schedule)).steps(steps)
                .batchSize(batch).learningRate(learningRate).seed(seed).logEvery(logEvery).build();
    }

    /** The document {@code train --json} prints (and {@code sweep run} stores per run). */
    static ObjectNode document(TrainingResult r) {
        return JsonDocuments.training(r, false);
    }

    @Override
    public Integer call() {
        TrainingConfig config = config();
        Objective objective = config.objective();
        if (out != null) {
            OutputFolder.checkReplaceable("--out", out, OUT_FILES);
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean bar = System.console() != null && !json;
        TrainingResult r = new Trainer(config).run(bar ? new ProgressBar(err) : null);
        if (out != null) {
            try (StagedFolder staged = StagedFolder.create(out)) {
                TrainingReport.write(staged.path(), r);
                staged.commit();
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.print(Json.toText(document(r)));
            return 0;
        }
        o.printf(Locale.ROOT, "target %s, %s, %s generator, %s loss, %s, %d steps, seed %d%n",
                target.describe(), objective.name(), generator.name().toLowerCase(Locale.ROOT),
                config.loss().cliName(), config.plan().schedule().cliName(), steps, seed);
        if (!Double.isNaN(r.mu())) {
            o.printf(Locale.ROOT, "trained mu = %.6f, sigma = %.6f (mean over the last steps)%n", r.mu(), r.sigma());
        }
        o.printf(Locale.ROOT, "variational estimate F = %.6f nats (mean over the last steps)%n", r.finalEstimate());
        if (!Double.isNaN(r.exact())) {
            o.printf(Locale.ROOT, "exact %s of the trained model = %.6f%n", objective.name(), r.exact());
        }
        ModeCoverage.Result m = r.modeCoverage();
        if (m != null) {
            o.printf(Locale.ROOT, "mode coverage of %d samples: %d of %d modes with a high-quality sample"
                    + " (%d with at least %d), %.1f%% high quality (within 3 sigma), KL(modes || uniform)"
                    + " = %.4f%n", m.sampleCount(), m.modesCovered(1), m.modeCount(),
                    m.modesCovered(ModeCoverage.MIN_SAMPLES_PER_MODE), ModeCoverage.MIN_SAMPLES_PER_MODE,
                    100 * m.highQualityFraction(), m.klFromUniform());
        }
        if (out != null) {
            o.println("wrote " + out.resolve(OUT_FILES.get(0)) + ", "
                    + String.join(", ", OUT_FILES.subList(1, OUT_FILES.size())));
        }
        return 0;
    }

    /** A one-line progress bar on a terminal (carriage return, updated every 1%). */
    static final class ProgressBar implements Trainer.Progress {
        private final PrintWriter err;
        private int lastPercent = -1;

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(int step, int steps, double estimate) {
            int percent = (int) (100L * step / steps);
            if (percent == lastPercent) {
                return;
            }
            lastPercent = percent;
            int filled = percent / 4;
            err.printf(Locale.ROOT, "\r[%s%s] %3d%%  step %d/%d  F = %.4f", "#".repeat(filled),
                    ".".repeat(25 - filled), percent, step, steps, estimate);
            if (step == steps) {
                err.println();
            }
            err.flush();
        }
    }
}
