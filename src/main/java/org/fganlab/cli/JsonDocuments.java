package org.fganlab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.fganlab.divergence.Discrepancy;
import org.fganlab.divergence.FDivergence;
import org.fganlab.gan.CoveragePoint;
import org.fganlab.gan.HistoryPoint;
import org.fganlab.gan.ModeCoverage;
import org.fganlab.gan.TrainingConfig;
import org.fganlab.gan.TrainingResult;
import org.fganlab.report.Json;
import org.fganlab.theory.DivergenceValues;
import org.fganlab.theory.GaussianFit;
import org.fganlab.theory.IdentityCheck;
import org.fganlab.theory.Validation;

/**
 * The JSON documents of the CLI contract ({@code docs/architecture.md}, "JSON output"): the
 * mapping of the domain results ({@code theory}, {@code gan}, {@code divergence}) onto the field
 * names the commands print. Written with the generic {@link Json}.
 */
final class JsonDocuments {

    private JsonDocuments() {
    }

    /**
     * {@code {"p":…, "q":…, "results":[{"divergence","value","error_estimate","status",
     * "evaluations","seconds"}…]}}; status is ok, accuracy-not-reached, infinite (the integral
     * diverges) or exceeds-double-range (finite, but beyond the largest double).
     */
    static ObjectNode divergence(String p, String q, List<DivergenceValues.Entry> entries) {
        ObjectNode root = Json.object().put("p", p).put("q", q);
        ArrayNode results = root.putArray("results");
        for (DivergenceValues.Entry e : entries) {
            ObjectNode r = results.addObject().put("divergence", e.name());
            Json.put(r, "value", e.result().value());
            Json.put(r, "error_estimate", e.result().errorEstimate());
            r.put("status", e.result().status().label());
            r.put("evaluations", e.result().evaluations());
            Json.put(r, "seconds", e.seconds());
        }
        return root;
    }

    /**
     * {@code {"p":…, "q":…, "passed":…, "checks":[{"name","lhs","rhs","abs_error","tolerance",
     * "passed", "relation", "description"}…], "skipped":[…], "verified":…, "unverified":[…]}};
     * unverified names the divergences whose value missed its accuracy goal or exceeds the
     * double range.
     */
    static ObjectNode validation(Validation v) {
        ObjectNode root = Json.object().put("p", v.p()).put("q", v.q()).put("passed", v.passed());
        ArrayNode checks = root.putArray("checks");
        for (IdentityCheck c : v.checks()) {
            checks.add(check(c));
        }
        ArrayNode skipped = root.putArray("skipped");
        v.skipped().forEach(skipped::add);
        root.put("verified", v.verified());
        ArrayNode unverified = root.putArray("unverified");
        v.unverified().forEach(unverified::add);
        return root;
    }

    /**
     * {@code {"target":…, "divergence":…, "mu":…, "sigma":…, "value":…, "evaluations":…}}: the
     * exact best Gaussian fit ({@code fit --json}); value in nats.
     *
     * @param target the target's spec
     * @param divergence the registry name of the divergence
     * @param fit the result
     */
    static ObjectNode fit(String target, String divergence, GaussianFit.Result fit) {
        ObjectNode root = Json.object().put("target", target).put("divergence", divergence);
        Json.put(root, "mu", fit.mu());
        Json.put(root, "sigma", fit.sigma());
        Json.put(root, "value", fit.value());
        root.put("evaluations", fit.evaluations());
        return root;
    }

    /**
     * {@code {"name", "lhs", "rhs", "abs_error", "tolerance", "passed", "relation",
     * "description"}}.
     */
    private static ObjectNode check(IdentityCheck c) {
        ObjectNode o = Json.object().put("name", c.name());
        Json.put(o, "lhs", c.lhs());
        Json.put(o, "rhs", c.rhs());
        Json.put(o, "abs_error", c.absError());
        Json.put(o, "tolerance", c.tolerance());
        o.put("passed", c.passed());
        o.put("relation", c.relation());
        o.put("description", c.description());
        return o;
    }

