package org.fganlab.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.fganlab.experiment.SaturationExperiment.IdentityRow;
import org.fganlab.experiment.SaturationExperiment.IdentityStat;
import org.fganlab.experiment.SaturationExperiment.Probe;
import org.fganlab.experiment.SaturationExperiment.Result;
import org.fganlab.experiment.SaturationExperiment.Slopes;
import org.fganlab.experiment.SaturationExperiment.TrainingRun;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;
import org.fganlab.report.Plots;
import org.fganlab.report.Tables;
import org.fganlab.theory.GeneratorGradients;

/** Renders a {@link SaturationExperiment.Result}: CSV, JSON summary, plots, Markdown. */
final class SaturationSection {

    private SaturationSection() {
    }

    private static final String HEADLINE = "at D(G(z)) = 1e-6 the minimax slope is %s vs %s "
            + "non-saturating; measured with a %d-step critic: ‖∇ minimax‖ / ‖∇ non-sat.‖ = %s after "
            + "the first generator step (mean D = %s); the Arjovsky–Bottou identities hold to %s over "
            + "%d generators";

    /** Arguments: mean D after step 1, first ratio, steps, final μ (minimax), final μ (non-saturating). */
    private static final String SATURATES = "In the run trained with the minimax loss the mean D(G(z)) "
            + "after the first step is %s, and the minimax gradient is %s times the non-saturating one "
            + "at the same critic. Yet after %d steps μ is %s (minimax) against %s (non-saturating): "
            + "Adam divides each step by a running root-mean-square of the gradient, so a gradient that "
            + "is uniformly small still moves θ by about the step size. Saturation stalls plain gradient "
            + "descent, whose step is proportional to the gradient, and leaves an adaptive optimiser "
            + "only the direction, until the gradient falls below Adam's ε = 1e-8.";

    /**
     * Arguments: 1 title, 2 part-1 table, 3 prefix, 4 train target, 5 and 6 critic widths, 7 critic
     * steps, 8 batch, 9 steps, 10 probe batch, 11 part-2 table, 12 saturation text, 13 identity
     * target, 14 μ points, 15 σ points, 16 part-3 table.
     */
    private static final String SECTION = """
            ## saturation: %1$s

            ### 1. The slopes as functions of D(G(z))

            With D = σ(v) (v the discriminator logit), the GAN row of the registry gives a = g_f = \
            log σ(v) = log D and b = f*∘g_f = softplus(v) = −log(1 − D). The minimax generator loss \
            E_Q[log(1 − D)] = −E_Q[b(v)] has slope −b'(v) = −D; the non-saturating loss −E_Q[log D] = \
            −E_Q[a(v)] has slope −a'(v) = −(1 − D). A confident discriminator rejecting fakes (D → 0) \
            makes the minimax slope vanish like D while the non-saturating slope tends to 1. Values \
            from `conjugateOfActivationDerivative` and `outputActivationDerivative`:

            %2$s
            ![slopes](%3$sslopes.png)

            ### 2. Measured in early training with a strong discriminator

            Objective `gan`, P = `%4$s`, generator G(z) = μ + σz started at N(0, 1); critic MLP \
            1-%5$d-%6$d-1 (tanh); %7$d critic steps per generator step (alternating:%7$d); batches of \
            %8$d; Adam (step 0.01, β1 = 0.5); %9$d generator steps; one run trained with each loss. \
            After every generator step, at the same critic ω and generator θ and on the same %10$d \
            fresh latent draws, ‖∂L/∂θ‖ (θ = (μ, log σ)) of both losses by the critic's input \
            gradient and the chain rule (∂G/∂μ = 1, ∂G/∂log σ = σz), and the mean D(G(z)).

            %11$s
            %12$s

            ![gradients](%3$straining-gradients.png)

            ![discriminator](%3$straining-discriminator.png)

            The ratio of the two measured gradients against the mean D(G(z)), beside D/(1 − D), the \
            ratio when D and the critic's slope ∂V/∂x are the same at every generated sample; where \
            they vary across the batch the ratio of the two batch means differs from that curve:

            ![ratio](%3$sgradient-ratio.png)

            ### 3. The generator-gradient identities (Arjovsky & Bottou 2017, Thm 2.5)

            With the optimal discriminator D* = p/(p + q_θ0) held fixed, ∇θ E_Qθ[log(1 − D*)] = \
            ∇θ 2·JSD(P‖Qθ) (minimax) and ∇θ E_Qθ[−log D*] = ∇θ [KL(Qθ‖P) − 2·JSD(P‖Qθ)] \
            (non-saturating), at θ0. Left sides by the score function (∫ q·∂log q·h, quadrature); \
            right sides by five-point differences of exact divergences (`GeneratorGradients`). \
            P = `%13$s`, Qθ = N(μ, σ²) over μ × σ = %14$d × %15$d points, differentiated in μ and \
            in σ:

            %16$s
            The last column divides each residual by the sum of the two sides' error estimates \
            (quadrature error plus the spread between the h and 2h stencils); a value below 1 means \
            agreement within the stated accuracy.

            ![residuals](%3$sidentity-residuals.png)

            Data: [`analytic.csv`](%3$sanalytic.csv), [`training.csv`](%3$straining.csv), \
            [`identities.csv`](%3$sidentities.csv), [`summary.json`](%3$ssummary.json).
            """;

