package org.fganlab.divergence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.fganlab.divergence.ReferenceDivergence.Ratio;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every piece of every objective (f, f', f*, g_f, g_f', f*∘g_f and its derivative, the optimal
 * critic from a log ratio and its pre-activation, both integrands) against the high-precision
 * {@link ReferenceDivergence}, over v, t, d ∈ [−1000, 1000], u over the whole positive double
 * range and log-densities across the double range's exponent limits (±709, ±745) and −∞. A value
 * must be within its condition number of the reference (relative error at most
 * 2⁻⁵²·(32 + 4κ), κ = |x·F'(x)/F(x)| summed over the inputs), ±∞ exactly where the true value
 * lies beyond {@link Double#MAX_VALUE}, and never NaN. Derivatives are referenced by central
 * differences of the reference at 90 digits.
 */
class ObjectivePiecesAccuracyTest {

    private static final double EPS = Math.ulp(1.0);

    static Stream<FDivergence> divergences() {
        List<FDivergence> list = new ArrayList<>(Divergences.all());
        for (double a : new double[] {-3, -0.001, 0.001, 0.9, 0.999, 1.001, 5}) {
            list.add(new AmariAlpha(a));
        }
        return list.stream();
    }

    /** Working digits: 50, plus two per decade by which a small nonzero argument lies below 1. */
    private static MathContext digitsFor(double... xs) {
        int extra = 0;
        for (double x : xs) {
            if (x != 0 && Math.abs(x) < 1) {
                extra = Math.max(extra, (int) Math.ceil(-2 * Math.log10(Math.abs(x))));
            }
        }
        return HighPrecision.digits(50 + extra);
    }

    private static MathContext wider(MathContext mc, int extra) {
        return HighPrecision.digits(mc.getPrecision() + extra);
    }

    /** (F(x + h) − F(x − h))/2h, h = 10⁻²⁰·|x| (10⁻²⁰ at x = 0), at 35 more digits. */
    private static BigDecimal derivative(BiFunction<BigDecimal, MathContext, BigDecimal> f, BigDecimal x,
            MathContext mc) {
        MathContext w = wider(mc, 35);
        BigDecimal h = x.signum() == 0 ? new BigDecimal("1e-20") : x.abs().multiply(new BigDecimal("1e-20"));
        BigDecimal hi = f.apply(x.add(h), w);
        BigDecimal lo = f.apply(x.subtract(h), w);
        if (hi == null || lo == null) {
            return null;
        }
        return hi.subtract(lo).divide(h.multiply(ReferenceDivergence.TWO), mc);
    }

    /** |x·F'(x)/F(x)| by a central difference at relative step 10⁻⁸ and 24 digits (a tolerance scale only). */
    private static double kappa(BiFunction<BigDecimal, MathContext, BigDecimal> f, BigDecimal x, BigDecimal fx,
            MathContext mc) {
        if (fx == null || fx.signum() == 0 || x.signum() == 0) {
            return 0;
        }
        MathContext w = HighPrecision.digits(24 + Math.max(0, mc.getPrecision() - 50));
        BigDecimal h = x.abs().multiply(new BigDecimal("1e-8"));
        BigDecimal hi = f.apply(x.add(h), w);
        BigDecimal lo = f.apply(x.subtract(h), w);
        if (hi == null || lo == null) {
            return Double.POSITIVE_INFINITY;
        }
        double slope = hi.subtract(lo).divide(h.multiply(ReferenceDivergence.TWO), HighPrecision.digits(10)).doubleValue();
        return Math.abs(x.doubleValue() * slope / fx.doubleValue());
    }

    /**
     * The documented loss of Amari α's generator and integrands near α = 0 and 1, a factor
     * 1/|α(1 − α)| (the divided difference behind the limits KL and reverse KL; class comment of
     * {@link AmariAlpha}); 1 for every other divergence.
     */
    private static double divisionLoss(FDivergence f) {
        if (f instanceof AmariAlpha a) {
            return Math.max(1, 1 / Math.abs(a.alpha() * (1 - a.alpha())));
        }
        return 1;
    }

    /** Collects every mismatch of one divergence, so a failure lists all of them at once. */
    private static final class Report {
        final String name;
        final List<String> failures = new ArrayList<>();
        int checked;

        Report(String name) {
            this.name = name;
        }

        /**
         * got against the reference ref (null: +∞), with condition number kappa: NaN never, ±∞
         * exactly where |ref| rounds beyond MAX_VALUE, otherwise relative error ≤ 2⁻⁵²(32 + 4κ)
         * (absolute 2⁻¹⁰⁷⁴(32 + 4κ) in the subnormal range, exact 0 for a zero reference).
         */
        void check(String piece, String arg, double got, BigDecimal ref, double kappa) {
            checkScaled(piece, arg, got, ref, kappa, 1);
        }

        /** {@link #check} with the tolerance multiplied by factor (a documented loss of accuracy). */
        void checkScaled(String piece, String arg, double got, BigDecimal ref, double kappa, double factor) {
            checked++;
            String where = piece + "(" + arg + ")";
            if (Double.isNaN(got)) {
                failures.add(where + " = NaN, reference " + show(ref));
                return;
            }
            if (ref == null) {
                if (got != Double.POSITIVE_INFINITY) {
                    failures.add(where + " = " + got + ", reference +inf");
                }
                return;
            }
            double refD = ref.doubleValue();
            if (Double.isInfinite(refD)) {
                if (got != refD) {
                    failures.add(where + " = " + got + ", reference " + show(ref) + " (beyond double: " + refD + ")");
                }
                return;
            }
            if (ref.signum() == 0) {
                if (got != 0) {
                    failures.add(where + " = " + got + ", reference 0");
                }
                return;
            }
            double tol = EPS * (32 + 4 * kappa) * factor;
            if (Double.isInfinite(got)) {
                failures.add(where + " = " + got + ", reference " + show(ref) + " (finite)");
                return;
            }
            BigDecimal err = new BigDecimal(got).subtract(ref).abs();
            double bound = tol * Math.abs(refD) + tol * Double.MIN_NORMAL;
            if (err.doubleValue() > bound) {
                failures.add(where + " = " + got + ", reference " + show(ref) + ", relative error "
                        + String.format("%.2e", err.doubleValue() / Math.abs(refD)) + " > " + String.format("%.2e", tol)
                        + " (kappa " + String.format("%.3g", kappa) + ")");
            }
        }

        void checkLimit(String piece, String arg, double got, double expected) {
            checked++;
            // one subnormal step of slack: the reference limit e^logFactor·c is itself rounded once
            if (!(got == expected || Math.abs(got - expected) <= 1e-15 * Math.abs(expected) + Double.MIN_VALUE)) {
                failures.add(piece + "(" + arg + ") = " + got + ", limit " + expected);
            }
        }

        void fail(String message) {
            failures.add(message);
        }

        void assertClean() {
            StringBuilder sb = new StringBuilder(name + ": " + failures.size() + " of " + checked + " values wrong");
            for (String f : failures) {
                sb.append("\n  ").append(f);
            }
            assertTrue(failures.isEmpty(), sb.toString());
        }

        private static String show(BigDecimal x) {
            return x == null ? "+inf" : x.round(HighPrecision.digits(17)).toString();
        }
    }

    // ---------------------------------------------------------------- grids

    private static double[] symmetricGrid(double step, double... special) {
        TreeSet<Double> s = new TreeSet<>();
        for (double x = -1000; x <= 1000; x += step) {
            s.add(x);
        }
        for (double x : special) {
            s.add(x);
            s.add(-x);
        }
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** v, t and d: [−1000, 1000] in steps of 200 with the points where exp over- or underflows, where the branches switch, and tiny ones. */
    private static final double[] LINE = symmetricGrid(200, 0, 1e-300, 1e-8, 0.25, 0.5, 1, 2, 5, 19, 20, 36, 37,
            70, 400, 709.5, 710, 720, 745, 746, 1000);

    /** u over the positive doubles: every 64th binade from 2⁻¹⁰⁷⁴ to 2¹⁰²³, MAX_VALUE, and ratios near 1. */
    private static double[] ratioGrid() {
        TreeSet<Double> s = new TreeSet<>();
        for (int k = -1074; k <= 1023; k += 64) {
            s.add(Math.scalb(1.0, k));
        }
        s.add(Double.MAX_VALUE);
        s.add(Double.MIN_NORMAL);
        for (double u : new double[] {1e-300, 0.1, 0.5, 1 - 1e-8, Math.nextDown(1.0), 1, Math.nextUp(1.0), 1 + 1e-8,
            2, 10, 1e300}) {
            s.add(u);
        }
        return s.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static final double[] LOG_DENSITIES = {Double.NEGATIVE_INFINITY, -1e5, -1000, -746, -745, -740, -709,
        -100, -1, -1e-300, 0, 1e-300, 1, 709, 745, 1000};

    // ---------------------------------------------------------------- the test

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void everyPieceMatchesHighPrecisionReference(FDivergence f) {
        ReferenceDivergence ref = ReferenceDivergence.of(f);
        Report report = new Report(f.name());
        generatorAndCritic(f, ref, report);
        logRatioPieces(f, ref, report);
        conjugate(f, ref, report);
        activationPieces(f, ref, report);
        integrands(f, ref, report);
        report.assertClean();
    }

    /**
     * The hand-written reference pieces agree with each other at moderate arguments (80 digits):
     * f', g_f' and (f*∘g_f)' with central differences of f, g_f and f*∘g_f; f*∘g_f with f* after
     * g_f; g_f(v*) with f'(e^d).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void referencePiecesAreConsistent(FDivergence f) {
        ReferenceDivergence ref = ReferenceDivergence.of(f);
        MathContext mc = HighPrecision.digits(80);
        BigDecimal tol = new BigDecimal("1e-30");
        for (double u : new double[] {0.3, 0.7, 1.5, 4}) {
            BigDecimal x = HighPrecision.of(u);
            assertClose(ref.derivative(Ratio.of(x, mc), mc),
                    derivative((y, m) -> ref.generator(Ratio.of(y, m), m), x, mc), tol, f.name() + " f'(" + u + ")");
        }
        for (double v : new double[] {-5, -1.3, 0.4, 2.7, 6}) {
            BigDecimal x = HighPrecision.of(v);
            assertClose(ref.activationDerivative(x, mc), derivative(ref::activation, x, mc), tol,
                    f.name() + " g'(" + v + ")");
            assertClose(ref.conjugateOfActivationDerivative(x, mc), derivative(ref::conjugateOfActivation, x, mc), tol,
                    f.name() + " (f*og)'(" + v + ")");
            assertClose(ref.conjugateOfActivation(x, mc), ref.conjugate(ref.activation(x, mc), mc), tol,
                    f.name() + " f*(g(" + v + "))");
        }
        if (!f.kinkAtOne()) {
            for (double d : new double[] {-3, -0.5, 0.7, 4}) {
                BigDecimal x = HighPrecision.of(d);
                assertClose(ref.derivative(Ratio.ofLog(x, mc), mc), ref.activation(ref.preactivation(x, mc), mc), tol,
                        f.name() + " g(v*(" + d + "))");
            }
        }
    }

    private static void assertClose(BigDecimal expected, BigDecimal actual, BigDecimal relative, String what) {
        BigDecimal err = expected.subtract(actual).abs();
        assertTrue(err.compareTo(relative.multiply(expected.abs().max(BigDecimal.ONE))) <= 0,
                what + ": " + expected.round(HighPrecision.digits(20)) + " vs " + actual.round(HighPrecision.digits(20)));
    }

    private static void generatorAndCritic(FDivergence f, ReferenceDivergence ref, Report report) {
        BiFunction<BigDecimal, MathContext, BigDecimal> gen = (u, mc) -> ref.generator(Ratio.of(u, mc), mc);
        BiFunction<BigDecimal, MathContext, BigDecimal> fPrime = (u, mc) -> ref.derivative(Ratio.of(u, mc), mc);
        for (double u : ratioGrid()) {
            MathContext mc = digitsFor(u - 1);
            BigDecimal x = HighPrecision.of(u);
            BigDecimal fu = gen.apply(x, mc);
            report.checkScaled("generator", Double.toString(u), f.generator(u), fu, kappa(gen, x, fu, mc),
                    divisionLoss(f));
            BigDecimal dfu = fPrime.apply(x, mc);
            report.check("optimalCritic", Double.toString(u), f.optimalCritic(u), dfu,
                    f.kinkAtOne() ? 0 : kappa(fPrime, x, dfu, mc));
        }
        report.checkLimit("generator", "0", f.generator(0), ref.valueAtZero());
        double atInfinity = ref.generator(Ratio.of(new BigDecimal("1e400"), HighPrecision.digits(30)),
                HighPrecision.digits(30)).signum() * Double.POSITIVE_INFINITY;
        report.checkLimit("generator", "+inf", f.generator(Double.POSITIVE_INFINITY), atInfinity);
        for (double u : new double[] {0, Double.POSITIVE_INFINITY}) {
            if (Double.isNaN(f.optimalCritic(u))) {
                report.fail("optimalCritic(" + u + ") = NaN");
            }
        }
    }

    private static void logRatioPieces(FDivergence f, ReferenceDivergence ref, Report report) {
        BiFunction<BigDecimal, MathContext, BigDecimal> critic = (d, mc) -> ref.derivative(Ratio.ofLog(d, mc), mc);
        for (double d : LINE) {
            MathContext mc = digitsFor(d);
            BigDecimal x = HighPrecision.of(d);
            BigDecimal t = critic.apply(x, mc);
            report.check("optimalCriticFromLogRatio", Double.toString(d), f.optimalCriticFromLogRatio(d), t,
                    f.kinkAtOne() ? 0 : kappa(critic, x, t, mc));
            if (!f.kinkAtOne()) {
                BigDecimal v = ref.preactivation(x, mc);
                report.check("optimalCriticPreactivation", Double.toString(d), f.optimalCriticPreactivation(d), v,
                        kappa(ref::preactivation, x, v, mc));
            } else {
                report.checkLimit("optimalCriticPreactivation", Double.toString(d), f.optimalCriticPreactivation(d),
                        d == 0 ? 0 : Math.signum(d) * Double.POSITIVE_INFINITY);
            }
        }
    }

    private static void conjugate(FDivergence f, ReferenceDivergence ref, Report report) {
        TreeSet<Double> ts = new TreeSet<>();
        for (double t : LINE) {
            ts.add(t);
        }
        // near an irrational end (½ log 2, 1/(1 − α)) the classes take the double nearest it as the
        // end; the next doubles around it lie on either side of the true end, so only the end itself
        // and points 1e-8 inside are checked
        for (double end : new double[] {f.conjugateDomainLower(), f.conjugateDomainUpper()}) {
            if (Double.isFinite(end)) {
                ts.add(end);
                ts.add(end - 1e-8);
                ts.add(end + 1e-8);
            }
        }
        ts.add(Math.nextDown(-2.0));
        for (double t : ts) {
            MathContext mc = digitsFor(t);
            BigDecimal x = HighPrecision.of(t);
            BigDecimal c = ref.conjugate(x, mc);
            report.check("conjugate", Double.toString(t), f.conjugate(t), c, kappa(ref::conjugate, x, c, mc));
        }
    }

    private static void activationPieces(FDivergence f, ReferenceDivergence ref, Report report) {
        for (double v : LINE) {
            MathContext mc = digitsFor(v);
            BigDecimal x = HighPrecision.of(v);
            String arg = Double.toString(v);
            BigDecimal g = ref.activation(x, mc);
            double got = f.outputActivation(v);
            if (!f.inConjugateDomain(got)) {
                report.fail("outputActivation(" + arg + ") = " + got + " outside dom f*");
            }
            if (!roundsToDomainEnd(f, g) || !isInnermostDouble(f, got)) {
                report.check("outputActivation", arg, got, g, kappa(ref::activation, x, g, mc));
            }
            BigDecimal dg = ref.activationDerivative(x, mc);
            report.check("outputActivationDerivative", arg, f.outputActivationDerivative(v), dg,
                    kappa(ref::activationDerivative, x, dg, mc));
            BigDecimal c = ref.conjugateOfActivation(x, mc);
            report.check("conjugateOfActivation", arg, f.conjugateOfActivation(v), c,
                    kappa(ref::conjugateOfActivation, x, c, mc));
            BigDecimal dc = ref.conjugateOfActivationDerivative(x, mc);
            report.check("conjugateOfActivationDerivative", arg, f.conjugateOfActivationDerivative(v), dc,
                    kappa(ref::conjugateOfActivationDerivative, x, dc, mc));
        }
    }

    /** Whether the exact g_f(v) rounds onto or beyond an open end of dom f* (the class then clamps). */
    private static boolean roundsToDomainEnd(FDivergence f, BigDecimal g) {
        double gd = g.doubleValue();
        return !(gd < f.conjugateDomainUpper()) || !(gd > f.conjugateDomainLower()) || Double.isInfinite(gd)
                || gd == 0 && f.conjugateDomainUpper() == 0;
    }

    /** Whether got is the double next to an end of dom f*: the clamp value. */
    private static boolean isInnermostDouble(FDivergence f, double got) {
        double up = f.conjugateDomainUpper();
        double lo = f.conjugateDomainLower();
        return got == Math.nextDown(up) || got == Math.nextUp(lo) || got == -Double.MAX_VALUE
                || got == Double.MAX_VALUE || (up == 0 && got == -Double.MIN_VALUE);
    }

    private static void integrands(FDivergence f, ReferenceDivergence ref, Report report) {
        for (double lp : LOG_DENSITIES) {
            for (double lq : LOG_DENSITIES) {
                String arg = lp + ", " + lq;
                if (Double.isInfinite(lp) || Double.isInfinite(lq)) {
                    edgeIntegrands(f, ref, report, lp, lq, arg);
                    continue;
                }
                BigDecimal d = HighPrecision.of(lp).subtract(HighPrecision.of(lq));
                MathContext mc = digitsFor(d.doubleValue());
                BigDecimal q = HighPrecision.exp(HighPrecision.of(lq), mc);
                BiFunction<BigDecimal, MathContext, BigDecimal> plain = (x, m) -> ref.generator(Ratio.ofLog(x, m), m);
                BiFunction<BigDecimal, MathContext, BigDecimal> bregman = (x, m) -> {
                    Ratio r = Ratio.ofLog(x, m);
                    return ref.generator(r, m).subtract(ref.generatorAtOne(m))
                            .subtract(ref.slopeAtOne(m).multiply(r.uMinusOne()), m);
                };
                for (int form = 0; form < 2; form++) {
                    BiFunction<BigDecimal, MathContext, BigDecimal> gfun = form == 0 ? plain : bregman;
                    BigDecimal g = d.signum() == 0 && form == 1 ? BigDecimal.ZERO : gfun.apply(d, mc);
                    double k = Math.abs(lp) + Math.abs(lq) + kappa(gfun, d, g, mc);
                    BigDecimal value = q.multiply(g, mc);
                    double got = form == 0 ? f.integrand(lp, lq) : f.normalisedIntegrand(lp, lq);
                    report.checkScaled(form == 0 ? "integrand" : "normalisedIntegrand", arg, got, value, k,
                            divisionLoss(f));
                }
            }
        }
    }

    /** p or q zero: the documented limits q·f(0+), p·slope, and their Bregman forms. */
    private static void edgeIntegrands(FDivergence f, ReferenceDivergence ref, Report report, double lp, double lq,
            String arg) {
        MathContext mc = HighPrecision.digits(40);
        double f1 = ref.generatorAtOne(mc).doubleValue();
        double s1 = ref.slopeAtOne(mc).doubleValue();
        double plain;
        double bregman;
        if (lp == Double.NEGATIVE_INFINITY && lq == Double.NEGATIVE_INFINITY) {
            plain = 0;
            bregman = 0;
        } else if (lq == Double.NEGATIVE_INFINITY) {
            plain = scaled(lp, ref.slopeAtInfinity());
            bregman = scaled(lp, ref.slopeAtInfinity() - s1);
        } else {
            plain = scaled(lq, ref.valueAtZero());
            bregman = scaled(lq, ref.valueAtZero() - f1 + s1);
        }
        report.checkLimit("integrand", arg, f.integrand(lp, lq), plain);
        report.checkLimit("normalisedIntegrand", arg, f.normalisedIntegrand(lp, lq), bregman);
    }

    /** e^logFactor·c, with 0·c = 0 and e^logFactor·∞ = ∞. */
    private static double scaled(double logFactor, double c) {
        if (c == 0 || Double.isInfinite(c)) {
            return c;
        }
        return HighPrecision.exp(HighPrecision.of(logFactor), HighPrecision.digits(30)).multiply(HighPrecision.of(c))
                .doubleValue();
    }
}
