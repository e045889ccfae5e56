package org.fganlab.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.density.Normal;
import org.fganlab.density.StandardNormal;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.divergence.SpecialFunctions;
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
import org.fganlab.theory.GeneratorGradients;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * {@code saturation}: why the non-saturating generator loss exists (Goodfellow et al. 2014, §3;
 * Arjovsky &amp; Bottou 2017, §2.2). Three parts:
 * <ol>
 *   <li>analytic: with D = σ(v) the slopes |∂/∂v log(1 − D)| = D (minimax) and
 *       |∂/∂v [−log D]| = 1 − D (non-saturating), read off the GAN row of {@link FDivergence}
 *       (b' = (f*∘g_f)' and a' = g_f'), over D ∈ [10⁻⁶, 1 − 10⁻⁶];</li>
 *   <li>measured: a GAN (objective {@code gan}) with a Gaussian generator started at N(0, 1)
 *       against P = N(4, 0.5²) and a strong discriminator (K critic steps per generator step);
 *       after every generator step the generator gradient |∂L/∂θ| of both losses at the same
 *       (ω, θ) on the same fresh latent batch, and the mean D(G(z));</li>
 *   <li>identities: Arjovsky &amp; Bottou 2017, Thm 2.5, over a grid of Gaussian generators
 *       against the gaussian-fit target, by {@link GeneratorGradients} (score-function integral
 *       against a five-point difference of exact divergences), in μ and in σ.</li>
 * </ol>
 */
public final class SaturationExperiment implements Experiment {

    /** The data distribution of part 2, far from the generator's start N(0, 1). */
    static final String TRAIN_TARGET = "normal(4,0.5)";
    /** Critic steps per generator step in part 2 (a strong discriminator). */
    static final int CRITIC_STEPS = 50;
    static final int STEPS = 150;
    static final int QUICK_STEPS = 20;
    static final int BATCH = 128;
    static final int PROBE_BATCH = 1024;
    /** Hidden widths of the critic of part 2 (tanh). */
    static final int[] CRITIC_HIDDEN = {32, 32};
    /** D values of the part-1 table. */
    static final double[] TABLE_D = {0.5, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6};
    static final double[] GRID_MU = {-2, -1, 0, 1, 2, 3, 4};
    static final double[] GRID_SIGMA = {0.5, 1, 1.5, 2};
    static final double[] QUICK_GRID_MU = {-1, 2};
    static final double[] QUICK_GRID_SIGMA = {0.5, 1.5};

    private static final FDivergence GAN = Divergences.byName("gan");

    /** Axis scales with the legend right of the plot (so that it never hides data). */
    static Plots.Options axes(boolean logX, boolean logY) {
        return new Plots.Options(logX, logY, true, List.of(), List.of());
    }

    @Override
    public String name() {
        return "saturation";
    }

    @Override
    public String title() {
        return "why the non-saturating generator loss exists: gradients of log(1 − D) and −log D";
    }

    /**
     * |∂/∂v| of the two generator losses at discriminator output D = σ(v), from the GAN row of
     * the divergence registry: minimax log(1 − D) = −f*(g_f(v)) has slope −(f*∘g_f)'(v) = −D;
     * non-saturating −log D = −g_f(v) has slope −g_f'(v) = −(1 − D).
     *
     * @param v the discriminator logit, finite
     * @return {|∂/∂v log(1 − D)|, |∂/∂v (−log D)|}
     */
    static double[] logitSlopes(double v) {
        return new double[] {Math.abs(GAN.conjugateOfActivationDerivative(v)),
            Math.abs(GAN.outputActivationDerivative(v))};
    }

    /** logit(D) = log(D/(1 − D)), for D in (0, 1). */
    static double logit(double d) {
        return Math.log(d) - Math.log1p(-d);
    }

    /** One logged generator step of part 2. */
    record Probe(int step, double mu, double sigma, double meanD, double minimaxNorm,
            double nonSaturatingNorm) {
    }

    /** One point of part 3. */
    record IdentityRow(double mu, double sigma, GeneratorGradients.Parameter parameter,
            GeneratorGradients.Result result) {
        double residual(boolean nonSaturating) {
            GeneratorGradients.Sides s = nonSaturating ? result.nonSaturating() : result.saturating();
            return s.scoreGradient() - s.finiteDifference();
        }

        double tolerance(boolean nonSaturating) {
            GeneratorGradients.Sides s = nonSaturating ? result.nonSaturating() : result.saturating();
            return s.scoreError() + s.finiteDifferenceError();
        }
    }