    /** Writes the three CSV files and five plots into dir; returns summary and section. */
    static Experiment.Outcome render(Experiment e, Result r, Path dir) {
        writeData(dir, r);
        writePlots(dir, r);
        TrainingRun mm = r.runs().get(0);
        TrainingRun ns = r.runs().get(1);
        Slopes tiny = r.atOneInAMillion();
        String headline = String.format(Locale.ROOT, HEADLINE, Tables.number(tiny.minimax()),
                Tables.number(tiny.nonSaturating()), SaturationExperiment.CRITIC_STEPS,
                Tables.number(mm.firstRatio()), Tables.number(mm.first().meanD()),
                Tables.number(r.worstResidual()), r.identities().size() / 2);
        String saturates = String.format(Locale.ROOT, SATURATES, Tables.number(mm.first().meanD()),
                Tables.number(mm.firstRatio()), r.steps(), Tables.number(mm.last().mu()),
                Tables.number(ns.last().mu()));
        String t1 = slopeTable(r).markdown();
        String t2 = trainingTable(r).markdown();
        String t3 = identityTable(r).markdown();
        return new Experiment.Outcome(summary(e, r), headline, prefix -> String.format(Locale.ROOT,
                SECTION, e.title(), t1, prefix, SaturationExperiment.TRAIN_TARGET,
                SaturationExperiment.CRITIC_HIDDEN[0], SaturationExperiment.CRITIC_HIDDEN[1],
                SaturationExperiment.CRITIC_STEPS, SaturationExperiment.BATCH, r.steps(),
                SaturationExperiment.PROBE_BATCH, t2, saturates, GaussianFitExperiment.TARGET,
                r.distinct(IdentityRow::mu), r.distinct(IdentityRow::sigma), t3));
    }

    private static Tables slopeTable(Result r) {
        Tables t1 = new Tables("D(G(z))", "logit v", "slope of log(1 − D) in v, absolute (minimax)",
                "slope of −log D in v, absolute (non-saturating)", "ratio minimax / non-saturating");
        for (Slopes s : r.table()) {
            t1.row(s.d(), s.v(), s.minimax(), s.nonSaturating(), s.minimax() / s.nonSaturating());
        }
        return t1;
    }

    private static Tables trainingTable(Result r) {
        Tables t2 = new Tables("trained with", "mean D(G(z)) at step 1", "‖∇θ minimax‖ at step 1",
                "‖∇θ non-sat.‖ at step 1", "min mean D(G(z))", "median ratio minimax / non-sat.",
                "μ at the end", "σ at the end");
        for (TrainingRun run : r.runs()) {
            Probe first = run.first();
            t2.row(run.loss().cliName(), first.meanD(), first.minimaxNorm(), first.nonSaturatingNorm(),
                    run.minMeanD(), run.medianRatio(), run.last().mu(), run.last().sigma());
        }
        return t2;
    }

    private static Tables identityTable(Result r) {
        Tables t3 = new Tables("identity", "parameter", "max abs(score − difference)",
                "max abs(gradient)", "max abs(residual) / error estimate", "points");
        for (IdentityStat st : r.stats()) {
            String idName = st.nonSaturating() ? "non-saturating: ∇E_Q[−log D*] = ∇[KL(Q‖P) − 2·JSD(P‖Q)]"
                    : "minimax: ∇E_Q[log(1 − D*)] = ∇ 2·JSD(P‖Q)";
            t3.row(idName, "∂/∂" + (st.parameter() == GeneratorGradients.Parameter.MU ? "μ" : "σ"),
                    st.maxResidual(), st.maxGradient(), st.maxRatio(), st.points());
        }
        return t3;
    }

