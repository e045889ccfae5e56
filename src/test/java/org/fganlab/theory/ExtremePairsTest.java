package org.fganlab.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.quadrature.QuadratureResult;
import org.fganlab.quadrature.QuadratureResult.Status;
import org.hipparchus.special.Erf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Extreme but valid pairs against closed forms: equal-scale normals shifted by 10^k σ up to the
 * double range, normal scale ratios 10^±k up to 10^±300, uniform widths from the smallest
 * subnormal to 10³⁰⁰, and P = Q written two ways. Every value is within 1e-9 relative (1e-12
 * absolute near 0) of the truth, or flagged NOT_CONVERGED with an error estimate that covers
 * the true error; its error estimate bounds its true error; a true value beyond the double range
 * is +∞ with status OVERFLOW, a divergent one +∞ with status INFINITE.
 */
class ExtremePairsTest {

    private static final double LOG2 = Math.log(2);
    private static final double INF = Double.POSITIVE_INFINITY;
    /** A finite truth beyond the double range. */
    private static final double OVER = Double.NaN;

    private static Arguments row(String p, String q, String div, double truth) {
        return Arguments.of(p, q, div, truth);
    }

    static Stream<Arguments> shifts() {
        List<Arguments> rows = new ArrayList<>();
        int[] ks = {0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 30, 50, 100, 150, 154, 155, 200, 250,
            300, 307, 308};
        for (int k : ks) {
            double d = Double.parseDouble("1e" + k);
            String q = "normal(1e" + k + ",1)";
            double tv = Erf.erf(d / (2 * Math.sqrt(2)));
            double kl = 0.5 * d * d;
            rows.add(row("normal(0,1)", q, "tv", tv));
            rows.add(row("normal(0,1)", q, "hellinger", -2 * Math.expm1(-d * d / 8)));
            rows.add(row("normal(0,1)", q, "kl", Double.isFinite(kl) ? kl : OVER));
            rows.add(row(q, "normal(0,1)", "reverse-kl", Double.isFinite(kl) ? kl : OVER));
            double pearson = Math.expm1(d * d);
            rows.add(row("normal(0,1)", q, "pearson", Double.isFinite(pearson) ? pearson : OVER));
            if (d >= 40) {
                rows.add(row("normal(0,1)", q, "js", LOG2));
                rows.add(row(q, "normal(0,1)", "gan", 0.0));
            }
            rows.add(row("normal(0,1)", q, "w1", d));
        }
        // both far from the origin, on either side
        rows.add(row("normal(1e300,1)", "normal(-1e300,1)", "tv", 1.0));
        rows.add(row("normal(1e300,1)", "normal(-1e300,1)", "js", LOG2));
        rows.add(row("normal(1e300,1)", "normal(-1e300,1)", "hellinger", 2.0));
        rows.add(row("normal(1e300,1)", "normal(-1e300,1)", "kl", OVER));
        rows.add(row("normal(1e300,1)", "normal(-1e300,1)", "w1", 2e300));
        rows.add(row("normal(1e200,1)", "normal(1e200,1)", "kl", 0.0));
        rows.add(row("normal(1e200,1e-100)", "normal(1e200,2e-100)", "kl",
                Math.log(2) + 1.0 / 8 - 0.5));
        rows.add(row("normal(-1e308,1e308)", "normal(0,1e308)", "kl", 0.5));
        rows.add(row("normal(-1e308,1e308)", "normal(0,1e308)", "hellinger",
                -2 * Math.expm1(-1.0 / 8)));
        return rows.stream();
    }