    @Override
    public Outcome run(Context ctx) {
        int steps = ctx.quick() ? QUICK_STEPS : STEPS;
        ctx.progress().accept("part 2: two GAN runs of " + steps + " generator steps");
        List<List<Probe>> runs = IntStream.range(0, 2).parallel()
                .mapToObj(i -> train(GeneratorLoss.values()[i], steps, ctx.seed()))
                .toList();
        ctx.progress().accept("part 3: generator-gradient identities");
        List<IdentityRow> identities = identities(ctx.quick());
        writeData(ctx, runs, identities);
        writePlots(ctx, runs, identities);
        return outcome(runs, identities, steps);
    }

    /** Part 2: one run trained with {@code loss}, both losses' gradients probed every step. */
    static List<Probe> train(GeneratorLoss loss, int steps, long seed) {
        Target target = Target.of(DensitySpec.parse(TRAIN_TARGET));
        TrainingConfig c = TrainingConfig.builder(target, new Objective.FGan(GAN)).loss(loss)
                .networks(TrainingConfig.Networks.gaussian(CRITIC_HIDDEN))
                .schedule(new Schedule(CRITIC_STEPS)).steps(steps).batchSize(BATCH)
                .learningRate(0.01).seed(seed).logEvery(1).build();
        Trainer trainer = new Trainer(c);
        CriticProbe probe = new CriticProbe(c.objective(), trainer.critic(), PROBE_BATCH);
        RandomGenerator rng = new Well19937c(seed ^ 0x5A7L);
        double[] z = new double[PROBE_BATCH];
        List<Probe> out = new ArrayList<>();
        for (int s = 1; s <= steps; s++) {
            trainer.step();
            double[] omega = trainer.criticParameters();
            double[] theta = trainer.generatorParameters();
            StandardNormal.fill(rng, z, z.length);
            double meanD = 0;
            for (double v : probe.fakeOutputs(omega, theta, z)) {
                meanD += SpecialFunctions.sigmoid(v);
            }
            meanD /= z.length;
            out.add(new Probe(s, GaussianGenerator.mu(theta), GaussianGenerator.sigma(theta), meanD,
                    probe.generatorGradient(omega, theta, z, GeneratorLoss.MINIMAX).norm(),
                    probe.generatorGradient(omega, theta, z, GeneratorLoss.NON_SATURATING).norm()));
        }
        return out;
    }

    /** Part 3: both identities in μ and σ over the grid, against the gaussian-fit target. */
    static List<IdentityRow> identities(boolean quick) {
        Density p = DensitySpec.parse(GaussianFitExperiment.TARGET);
        GeneratorGradients g = new GeneratorGradients(ExactDivergence.standard());
        List<IdentityRow> rows = new ArrayList<>();
        for (double sigma : quick ? QUICK_GRID_SIGMA : GRID_SIGMA) {
            for (double mu : quick ? QUICK_GRID_MU : GRID_MU) {
                for (GeneratorGradients.Parameter par : GeneratorGradients.Parameter.values()) {
                    GeneratorGradients.Result r = g.at(p, new Normal(mu, sigma), par);
                    if (r != null) {
                        rows.add(new IdentityRow(mu, sigma, par, r));
                    }
                }
            }
        }
        return rows;
    }