    private static ObjectNode summary(Experiment e, Result r) {
        ObjectNode summary = Json.object().put("experiment", e.name());
        ObjectNode analytic = summary.putObject("analytic");
        ArrayNode at = analytic.putArray("slopes");
        for (Slopes s : r.table()) {
            ObjectNode o = at.addObject();
            Json.put(o, "D", s.d());
            Json.put(o, "minimax", s.minimax());
            Json.put(o, "non_saturating", s.nonSaturating());
        }
        ObjectNode training = summary.putObject("training");
        training.put("target", SaturationExperiment.TRAIN_TARGET).put("initial_generator", "normal(0,1)")
                .put("critic_steps_per_generator_step", SaturationExperiment.CRITIC_STEPS)
                .put("steps", r.steps()).put("batch", SaturationExperiment.BATCH)
                .put("probe_batch", SaturationExperiment.PROBE_BATCH);
        for (TrainingRun run : r.runs()) {
            ObjectNode o = training.putObject(run.loss().cliName().replace('-', '_'));
            Json.put(o, "mean_D_step1", run.first().meanD());
            Json.put(o, "grad_minimax_step1", run.first().minimaxNorm());
            Json.put(o, "grad_non_saturating_step1", run.first().nonSaturatingNorm());
            Json.put(o, "ratio_step1", run.firstRatio());
            Json.put(o, "min_mean_D", run.minMeanD());
            Json.put(o, "median_ratio", run.medianRatio());
            Json.put(o, "final_mu", run.last().mu());
            Json.put(o, "final_sigma", run.last().sigma());
        }
        ObjectNode idj = summary.putObject("identities");
        idj.put("target", GaussianFitExperiment.TARGET).put("points", r.identities().size())
                .put("generators", r.identities().size() / 2);
        ArrayNode ida = idj.putArray("max_residuals");
        for (IdentityStat st : r.stats()) {
            ObjectNode o = ida.addObject().put("identity", st.nonSaturating() ? "non-saturating" : "minimax")
                    .put("parameter", st.parameter().name().toLowerCase(Locale.ROOT));
            Json.put(o, "max_abs_residual", st.maxResidual());
            Json.put(o, "max_abs_gradient", st.maxGradient());
            Json.put(o, "max_residual_over_error_estimate", st.maxRatio());
        }
        Json.put(idj, "max_abs_residual", r.worstResidual());
        Json.put(idj, "max_residual_over_error_estimate", r.worstRatio());
        Json.put(analytic, "minimax_slope_at_1e-6", r.atOneInAMillion().minimax());
        return summary;
    }

    private static void writeData(Path dir, Result r) {
        Tables analytic = new Tables("D", "logit_v", "minimax_slope", "non_saturating_slope");
        for (Slopes s : r.curve()) {
            analytic.row(Tables.exact(s.d()), Tables.exact(s.v()), Tables.exact(s.minimax()),
                    Tables.exact(s.nonSaturating()));
        }
        Tables training = new Tables("trained_with", "step", "mu", "sigma", "mean_D_fake",
                "grad_norm_minimax", "grad_norm_non_saturating");
        for (TrainingRun run : r.runs()) {
            for (Probe pr : run.probes()) {
                training.row(run.loss().cliName(), pr.step(), Tables.exact(pr.mu()),
                        Tables.exact(pr.sigma()), Tables.exact(pr.meanD()),
                        Tables.exact(pr.minimaxNorm()), Tables.exact(pr.nonSaturatingNorm()));
            }
        }
        Tables identities = new Tables("mu", "sigma", "parameter", "identity", "score_gradient",
                "score_error", "finite_difference", "finite_difference_error", "residual");
        for (IdentityRow row : r.identities()) {
            for (boolean ns : new boolean[] {false, true}) {
                GeneratorGradients.Sides s = ns ? row.result().nonSaturating() : row.result().saturating();
                identities.row(Tables.exact(row.mu()), Tables.exact(row.sigma()),
                        row.parameter().name().toLowerCase(Locale.ROOT),
                        ns ? "non-saturating" : "minimax", Tables.exact(s.scoreGradient()),
                        Tables.exact(s.scoreError()), Tables.exact(s.finiteDifference()),
                        Tables.exact(s.finiteDifferenceError()), Tables.exact(row.residual(ns)));
            }
        }
        AtomicFiles.writeString(dir.resolve("analytic.csv"), analytic.csv());
        AtomicFiles.writeString(dir.resolve("training.csv"), training.csv());
        AtomicFiles.writeString(dir.resolve("identities.csv"), identities.csv());
    }