    static Stream<Arguments> scales() {
        List<Arguments> rows = new ArrayList<>();
        int[] ks = {1, 2, 3, 4, 6, 8, 12, 16, 30, 50, 100, 150, 200, 250, 300};
        for (int k : ks) {
            for (int sign = -1; sign <= 1; sign += 2) {
                double s = Double.parseDouble("1e" + sign * k);
                String q = "normal(0,1e" + sign * k + ")";
                double logS = sign * k * Math.log(10);
                // KL(N(0,1) || N(0,S²)) = log S + 1/(2S²) − ½; reverse: −log S + S²/2 − ½
                double inv = 0.5 / s / s;
                double kl = Double.isFinite(inv) ? logS + inv - 0.5 : OVER;
                double half = 0.5 * s * s;
                double rkl = Double.isFinite(half) ? -logS + half - 0.5 : OVER;
                rows.add(row("normal(0,1)", q, "kl", kl));
                rows.add(row("normal(0,1)", q, "reverse-kl", rkl));
                // ratio r ≥ 1 of the two scales; both depend on it alone
                double logR = Math.abs(logS);
                double r = Math.exp(logR);
                double z1 = Math.sqrt(2 * logR / -Math.expm1(-2 * logR));
                double tv = Erf.erf(z1 / Math.sqrt(2)) - Erf.erf(z1 / r / Math.sqrt(2));
                rows.add(row("normal(0,1)", q, "tv", tv));
                double bc = Math.sqrt(2 / (r + 1 / r));
                rows.add(row("normal(0,1)", q, "hellinger", 2 - 2 * bc));
                rows.add(row("normal(0,1)", q, "w1", Math.abs(s - 1) * Math.sqrt(2 / Math.PI)));
                // Pearson χ²(P‖Q) = S²/√(2S² − 1) − 1 = S/√(2 − 1/S²) − 1, +∞ when 2S² ≤ 1
                rows.add(row("normal(0,1)", q, "pearson",
                        s < 1 ? INF : s / Math.sqrt(2 - 1 / (s * s)) - 1));
            }
        }
        return rows.stream();
    }

    static Stream<Arguments> uniforms() {
        List<Arguments> rows = new ArrayList<>();
        String[] widths = {"5e-324", "1e-320", "1e-310", "1e-308", "1e-300", "1e-200", "1e-100",
            "1e-50", "1e-10", "0.001", "0.5"};
        for (String ws : widths) {
            double w = Double.parseDouble(ws);
            String p = "uniform(0," + ws + ")";
            double logW = Math.log(w);
            rows.add(row(p, "uniform(0,1)", "kl", -logW));
            rows.add(row(p, "uniform(0,1)", "reverse-kl", INF));
            rows.add(row(p, "uniform(0,1)", "tv", 1 - w));
            rows.add(row(p, "uniform(0,1)", "hellinger", 2 - 2 * Math.sqrt(w)));
            double js = 0.5 * (LOG2 - Math.log1p(w) + w * (LOG2 + logW - Math.log1p(w))
                    + (1 - w) * LOG2);
            rows.add(row(p, "uniform(0,1)", "js", js));
            // 1/w − 1 for w ≥ 1e-300; closer to the double range the integrand p²/q itself
            // overflows although the integral does not (a documented limit)
            double pearson = 1 / w - 1;
            if (w >= 1e-300) {
                rows.add(row(p, "uniform(0,1)", "pearson", pearson));
            } else if (!Double.isFinite(pearson)) {
                rows.add(row(p, "uniform(0,1)", "pearson", OVER));
            }
            rows.add(row(p, "uniform(0,1)", "w1", 0.5 * (1 - w)));
        }
        // wide supports: scale invariance maps them onto the cases above
        rows.add(row("uniform(-1e300,1e300)", "uniform(-1,1)", "kl", INF));
        rows.add(row("uniform(-1,1)", "uniform(-1e300,1e300)", "kl", 300 * Math.log(10)));
        rows.add(row("uniform(-1e300,1e300)", "uniform(-1,1)", "tv", 1.0));
        rows.add(row("uniform(-1.7e308,1.7e308)", "uniform(-1,1)", "tv", 1.0));
        rows.add(row("uniform(-1,1)", "uniform(-1.7e308,1.7e308)", "kl", Math.log(1.7e308)));
        rows.add(row("normal(0,1)", "uniform(-1e300,1e300)", "kl", INF));
        rows.add(row("normal(0,1)", "uniform(-1e300,1e300)", "tv", 1.0));
        rows.add(row("normal(0,1)", "uniform(-1e300,1e300)", "js", LOG2));
        rows.add(row("uniform(-1e300,1e300)", "normal(0,1)", "reverse-kl", INF));
        return rows.stream();
    }