    private static void writeData(Context ctx, List<List<Probe>> runs, List<IdentityRow> ids) {
        Tables analytic = new Tables("D", "logit_v", "minimax_slope", "non_saturating_slope");
        for (double v : logitGrid()) {
            double[] s = logitSlopes(v);
            analytic.row(Tables.exact(SpecialFunctions.sigmoid(v)), Tables.exact(v),
                    Tables.exact(s[0]), Tables.exact(s[1]));
        }
        Tables training = new Tables("trained_with", "step", "mu", "sigma", "mean_D_fake",
                "grad_norm_minimax", "grad_norm_non_saturating");
        for (int i = 0; i < runs.size(); i++) {
            for (Probe pr : runs.get(i)) {
                training.row(GeneratorLoss.values()[i].cliName(), pr.step(), Tables.exact(pr.mu()),
                        Tables.exact(pr.sigma()), Tables.exact(pr.meanD()),
                        Tables.exact(pr.minimaxNorm()), Tables.exact(pr.nonSaturatingNorm()));
            }
        }
        Tables identities = new Tables("mu", "sigma", "parameter", "identity", "score_gradient",
                "score_error", "finite_difference", "finite_difference_error", "residual");
        for (IdentityRow r : ids) {
            for (boolean ns : new boolean[] {false, true}) {
                GeneratorGradients.Sides s = ns ? r.result().nonSaturating() : r.result().saturating();
                identities.row(Tables.exact(r.mu()), Tables.exact(r.sigma()),
                        r.parameter().name().toLowerCase(Locale.ROOT),
                        ns ? "non-saturating" : "minimax", Tables.exact(s.scoreGradient()),
                        Tables.exact(s.scoreError()), Tables.exact(s.finiteDifference()),
                        Tables.exact(s.finiteDifferenceError()), Tables.exact(r.residual(ns)));
            }
        }
        AtomicFiles.writeString(ctx.dir().resolve("analytic.csv"), analytic.csv());
        AtomicFiles.writeString(ctx.dir().resolve("training.csv"), training.csv());
        AtomicFiles.writeString(ctx.dir().resolve("identities.csv"), identities.csv());
    }

    /** 401 logits, uniform in v, spanning D = σ(v) ∈ [10⁻⁶, 1 − 10⁻⁶]. */
    static double[] logitGrid() {
        double l = -logit(1e-6);
        double[] v = new double[401];
        for (int i = 0; i < v.length; i++) {
            v[i] = -l + 2 * l * i / (v.length - 1);
        }
        return v;
    }

