package org.fganlab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
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
import org.fganlab.nn.Activation;
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
            "generator, 1-D target). --div w1 trains a Wasserstein critic instead, weight-",
            "clipped (Arjovsky et al. 2017) or with --penalty (Gulrajani et al. 2017).",
            "",
            "On a 2-D target (ring, grid) the generator is an MLP and every option left out",
            "takes the lab's mode-coverage protocol (docs/mode-coverage-protocol.md), and the",
            "run ends with the mode coverage of 2,500 samples: modes with a high-quality",
            "sample (within 3 sigma), with at least 20, the high-quality percentage and KL",
            "of the mode histogram from uniform.",
            ""},
        footer = {"Example:",
            "  fganlab train --target '0.33*normal(-1,0.25) + 0.67*normal(2,1.415)' \\",
            "                --div kl --steps 2000",
            "",
            "On a 2-D target, with the mode-coverage protocol (a few minutes):",
            "  fganlab train --target 'ring(8,2,0.02)' --div gan --out ring-gan"})
final class TrainCommand implements Callable<Integer> {

    /** The files of --out DIR, as TrainingReport writes them. */
    static final List<String> OUT_FILES = List.of("summary.json", "history.csv", "training.png",
            "coverage.csv", "scatter.png");

    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "SPEC", converter = TargetConverter.class,
            description = "Data distribution P: a 1-D density spec, or a 2-D target ring(k,r,sigma)"
                    + " or grid(n,spacing,sigma).")
    Target target;

    @Option(names = "--div", required = true, paramLabel = "NAME",
            description = "Divergence (see 'fganlab divergences'), or w1 for a Wasserstein critic.")
    String div;

    @Option(names = "--generator", paramLabel = "KIND",
            description = "gaussian (mu + sigma z, 1-D only) or mlp (default: gaussian on a 1-D"
                    + " target, mlp on a 2-D one).")
    TrainingConfig.GeneratorKind generator;

    @Option(names = "--steps", paramLabel = "N",
            description = "Generator steps (default: 5000; 30000 in the 2-D protocol).")
    Integer steps;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--loss", paramLabel = "LOSS",
            description = "minimax or non-saturating (default: minimax; in the 2-D protocol"
                    + " non-saturating for gan).")
    String loss;

    @Option(names = "--schedule", paramLabel = "SCHEDULE",
            description = "single-step, or alternating:K for K critic steps per generator step"
                    + " (default: single-step; in the 2-D protocol alternating:1, alternating:5"
                    + " for w1).")
    String schedule;

    @Option(names = "--critic-steps", paramLabel = "K",
            description = "Critic steps per generator step: the same as --schedule alternating:K.")
    Integer criticSteps;

    @Option(names = "--batch", paramLabel = "N",
            description = "Batch size from P and from Q (default: 1024; 256 in the 2-D protocol).")
    Integer batch;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "adam or rmsprop, both players (default: adam; in the 2-D protocol"
                    + " rmsprop for w1 with clipping).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Step size, both players (default: 0.01; in the 2-D protocol 5e-4, for"
                    + " w1 5e-5 with clipping and 1e-4 with --penalty).")
    Double learningRate;

    @Option(names = "--lr-decay", paramLabel = "FRACTION",
            description = "Over this last fraction of the steps both step sizes fall linearly"
                    + " towards 0, in [0, 1] (default: 0, constant; 0.5 in the 2-D protocol).")
    Double decay;

    @Option(names = "--beta1", paramLabel = "B",
            description = "Adam's first-moment decay in [0, 1) (default: 0.5; 0 for w1 with --penalty).")
    Double beta1;

    @Option(names = "--beta2", paramLabel = "B",
            description = "Adam's second-moment decay in [0, 1) (default: 0.999; 0.9 for w1 with --penalty).")
    Double beta2;

    @Option(names = "--latent", defaultValue = "2", paramLabel = "DIM", description = "Latent dimension of the mlp generator (default: ${DEFAULT-VALUE}).")
    int latent;

    @Option(names = "--generator-hidden", split = ",", paramLabel = "W",
            description = "Hidden widths of the mlp generator, e.g. 128,128,128 (default: 64,64;"
                    + " 128,128,128 in the 2-D protocol).")
    int[] generatorHidden;

    @Option(names = "--critic-hidden", split = ",", paramLabel = "W",
            description = "Hidden widths of the critic (default: 64,64; 128,128,128 in the 2-D protocol).")
    int[] criticHidden;

    @Option(names = "--critic-activation", paramLabel = "NAME",
            description = "tanh, relu or leaky-relu: the critic's hidden units (default: tanh; relu"
                    + " in the 2-D protocol).")
    String criticActivation;

    @Option(names = "--log-every", paramLabel = "N",
            description = "History interval in steps (default: 50; 100 in the 2-D protocol).")
    Integer logEvery;

    @Option(names = "--coverage-every", paramLabel = "N",
            description = "On a 2-D target, also measure the mode coverage every N steps (the"
                    + " steps-versus-quality curve; default: 0, only at the end; 1000 in the 2-D protocol).")
    Integer coverageEvery;

    @Option(names = "--clip", paramLabel = "C",
            description = "Weight clipping of the w1 critic (default: 0.01 unless --penalty is given).")
    Double clip;

    @Option(names = "--penalty", paramLabel = "LAMBDA",
            description = "Gradient penalty of the w1 critic (WGAN-GP, Gulrajani et al. 2017;"
                    + " replaces clipping; the paper's value is 10).")
    Double penalty;

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
        Discrepancy discrepancy = Discrepancy.parse(div);
        Objective objective;
        if (!(discrepancy instanceof Discrepancy.F f)) {
            if (penalty != null && clip != null) {
                throw new IllegalArgumentException("--clip " + clip + " and --penalty " + penalty
                        + " both given: the w1 critic takes one of them");
            }
            objective = penalty != null ? Objective.Wasserstein.withGradientPenalty(penalty)
                    : new Objective.Wasserstein(clip != null ? clip : 0.01);
        } else {
            if (clip != null || penalty != null) {
                throw new IllegalArgumentException((clip != null ? "--clip " + clip : "--penalty " + penalty)
                        + " applies to --div w1 only, got --div " + div);
            }
            objective = new Objective.FGan(f.divergence());
        }
        if (generator == null) {
            generator = target.dimension() == 2 ? TrainingConfig.GeneratorKind.MLP
                    : TrainingConfig.GeneratorKind.GAUSSIAN;
        }
        boolean protocol = generator == TrainingConfig.GeneratorKind.MLP && target.dimension() == 2;
        TrainingConfig.Builder b = protocol ? TrainingConfig.modeCoverageBuilder(target, objective)
                : TrainingConfig.builder(target, objective).networks(
                        generator == TrainingConfig.GeneratorKind.MLP
                                ? TrainingConfig.Networks.mlp(latent, new int[] {64, 64}, new int[] {64, 64})
                                : TrainingConfig.Networks.gaussian(64, 64));
        TrainingConfig base = b.seed(seed).build();
        TrainingConfig.Networks n = base.networks();
        Activation act = criticActivation == null ? n.criticActivation() : activation(criticActivation);
        b.networks(new TrainingConfig.Networks(n.generator(),
                generator == TrainingConfig.GeneratorKind.MLP ? latent : 1,
                generatorHidden != null ? generatorHidden : n.generatorHidden(),
                criticHidden != null ? criticHidden : n.criticHidden(), act));
        b.optimizer(optimizer(base.optimization().optimizer()));
        if (loss != null) {
            b.loss(GeneratorLoss.parse(loss));
        }
        if (schedule != null && criticSteps != null) {
            throw new IllegalArgumentException("--schedule " + schedule + " and --critic-steps "
                    + criticSteps + " both given: use one");
        }
        if (schedule != null) {
            b.schedule(Schedule.parse(schedule));
        }
        if (criticSteps != null) {
            if (criticSteps < 1 || criticSteps > 1000) {
                throw new IllegalArgumentException("--critic-steps must be in [1, 1000], got " + criticSteps);
            }
            b.schedule(new Schedule(criticSteps));
        }
        if (steps != null) {
            b.steps(steps);
        }
        if (batch != null) {
            b.batchSize(batch);
        }
        if (learningRate != null) {
            b.learningRate(learningRate);
        }
        if (decay != null) {
            b.decay(decay);
        }
        if (logEvery != null) {
            b.logEvery(logEvery);
        }
        if (coverageEvery != null) {
            b.coverageEvery(coverageEvery);
        }
        return b.build();
    }

    /** The optimiser of --optimizer, --beta1 and --beta2 over the protocol's or default one. */
    private TrainingConfig.Optimizer optimizer(TrainingConfig.Optimizer base) {
        String name = optimizer == null ? null : optimizer.trim().toLowerCase(Locale.ROOT);
        if (name != null && !name.equals("adam") && !name.equals("rmsprop")) {
            throw new IllegalArgumentException("unknown --optimizer '" + optimizer + "' (accepted: adam, rmsprop)");
        }
        boolean adam = name == null ? base instanceof TrainingConfig.Adam : name.equals("adam");
        if (!adam) {
            if (beta1 != null || beta2 != null) {
                throw new IllegalArgumentException("--beta1 and --beta2 apply to adam, the optimizer is rmsprop");
            }
            return base instanceof TrainingConfig.RmsProp r ? r : TrainingConfig.RmsProp.WGAN;
        }
        TrainingConfig.Adam a = base instanceof TrainingConfig.Adam x ? x : TrainingConfig.Adam.GAN;
        double b1 = beta1 != null ? beta1 : a.beta1();
        double b2 = beta2 != null ? beta2 : a.beta2();
        if (!(b1 >= 0 && b1 < 1)) {
            throw new IllegalArgumentException("--beta1 must be in [0, 1), got " + b1);
        }
        if (!(b2 >= 0 && b2 < 1)) {
            throw new IllegalArgumentException("--beta2 must be in [0, 1), got " + b2);
        }
        return new TrainingConfig.Adam(b1, b2, a.epsilon());
    }

    private static Activation activation(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "tanh" -> Activation.TANH;
            case "relu" -> Activation.RELU;
            case "leaky-relu" -> Activation.LEAKY_RELU;
            default -> throw new IllegalArgumentException("unknown --critic-activation '" + name
                    + "' (accepted: tanh, relu, leaky-relu)");
        };
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
        Trainer trainer = new Trainer(config);
        TrainingResult r = trainer.run(bar ? new ProgressBar(err) : null);
        if (out != null) {
            try (StagedFolder staged = StagedFolder.create(out)) {
                TrainingReport.write(staged.path(), r, r.modeCoverage() == null ? null : trainer.coverageSamples());
                staged.commit();
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.print(Json.toText(document(r)));
            return 0;
        }
        TrainingConfig.Networks n = config.networks();
        o.printf(Locale.ROOT, "target %s, %s, %s generator, %s loss, %s, %d steps, seed %d%n",
                target.describe(), objective.name(), generator.name().toLowerCase(Locale.ROOT),
                config.loss().cliName(), config.plan().schedule().cliName(), config.plan().steps(), seed);
        o.printf(Locale.ROOT, "generator hidden %s, critic hidden %s (%s), %s at %s, batch %d%n",
                Arrays.toString(n.generatorHidden()), Arrays.toString(n.criticHidden()),
                n.criticActivation().name().toLowerCase(Locale.ROOT),
                config.optimization().optimizer().describe(), config.optimization().learningRate(),
                config.optimization().batchSize());
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
            List<String> files = m == null ? OUT_FILES.subList(0, 3) : OUT_FILES;
            o.println("wrote " + out.resolve(files.get(0)) + ", "
                    + String.join(", ", files.subList(1, files.size())));
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