    private static void writePlots(Path dir, Result r) {
        double[] d = r.curve().stream().mapToDouble(Slopes::d).toArray();
        Plots.xy(dir.resolve("slopes.png"),
                "Generator-loss slope in the discriminator logit v, D = sigmoid(v)",
                "D(G(z))", "|dL/dv|", List.of(
                        new Plots.Series("minimax log(1 - D): |slope| = D", d,
                                r.curve().stream().mapToDouble(Slopes::minimax).toArray(), Plots.Style.LINE),
                        new Plots.Series("non-saturating -log D: |slope| = 1 - D", d,
                                r.curve().stream().mapToDouble(Slopes::nonSaturating).toArray(),
                                Plots.Style.DASHED)), 800, 500,
                SectionSupport.axes(true, true));
        writeTrainingPlots(dir, r, d);
        List<Plots.Series> res = new ArrayList<>();
        for (GeneratorGradients.Parameter par : GeneratorGradients.Parameter.values()) {
            for (boolean nsId : new boolean[] {false, true}) {
                List<IdentityRow> sel = r.identities().stream().filter(x -> x.parameter() == par).toList();
                double[] idx = IntStream.range(0, sel.size()).asDoubleStream().toArray();
                res.add(new Plots.Series((nsId ? "non-saturating" : "minimax") + ", d/d"
                        + par.name().toLowerCase(Locale.ROOT), idx,
                        sel.stream().mapToDouble(x -> Math.abs(x.residual(nsId))).toArray(),
                        Plots.Style.MARKERS));
            }
        }
        Plots.xy(dir.resolve("identity-residuals.png"),
                "|score-function gradient - finite difference of exact divergences| over the grid",
                "grid point (sigma-major, then mu)", "|residual| (nats per unit)", res, 900, 500,
                SectionSupport.axes(false, true));
    }

    /** The gradients, discriminator and ratio plots of part 2; d is the D grid of the curve. */
    private static void writeTrainingPlots(Path dir, Result r, double[] d) {
        List<Plots.Series> grads = new ArrayList<>();
        List<Plots.Series> disc = new ArrayList<>();
        List<Plots.Series> ratio = new ArrayList<>();
        for (TrainingRun run : r.runs()) {
            String tag = "trained " + run.loss().cliName();
            List<Probe> p = run.probes();
            double[] step = p.stream().mapToDouble(Probe::step).toArray();
            grads.add(new Plots.Series(tag + ": |grad minimax|", step,
                    p.stream().mapToDouble(Probe::minimaxNorm).toArray(), Plots.Style.LINE));
            grads.add(new Plots.Series(tag + ": |grad non-saturating|", step,
                    p.stream().mapToDouble(Probe::nonSaturatingNorm).toArray(), Plots.Style.DASHED));
            disc.add(new Plots.Series(tag, step, p.stream().mapToDouble(Probe::meanD).toArray(),
                    Plots.Style.LINE));
            ratio.add(new Plots.Series(tag + " (measured)",
                    p.stream().mapToDouble(Probe::meanD).toArray(),
                    p.stream().mapToDouble(x -> x.minimaxNorm() / x.nonSaturatingNorm()).toArray(),
                    Plots.Style.MARKERS));
        }
        double[] odds = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            odds[i] = d[i] / (1 - d[i]);
        }
        ratio.add(new Plots.Series("D/(1 - D) (constant critic slope)", d, odds, Plots.Style.LINE));
        Plots.xy(dir.resolve("training-gradients.png"),
                "Generator gradient |dL/dtheta| of both losses at the same critic, every step",
                "generator step", "|dL/dtheta| (nats per unit of theta)", grads, 900, 500,
                SectionSupport.axes(false, true));
        Plots.xy(dir.resolve("training-discriminator.png"),
                "Mean D(G(z)) on 1,024 fresh generated samples",
                "generator step", "mean D(G(z))", disc, 900, 500,
                SectionSupport.axes(false, true));
        Plots.xy(dir.resolve("gradient-ratio.png"),
                "Measured |grad minimax| / |grad non-saturating| against mean D(G(z))",
                "mean D(G(z))", "ratio", ratio, 800, 500,
                SectionSupport.axes(true, true));
    }
}