    private static void writePlots(Context ctx, List<List<Probe>> runs, List<IdentityRow> ids) {
        double[] v = logitGrid();
        double[] d = new double[v.length];
        double[] mm = new double[v.length];
        double[] ns = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = SpecialFunctions.sigmoid(v[i]);
            double[] s = logitSlopes(v[i]);
            mm[i] = s[0];
            ns[i] = s[1];
        }
        Plots.xy(ctx.dir().resolve("slopes.png"),
                "Generator-loss slope in the discriminator logit v, D = sigmoid(v)",
                "D(G(z))", "|dL/dv|", List.of(
                        new Plots.Series("minimax log(1 - D): |slope| = D", d, mm, Plots.Style.LINE),
                        new Plots.Series("non-saturating -log D: |slope| = 1 - D", d, ns,
                                Plots.Style.DASHED)), 800, 500,
                axes(true, true));
        List<Plots.Series> grads = new ArrayList<>();
        List<Plots.Series> disc = new ArrayList<>();
        List<Plots.Series> ratio = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            String tag = "trained " + GeneratorLoss.values()[i].cliName();
            List<Probe> r = runs.get(i);
            double[] step = r.stream().mapToDouble(Probe::step).toArray();
            grads.add(new Plots.Series(tag + ": |grad minimax|", step,
                    r.stream().mapToDouble(Probe::minimaxNorm).toArray(), Plots.Style.LINE));
            grads.add(new Plots.Series(tag + ": |grad non-saturating|", step,
                    r.stream().mapToDouble(Probe::nonSaturatingNorm).toArray(), Plots.Style.DASHED));
            disc.add(new Plots.Series(tag, step, r.stream().mapToDouble(Probe::meanD).toArray(),
                    Plots.Style.LINE));
            ratio.add(new Plots.Series(tag + " (measured)",
                    r.stream().mapToDouble(Probe::meanD).toArray(),
                    r.stream().mapToDouble(p -> p.minimaxNorm() / p.nonSaturatingNorm()).toArray(),
                    Plots.Style.MARKERS));
        }
        double[] odds = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            odds[i] = d[i] / (1 - d[i]);
        }
        ratio.add(new Plots.Series("D/(1 - D) (constant critic slope)", d, odds, Plots.Style.LINE));
        Plots.xy(ctx.dir().resolve("training-gradients.png"),
                "Generator gradient |dL/dtheta| of both losses at the same critic, every step",
                "generator step", "|dL/dtheta| (nats per unit of theta)", grads, 900, 500,
                axes(false, true));
        Plots.xy(ctx.dir().resolve("training-discriminator.png"),
                "Mean D(G(z)) on 1,024 fresh generated samples",
                "generator step", "mean D(G(z))", disc, 900, 500,
                axes(false, true));
        Plots.xy(ctx.dir().resolve("gradient-ratio.png"),
                "Measured |grad minimax| / |grad non-saturating| against mean D(G(z))",
                "mean D(G(z))", "ratio", ratio, 800, 500,
                axes(true, true));
        List<Plots.Series> res = new ArrayList<>();
        for (GeneratorGradients.Parameter par : GeneratorGradients.Parameter.values()) {
            for (boolean nsId : new boolean[] {false, true}) {
                List<IdentityRow> sel = ids.stream().filter(r -> r.parameter() == par).toList();
                double[] idx = IntStream.range(0, sel.size()).asDoubleStream().toArray();
                res.add(new Plots.Series((nsId ? "non-saturating" : "minimax") + ", d/d"
                        + par.name().toLowerCase(Locale.ROOT), idx,
                        sel.stream().mapToDouble(r -> Math.abs(r.residual(nsId))).toArray(),
                        Plots.Style.MARKERS));
            }
        }
        Plots.xy(ctx.dir().resolve("identity-residuals.png"),
                "|score-function gradient - finite difference of exact divergences| over the grid",
                "grid point (sigma-major, then mu)", "|residual| (nats per unit)", res, 900, 500,
                axes(false, true));
    }

    private Outcome outcome(List<List<Probe>> runs, List<IdentityRow> ids, int steps) {
        ObjectNode summary = Json.object().put("experiment", name());
        // part 1
        ObjectNode analytic = summary.putObject("analytic");
        ArrayNode at = analytic.putArray("slopes");
        Tables t1 = new Tables("D(G(z))", "logit v", "slope of log(1 − D) in v, absolute (minimax)",
                "slope of −log D in v, absolute (non-saturating)", "ratio minimax / non-saturating");
        for (double dv : TABLE_D) {
            double v = logit(dv);
            double[] s = logitSlopes(v);
            ObjectNode o = at.addObject();
            Json.put(o, "D", dv);
            Json.put(o, "minimax", s[0]);
            Json.put(o, "non_saturating", s[1]);
            t1.row(dv, v, s[0], s[1], s[0] / s[1]);
        }
        // part 2
        ObjectNode training = summary.putObject("training");
        training.put("target", TRAIN_TARGET).put("initial_generator", "normal(0,1)")
                .put("critic_steps_per_generator_step", CRITIC_STEPS).put("steps", steps)
                .put("batch", BATCH).put("probe_batch", PROBE_BATCH);
        Tables t2 = new Tables("trained with", "mean D(G(z)) at step 1", "‖∇θ minimax‖ at step 1",
                "‖∇θ non-sat.‖ at step 1", "min mean D(G(z))", "median ratio minimax / non-sat.",
                "μ at the end", "σ at the end");
        double[] firstRatio = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            List<Probe> r = runs.get(i);
            Probe first = r.get(0);
            Probe last = r.get(r.size() - 1);
            double minD = r.stream().mapToDouble(Probe::meanD).min().orElseThrow();
            double medianRatio = median(r.stream()
                    .mapToDouble(p -> p.minimaxNorm() / p.nonSaturatingNorm()).toArray());
            firstRatio[i] = first.minimaxNorm() / first.nonSaturatingNorm();
            String loss = GeneratorLoss.values()[i].cliName();
            ObjectNode o = training.putObject(loss.replace('-', '_'));
            Json.put(o, "mean_D_step1", first.meanD());
            Json.put(o, "grad_minimax_step1", first.minimaxNorm());
            Json.put(o, "grad_non_saturating_step1", first.nonSaturatingNorm());
            Json.put(o, "ratio_step1", firstRatio[i]);
            Json.put(o, "min_mean_D", minD);
            Json.put(o, "median_ratio", medianRatio);
            Json.put(o, "final_mu", last.mu());
            Json.put(o, "final_sigma", last.sigma());
            t2.row(loss, first.meanD(), first.minimaxNorm(), first.nonSaturatingNorm(), minD,
                    medianRatio, last.mu(), last.sigma());
        }
        // part 3
        ObjectNode idj = summary.putObject("identities");
        idj.put("target", GaussianFitExperiment.TARGET).put("points", ids.size())
                .put("generators", ids.size() / 2);
        Tables t3 = new Tables("identity", "parameter", "max abs(score − difference)",
                "max abs(gradient)", "max abs(residual) / error estimate", "points");
        double worst = 0;
        double worstRatio = 0;
        ArrayNode ida = idj.putArray("max_residuals");
        for (boolean nsId : new boolean[] {false, true}) {
            for (GeneratorGradients.Parameter par : GeneratorGradients.Parameter.values()) {
                List<IdentityRow> sel = ids.stream().filter(r -> r.parameter() == par).toList();
                double maxRes = sel.stream().mapToDouble(r -> Math.abs(r.residual(nsId))).max().orElse(0);
                double maxGrad = sel.stream().mapToDouble(r -> Math.abs(nsId
                        ? r.result().nonSaturating().finiteDifference()
                        : r.result().saturating().finiteDifference())).max().orElse(0);
                double maxRatio = sel.stream().mapToDouble(r -> Math.abs(r.residual(nsId))
                        / r.tolerance(nsId)).max().orElse(0);
                worst = Math.max(worst, maxRes);
                worstRatio = Math.max(worstRatio, maxRatio);
                String idName = nsId ? "non-saturating: ∇E_Q[−log D*] = ∇[KL(Q‖P) − 2·JSD(P‖Q)]"
                        : "minimax: ∇E_Q[log(1 − D*)] = ∇ 2·JSD(P‖Q)";
                ObjectNode o = ida.addObject().put("identity", nsId ? "non-saturating" : "minimax")
                        .put("parameter", par.name().toLowerCase(Locale.ROOT));
                Json.put(o, "max_abs_residual", maxRes);
                Json.put(o, "max_abs_gradient", maxGrad);
                Json.put(o, "max_residual_over_error_estimate", maxRatio);
                t3.row(idName, "∂/∂" + (par == GeneratorGradients.Parameter.MU ? "μ" : "σ"),
                        maxRes, maxGrad, maxRatio, sel.size());
            }
        }
        Json.put(idj, "max_abs_residual", worst);
        Json.put(idj, "max_residual_over_error_estimate", worstRatio);
        double slopeAt1e6 = logitSlopes(logit(1e-6))[0];
        Json.put(analytic, "minimax_slope_at_1e-6", slopeAt1e6);
        String headline = String.format(Locale.ROOT,
                "at D(G(z)) = 1e-6 the minimax slope is %s vs %s non-saturating; measured with a "
                        + "%d-step critic: ‖∇ minimax‖ / ‖∇ non-sat.‖ = %s after the first generator "
                        + "step (mean D = %s); "
                        + "the Arjovsky–Bottou identities hold to %s over %d generators",
                Tables.number(slopeAt1e6), Tables.number(logitSlopes(logit(1e-6))[1]),
                CRITIC_STEPS, Tables.number(firstRatio[0]), Tables.number(runs.get(0).get(0).meanD()),
                Tables.number(worst), ids.size() / 2);
        List<Probe> mmRun = runs.get(0);
        List<Probe> nsRun = runs.get(1);
        String saturates = String.format(Locale.ROOT,
                "In the run trained with the minimax loss the mean D(G(z)) after the first step is %s,"
                        + " and the minimax gradient is %s times the non-saturating one at the same "
                        + "critic. Yet after %d steps μ is %s (minimax) against %s (non-saturating): "
                        + "Adam divides each step by a running root-mean-square of the gradient, so a "
                        + "gradient that is uniformly small still moves θ by about the step size. "
                        + "Saturation stalls plain gradient descent, whose step is proportional to "
                        + "the gradient, and leaves an adaptive optimiser only the direction, until "
                        + "the gradient falls below Adam's ε = 1e-8.",
                Tables.number(mmRun.get(0).meanD()), Tables.number(firstRatio[0]), steps,
                Tables.number(mmRun.get(mmRun.size() - 1).mu()),
                Tables.number(nsRun.get(nsRun.size() - 1).mu()));
        return new Outcome(summary, headline, prefix -> "## saturation: " + title() + "\n\n"
                + "### 1. The slopes as functions of D(G(z))\n\n"
                + "With D = σ(v) (v the discriminator logit), the GAN row of the registry gives "
                + "a = g_f = log σ(v) = log D and b = f*∘g_f = softplus(v) = −log(1 − D). The minimax "
                + "generator loss E_Q[log(1 − D)] = −E_Q[b(v)] has slope −b'(v) = −D; the "
                + "non-saturating loss −E_Q[log D] = −E_Q[a(v)] has slope −a'(v) = −(1 − D). A "
                + "confident discriminator rejecting fakes (D → 0) makes the minimax slope vanish "
                + "like D while the non-saturating slope tends to 1. Values from "
                + "`conjugateOfActivationDerivative` and `outputActivationDerivative`:\n\n"
                + t1.markdown() + "\n![slopes](" + prefix + "slopes.png)\n\n"
                + "### 2. Measured in early training with a strong discriminator\n\n"
                + "Objective `gan`, P = `" + TRAIN_TARGET + "`, generator G(z) = μ + σz started at "
                + "N(0, 1); critic MLP 1-" + CRITIC_HIDDEN[0] + "-" + CRITIC_HIDDEN[1] + "-1 (tanh); "
                + CRITIC_STEPS + " critic steps per "
                + "generator step (alternating:" + CRITIC_STEPS + "); batches of " + BATCH
                + "; Adam (step 0.01, β1 = 0.5); " + steps + " generator steps; one run trained "
                + "with each loss. After every generator step, at the same critic ω and generator θ "
                + "and on the same " + PROBE_BATCH + " fresh latent draws, ‖∂L/∂θ‖ (θ = (μ, log σ)) of "
                + "both losses by the critic's input gradient and the chain rule "
                + "(∂G/∂μ = 1, ∂G/∂log σ = σz), and the mean D(G(z)).\n\n"
                + t2.markdown() + "\n" + saturates + "\n\n"
                + "![gradients](" + prefix + "training-gradients.png)\n\n"
                + "![discriminator](" + prefix + "training-discriminator.png)\n\n"
                + "The ratio of the two measured gradients against the mean D(G(z)), beside "
                + "D/(1 − D), the ratio when D and the critic's slope ∂V/∂x are the same at every "
                + "generated sample; where they vary across the batch the ratio of the two batch "
                + "means differs from that curve:\n\n![ratio](" + prefix + "gradient-ratio.png)\n\n"
                + "### 3. The generator-gradient identities (Arjovsky & Bottou 2017, Thm 2.5)\n\n"
                + "With the optimal discriminator D* = p/(p + q_θ0) held fixed, "
                + "∇θ E_Qθ[log(1 − D*)] = ∇θ 2·JSD(P‖Qθ) (minimax) and "
                + "∇θ E_Qθ[−log D*] = ∇θ [KL(Qθ‖P) − 2·JSD(P‖Qθ)] (non-saturating), at θ0. Left "
                + "sides by the score function (∫ q·∂log q·h, quadrature); right sides by five-point "
                + "differences of exact divergences (`GeneratorGradients`). P = `"
                + GaussianFitExperiment.TARGET + "`, Qθ = N(μ, σ²) over μ × σ = "
                + distinct(ids, IdentityRow::mu) + " × " + distinct(ids, IdentityRow::sigma)
                + " points, differentiated in μ and in σ:\n\n"
                + t3.markdown() + "\n"
                + "The last column divides each residual by the sum of the two sides' error "
                + "estimates (quadrature error plus the spread between the h and 2h stencils); "
                + "a value below 1 means agreement within the stated accuracy.\n\n"
                + "![residuals](" + prefix + "identity-residuals.png)\n\n"
                + "Data: [`analytic.csv`](" + prefix + "analytic.csv), [`training.csv`](" + prefix
                + "training.csv), [`identities.csv`](" + prefix + "identities.csv), "
                + "[`summary.json`](" + prefix + "summary.json).\n");
    }

    private static long distinct(List<IdentityRow> ids,
            java.util.function.ToDoubleFunction<IdentityRow> coordinate) {
        return ids.stream().mapToDouble(coordinate).distinct().count();
    }

    /** The median (mean of the two middle values for an even count). */
    static double median(double[] values) {
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