    static Stream<Arguments> equalPairs() {
        String[][] pairs = {
            {"0.5*normal(0,1) + 0.5*normal(0,1)", "normal(0,1)"},
            {"0.25*normal(1,2) + 0.75*normal(1,2)", "normal(1,2)"},
            {"0.4*normal(-1,1) + 0.6*laplace(2,0.5)", "0.6*laplace(2,0.5) + 0.4*normal(-1,1)"},
            {"0.5*uniform(0,1) + 0.5*uniform(1,2)", "uniform(0,2)"},
            {"0.3*student(1,0,1) + 0.7*student(1,0,1)", "student(1,0,1)"},
            {"0.5*normal(1e6,1) + 0.5*normal(1e6,1)", "normal(1e6,1)"},
            {"0.5*logistic(0,1e-8) + 0.5*logistic(0,1e-8)", "logistic(0,1e-8)"},
        };
        List<Arguments> rows = new ArrayList<>();
        for (String[] pq : pairs) {
            for (FDivergence f : Divergences.all()) {
                rows.add(row(pq[0], pq[1], f.name(), f.generator(1.0)));
            }
            rows.add(row(pq[0], pq[1], "w1", 0.0));
        }
        return rows.stream();
    }

    /**
     * A narrow normal beside a wide one, each at the other's far tail: the narrow one's outer
     * tail must not vanish into a tail map drawn at the wide scale (both once lost the narrow
     * density's mass beyond 2σ, i.e. a factor Φ(2), with status ok), up to scale ratios past
     * 10³⁰⁰. Closed forms of KL, reverse KL and squared Hellinger.
     */
    static Stream<Arguments> narrowBesideWide() {
        double[][] pairs = {
            {3.7, 2e-7, -5e5, 3e4},
            {1e150, 1e-100, -1e150, 1e100},
            {0, 1e-3, 40, 1},
            {-2e6, 1e-9, 0, 1e5},
            // scale ratios beyond 10^300: no rescaling keeps both −1/(2σ²) in doubles, and the
            // tail comparison once called every divergence +∞ (squared Hellinger included)
            {0, 1e200, 0, 1e-200},
            {0, 2.239406984547762e249, 0, 9.570174878788453e-233},
        };
        List<Arguments> rows = new ArrayList<>();
        for (double[] c : pairs) {
            String p = "normal(" + c[0] + "," + c[1] + ")";
            String q = "normal(" + c[2] + "," + c[3] + ")";
            double kl = GaussianClosedForms.kl(c[0], c[1], c[2], c[3]);
            double rkl = GaussianClosedForms.kl(c[2], c[3], c[0], c[1]);
            rows.add(row(p, q, "kl", Double.isFinite(kl) ? kl : OVER));
            rows.add(row(p, q, "reverse-kl", Double.isFinite(rkl) ? rkl : OVER));
            rows.add(row(p, q, "hellinger", GaussianClosedForms.squaredHellinger(c[0], c[1], c[2], c[3])));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{2}({0} || {1}) = {3}")
    @MethodSource({"shifts", "scales", "uniforms", "equalPairs", "narrowBesideWide"})
    void matchesTheClosedForm(String p, String q, String div, double truth) {
        assertRightOrHonestlyFlagged(p, q, div, truth);
    }

    /**
     * Scale ratios up to 10^±300 reach the goal rather than being flagged: the tail of a normal
     * of scale 10²⁰⁰ (−1/(2σ²) = 0 in doubles) is not taken for an algebraic one.
     */
    @ParameterizedTest(name = "{2}({0} || {1}) converges")
    @MethodSource("scales")
    void scaleRatiosConverge(String p, String q, String div, double truth) {
        QuadratureResult r = compute(div, DensitySpec.parse(p), DensitySpec.parse(q));
        if (Double.isFinite(truth)) {
            assertEquals(Status.CONVERGED, r.status(), div + "(" + p + " || " + q + ") = " + r);
        }
    }

    /**
     * Within 1e-9 relative (1e-12 absolute) of the truth with an error estimate that covers the
     * true error, or flagged NOT_CONVERGED with such an estimate; +∞ with the right status.
     */
    static void assertRightOrHonestlyFlagged(String p, String q, String div, double truth) {
        QuadratureResult r = compute(div, DensitySpec.parse(p), DensitySpec.parse(q));
        String what = div + "(" + p + " || " + q + ") = " + r;
        if (Double.isNaN(truth)) {
            assertEquals(INF, r.value(), what);
            assertEquals(Status.OVERFLOW, r.status(), what);
            return;
        }
        if (Double.isInfinite(truth)) {
            assertEquals(INF, r.value(), what);
            assertEquals(Status.INFINITE, r.status(), what);
            return;
        }
        assertTrue(Double.isFinite(r.value()), what);
        double err = Math.abs(r.value() - truth);
        double allowed = Math.max(1e-9 * Math.abs(truth), 1e-12);
        // the estimate bounds the true error (up to the rounding of the reference itself)
        assertTrue(err <= r.errorEstimate() + 4 * Math.ulp(truth), what + ": true error " + err
                + " exceeds the error estimate");
        if (r.converged()) {
            assertTrue(err <= allowed, what + ": true error " + err + " > " + allowed);
        }
    }

    /**
     * The independent 40-digit values of {@code reference/extreme.csv} (mpmath, two quadratures
     * each): Student ν ∈ {0.3 … 3} against normals in both orders, JS between far-apart and
     * multi-scale normals, multi-scale and far-component mixtures. {@code inf} rows must be +∞
     * (infinite), {@code overflow} rows +∞ with status exceeds-double-range.
     */
    static Stream<Arguments> extremeReferences() throws java.io.IOException {
        return references("/reference/extreme.csv");
    }

    /**
     * 300 normal pairs drawn at random (seeded) over scales 10^±300, with KL, reverse KL and
     * squared Hellinger from the closed forms at 60 digits ({@code random-normals.csv}, made by
     * {@code make_random_normal_references.py}): pairs nobody chose by hand.
     */
    static Stream<Arguments> randomNormals() throws java.io.IOException {
        return references("/reference/random-normals.csv");
    }

    /** Rows p, q, divergence, value of a reference CSV; value inf or overflow for +∞. */
    private static Stream<Arguments> references(String resource) throws java.io.IOException {
        try (java.io.InputStream in = ExtremePairsTest.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            List<Arguments> rows = new ArrayList<>();
            String[] lines = text.split("\n");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                String[] r = ReferenceValuesTest.parseCsvLine(lines[i]);
                double truth = switch (r[3]) {
                    case "inf" -> INF;
                    case "overflow" -> OVER;
                    default -> Double.parseDouble(r[3]);
                };
                rows.add(row(r[0], r[1], r[2], truth));
            }
            return rows.stream();
        }
    }

    @ParameterizedTest(name = "{2}({0} || {1}) = {3}")
    @MethodSource({"extremeReferences", "randomNormals"})
    void matchesTheHighPrecisionReference(String p, String q, String div, double truth) {
        assertRightOrHonestlyFlagged(p, q, div, truth);
    }

    static QuadratureResult compute(String div, Density p, Density q) {
        return "w1".equals(div) ? ExactDivergence.standard().wasserstein1(p, q)
                : ExactDivergence.standard().divergence(Divergences.byName(div), p, q);
    }
}