    /** The registry as {@code {"divergences":[{"name","display_name","threshold",…}…]}}. */
    static ObjectNode registry(List<FDivergence> divergences,
            Function<FDivergence, String[]> formulas) {
        ObjectNode root = Json.object();
        ArrayNode arr = root.putArray("divergences");
        for (FDivergence f : divergences) {
            String[] text = formulas.apply(f);
            ObjectNode o = arr.addObject().put("name", f.name()).put("display_name", f.displayName())
                    .put("f", text[0]).put("conjugate", text[1]).put("output_activation", text[2]);
            Json.put(o, "conjugate_domain_lower", f.conjugateDomainLower());
            Json.put(o, "conjugate_domain_upper", f.conjugateDomainUpper());
            Json.put(o, "threshold", f.threshold());
            Json.put(o, "second_derivative_at_one", f.secondDerivativeAtOne());
            Json.put(o, "value_at_zero", f.valueAtZero());
            Json.put(o, "slope_at_infinity", f.slopeAtInfinity());
        }
        ObjectNode w1 = arr.addObject().put("name", Discrepancy.W1.NAME)
                .put("display_name", "Wasserstein-1 (a distance, not an f-divergence)")
                .put("f", "W1 = integral |F_P - F_Q| dx");
        w1.put("conjugate", "").put("output_activation", "");
        return root;
    }

    /**
     * The summary of {@code fganlab train}: config, trained μ̂ and σ̂ (Gaussian generator), the
     * final variational estimate, the exact divergence of the trained model, and (when
     * {@code withHistory}) the logged history. NaN fields (not applicable) are left out.
     */
    static ObjectNode training(TrainingResult r, boolean withHistory) {
        TrainingConfig c = r.config();
        ObjectNode o = Json.object().put("target", c.target().describe())
                .put("divergence", c.objective().name())
                .put("generator", c.networks().generator().name().toLowerCase(Locale.ROOT))
                .put("loss", c.loss().cliName()).put("schedule", c.plan().schedule().cliName())
                .put("steps", c.plan().steps()).put("batch_size", c.optimization().batchSize())
                .put("seed", c.seed());
        Json.put(o, "learning_rate", c.optimization().learningRate());
        o.put("optimizer", c.optimization().optimizer().describe());
        Json.put(o, "lr_decay", c.optimization().decay());
        TrainingConfig.Networks n = c.networks();
        o.put("latent_dimension", n.latentDimension());
        ArrayNode gw = o.putArray("generator_hidden");
        Arrays.stream(n.generatorHidden()).forEach(gw::add);
        ArrayNode cw = o.putArray("critic_hidden");
        Arrays.stream(n.criticHidden()).forEach(cw::add);
        o.put("critic_activation", n.criticActivation().name().toLowerCase(Locale.ROOT));
        if (c.objective().clip() > 0) {
            Json.put(o, "clip", c.objective().clip());
        }
        if (c.objective().gradientPenalty() > 0) {
            Json.put(o, "gradient_penalty", c.objective().gradientPenalty());
        }
        putIfApplicable(o, "mu", r.mu());
        putIfApplicable(o, "sigma", r.sigma());
        Json.put(o, "final_estimate", r.finalEstimate());
        putIfApplicable(o, "exact", r.exact());
        ModeCoverage.Result m = r.modeCoverage();
        if (m != null) {
            ObjectNode cover = o.putObject("mode_coverage").put("modes", m.modeCount())
                    .put("covered", m.modesCovered(1))
                    .put("covered_20", m.modesCovered(ModeCoverage.MIN_SAMPLES_PER_MODE));
            Json.put(cover, "high_quality_percent", 100 * m.highQualityFraction());
            Json.put(cover, "kl_from_uniform", m.klFromUniform());
        }
        if (!r.coverageHistory().isEmpty()) {
            ArrayNode curve = o.putArray("coverage_history");
            for (CoveragePoint p : r.coverageHistory()) {
                ModeCoverage.Result pc = p.coverage();
                ObjectNode e = curve.addObject().put("step", p.step()).put("covered", pc.modesCovered(1))
                        .put("covered_20", pc.modesCovered(ModeCoverage.MIN_SAMPLES_PER_MODE));
                Json.put(e, "high_quality_percent", 100 * pc.highQualityFraction());
                Json.put(e, "kl_from_uniform", pc.klFromUniform());
            }
        }
        if (withHistory) {
            ArrayNode h = o.putArray("history");
            for (HistoryPoint p : r.history()) {
                ObjectNode e = h.addObject().put("step", p.step());
                putIfApplicable(e, "estimate", p.estimate());
                putIfApplicable(e, "mu", p.mu());
                putIfApplicable(e, "sigma", p.sigma());
                Json.put(e, "mean_critic_real", p.meanCriticReal());
                Json.put(e, "mean_critic_fake", p.meanCriticFake());
                putIfApplicable(e, "exact", p.exact());
            }
        }
        return o;
    }

    /** Puts a number unless it is NaN (a field that does not apply). */
    private static void putIfApplicable(ObjectNode o, String field, double v) {
        if (!Double.isNaN(v)) {
            o.put(field, v);
        }
    }
}
