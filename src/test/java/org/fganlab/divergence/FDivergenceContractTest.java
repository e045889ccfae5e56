package org.fganlab.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented property of {@link FDivergence}, run against every registered divergence
 * ({@link Divergences#all()}) and a few extra α (−1, 0.3, 3), so that a copy-paste error in one
 * record fails here.
 */
class FDivergenceContractTest {

    static Stream<FDivergence> divergences() {
        List<FDivergence> list = new ArrayList<>(Divergences.all());
        list.add(new AmariAlpha(-1.0));
        list.add(new AmariAlpha(0.3));
        list.add(new AmariAlpha(3.0));
        return list.stream();
    }

    /** Ratios u where f is smooth (1 excluded because of TV's kink). */
    private static final double[] SMOOTH_U = {0.02, 0.1, 0.3, 0.7, 0.95, 1.05, 1.5, 3.0, 10.0, 60.0};

    private static double[] logGrid(double lo, double hi, int n) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * i / (n - 1));
        }
        return u;
    }

    private static boolean isGan(FDivergence f) {
        return f instanceof GanDivergence;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void generatorIsZeroAtOneExceptGan(FDivergence f) {
        double expected = isGan(f) ? -Math.log(4.0) : 0.0;
        assertEquals(expected, f.generator(1.0), 1e-15, f.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void generatorLimitsMatchValueAtZeroAndSlope(FDivergence f) {
        assertEquals(f.valueAtZero(), f.generator(0.0), 1e-15);
        double f0 = f.generator(1e-40);
        if (Double.isInfinite(f.valueAtZero())) {
            assertTrue(f0 > 10.0, "f(1e-40) = " + f0 + " should be large");
        } else {
            assertEquals(f.valueAtZero(), f0, 1e-4);
        }
        double u = 1e12;
        double slope = f.generator(u) / u;
        if (Double.isInfinite(f.slopeAtInfinity())) {
            assertTrue(slope > 20.0, "f(u)/u at u = 1e12 is " + slope);
        } else {
            assertEquals(f.slopeAtInfinity(), slope, 1e-3 + 1e-3 * Math.abs(f.slopeAtInfinity()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void generatorIsConvexOnGrid(FDivergence f) {
        double[] u = logGrid(1e-3, 1e3, 31);
        for (double a : u) {
            for (double b : u) {
                double fa = f.generator(a);
                double fb = f.generator(b);
                double mid = f.generator(0.5 * (a + b));
                double tol = 1e-12 * (Math.abs(fa) + Math.abs(fb) + 1.0);
                assertTrue(mid <= 0.5 * (fa + fb) + tol,
                        f.name() + ": midpoint convexity fails at " + a + ", " + b);
            }
        }
        // and strictly convex somewhere between 0.5 and 2 (a linear f would pass the above)
        assertTrue(f.generator(1.0) < 0.5 * (f.generator(0.5) + f.generator(1.5)) - 1e-3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void optimalCriticMatchesCentralDifference(FDivergence f) {
        for (double u : SMOOTH_U) {
            double h = 1e-5 * u;
            double fd = (f.generator(u + h) - f.generator(u - h)) / (2 * h);
            double exact = f.optimalCritic(u);
            assertEquals(fd, exact, 1e-6 * Math.max(1.0, Math.abs(exact)), f.name() + " at u = " + u);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void thresholdIsDerivativeAtOne(FDivergence f) {
        double h = 1e-6;
        double fd = (f.generator(1 + h) - f.generator(1 - h)) / (2 * h);
        assertEquals(fd, f.threshold(), 1e-8, f.name());
        assertEquals(f.optimalCritic(1.0), f.threshold(), 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void secondDerivativeAtOneMatchesFiniteDifference(FDivergence f) {
        double h = 1e-3;
        double fd = (f.generator(1 + h) - 2 * f.generator(1.0) + f.generator(1 - h)) / (h * h);
        if (f.kinkAtOne()) {
            // |u − 1|/2 has second difference 1/h, unbounded as h → 0
            assertEquals(1.0 / h, fd, 1e-6 / h);
            assertEquals(Double.POSITIVE_INFINITY, f.secondDerivativeAtOne());
        } else {
            assertEquals(fd, f.secondDerivativeAtOne(), 1e-5, f.name());
        }
        assertEquals(f instanceof TotalVariation, f.kinkAtOne());
    }

    /**
     * The trainer's gradients: g_f'(v) and d/dv f*(g_f(v)) against central differences of
     * outputActivation and conjugateOfActivation, and finite (never NaN) for |v| ≤ 100.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void activationDerivativesMatchCentralDifferences(FDivergence f) {
        double h = 1e-5;
        for (double v = -5.0; v <= 5.0; v += 0.125) {
            double gNum = (f.outputActivation(v + h) - f.outputActivation(v - h)) / (2 * h);
            double g = f.outputActivationDerivative(v);
            assertEquals(gNum, g, 1e-7 * Math.max(1.0, Math.abs(g)), f.name() + " g_f' at v = " + v);
            double c = f.conjugateOfActivationDerivative(v);
            boolean straddlesZeroBranch = (f.conjugateOfActivationDerivative(v - 2 * h) == 0.0)
                    != (f.conjugateOfActivationDerivative(v + 2 * h) == 0.0);
            if (straddlesZeroBranch) {
                // Pearson at v = −2 and α > 1 at v = −1/(α − 1): u* reaches 0 and f* switches to
                // its constant branch; the analytic derivative is continuous (0) there, but the
                // stencil sees the switch (O(h) for Pearson, O(√h) for α = 3)
                assertEquals(0.0, c, 1e-2, f.name() + " near the switch at v = " + v);
                continue;
            }
            double cNum = (f.conjugateOfActivation(v + h) - f.conjugateOfActivation(v - h)) / (2 * h);
            assertEquals(cNum, c, 1e-6 * Math.max(1.0, Math.abs(c)), f.name() + " (f*∘g_f)' at v = " + v);
        }
        for (double v = -100.0; v <= 100.0; v += 0.5) {
            double g = f.outputActivationDerivative(v);
            double c = f.conjugateOfActivationDerivative(v);
            assertTrue(Double.isFinite(g), f.name() + " g_f'(" + v + ") = " + g);
            assertTrue(Double.isFinite(c), f.name() + " (f*∘g_f)'(" + v + ") = " + c);
        }
        assertTrue(Double.isNaN(f.outputActivationDerivative(Double.NaN)));
        assertTrue(Double.isNaN(f.conjugateOfActivationDerivative(Double.NaN)));
    }

    /**
     * The Bregman form q·[f(u) − f(1) − f'(1)(u − 1)] used by quadrature: equal to the generic
     * expression for moderate log-densities, never negative, never NaN at extremes, and with the
     * limits of its Javadoc where p or q vanishes.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void normalisedIntegrandIsTheNonNegativeBregmanForm(FDivergence f) {
        double f1 = f.generator(1.0);
        double t1 = f.threshold();
        for (double lq = -3.0; lq <= 1.0; lq += 1.0) {
            for (double d = -6.0; d <= 6.0; d += 0.125) {
                double lp = lq + d;
                double p = Math.exp(lp);
                double q = Math.exp(lq);
                double expected = f.integrand(lp, lq) - f1 * q - t1 * (p - q);
                double scale = Math.abs(f.integrand(lp, lq)) + Math.abs(f1 * q) + Math.abs(t1 * (p - q));
                assertEquals(expected, f.normalisedIntegrand(lp, lq), 1e-13 * scale,
                        f.name() + " at logP = " + lp + ", logQ = " + lq);
                assertTrue(f.normalisedIntegrand(lp, lq) >= 0, f.name() + " negative at d = " + d);
            }
        }
        // second order near p = q, where the generic expression would cancel: ≈ f''(1)/2·q·d²
        if (!f.kinkAtOne()) {
            double d = 1e-6;
            double expected = 0.5 * f.secondDerivativeAtOne() * d * d;
            assertEquals(expected, f.normalisedIntegrand(d, 0.0), 1e-5 * expected, f.name() + " near p = q");
        }
        for (double[] lpq : new double[][] {{-800, -2}, {-2, -800}, {700, 0}, {0, 700}, {-1e4, 0}, {0, -1e4}}) {
            double v = f.normalisedIntegrand(lpq[0], lpq[1]);
            assertFalse(Double.isNaN(v), f.name() + " NaN at " + lpq[0] + ", " + lpq[1]);
            assertTrue(v >= 0, f.name() + " negative at " + lpq[0] + ", " + lpq[1]);
        }
        double ninf = Double.NEGATIVE_INFINITY;
        assertEquals(0.0, f.normalisedIntegrand(ninf, ninf));
        assertEquals(Math.exp(-1.0) * (f.valueAtZero() - f1 + t1), f.normalisedIntegrand(ninf, -1.0),
                1e-15 * Math.max(1, Math.abs(f.valueAtZero())), f.name() + " p = 0");
        assertEquals(Math.exp(-1.0) * (f.slopeAtInfinity() - t1), f.normalisedIntegrand(-1.0, ninf),
                1e-15 * Math.max(1, Math.abs(f.slopeAtInfinity())), f.name() + " q = 0");
        assertTrue(Double.isNaN(f.normalisedIntegrand(Double.NaN, 0.0)));
    }

    /**
     * g_f(v*) = f'(e^d) and f*(T*) = conjugateOfActivation(v*) (used by the variational-bound
     * check); TV's critic sits on the boundary, v* = ±∞.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void preactivationOfOptimalCriticMapsToOptimalCritic(FDivergence f) {
        for (double d = -30.0; d <= 30.0; d += 0.5) {
            double v = f.optimalCriticPreactivation(d);
            double t = f.optimalCriticFromLogRatio(d);
            if (f instanceof TotalVariation) {
                assertEquals(d > 0 ? Double.POSITIVE_INFINITY : d < 0 ? Double.NEGATIVE_INFINITY : 0.0, v);
                continue;
            }
            assertTrue(Double.isFinite(v), f.name() + " v* at d = " + d + " is " + v);
            assertEquals(t, f.outputActivation(v), 1e-12 * Math.max(1.0, Math.abs(t)),
                    f.name() + " g_f(v*) at d = " + d);
            if (Math.abs(d) <= 5) {
                double conj = f.conjugate(t);
                assertEquals(conj, f.conjugateOfActivation(v), 1e-11 * Math.max(1.0, Math.abs(conj)),
                        f.name() + " f*(T*) at d = " + d);
            }
        }
        assertTrue(Double.isNaN(f.optimalCriticPreactivation(Double.NaN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void optimalCriticFromLogRatioMatchesOptimalCritic(FDivergence f) {
        for (double d = -5.0; d <= 5.0; d += 0.25) {
            double expected = f.optimalCritic(Math.exp(d));
            assertEquals(expected, f.optimalCriticFromLogRatio(d), 1e-13 * Math.max(1.0, Math.abs(expected)),
                    f.name() + " at d = " + d);
        }
        assertEquals(f.optimalCritic(0.0), f.optimalCriticFromLogRatio(Double.NEGATIVE_INFINITY), 1e-15);
        assertEquals(f.optimalCritic(Double.POSITIVE_INFINITY),
                f.optimalCriticFromLogRatio(Double.POSITIVE_INFINITY), 1e-15);
        assertTrue(Double.isNaN(f.optimalCriticFromLogRatio(Double.NaN)));
        assertTrue(Double.isNaN(f.optimalCritic(Double.NaN)));
        assertTrue(Double.isNaN(f.optimalCritic(-1.0)));
        assertTrue(Double.isNaN(f.generator(-1.0)));
        assertTrue(Double.isNaN(f.generator(Double.NaN)));
    }

    /** sup_{u ≥ 0} [u t − f(u)]: a dense grid in log u, then Brent's method around the best point. */
    private static double numericalConjugate(FDivergence f, double t) {
        double best = Double.isFinite(f.valueAtZero()) ? -f.valueAtZero() : Double.NEGATIVE_INFINITY;
        double bestS = Double.NaN;
        double step = 0.01;
        for (int i = 0; i <= 8000; i++) {
            double s = -40.0 + i * step;
            double u = Math.exp(s);
            double value = u * t - f.generator(u);
            if (value > best) {
                best = value;
                bestS = s;
            }
        }
        if (Double.isNaN(bestS)) {
            return best;                             // supremum at u = 0
        }
        final double lo = bestS - step;
        final double hi = bestS + step;
        BrentOptimizer optimizer = new BrentOptimizer(1e-14, 1e-300);
        UnivariatePointValuePair pair = optimizer.optimize(new MaxEval(10_000),
                new UnivariateObjectiveFunction(s -> Math.exp(s) * t - f.generator(Math.exp(s))),
                GoalType.MAXIMIZE, new SearchInterval(lo, hi, bestS));
        return Math.max(best, pair.getValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void conjugateMatchesNumericalSupremumOnActivationRange(FDivergence f) {
        for (double v = -3.0; v <= 3.0; v += 0.25) {
            double t = f.outputActivation(v);
            double numeric = numericalConjugate(f, t);
            double exact = f.conjugate(t);
            assertEquals(numeric, exact, 1e-9 * Math.max(1.0, Math.abs(exact)),
                    f.name() + " at t = g_f(" + v + ") = " + t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void fenchelYoungEqualityHoldsAtOptimalCritic(FDivergence f) {
        for (double u : logGrid(1e-3, 1e3, 41)) {
            double t = f.optimalCritic(u);
            double rhs = u * t - f.generator(u);
            double lhs = f.conjugate(t);
            double scale = Math.max(1.0, Math.max(Math.abs(u * t), Math.abs(f.generator(u))));
            assertEquals(rhs, lhs, 1e-11 * scale, f.name() + " at u = " + u);
            assertTrue(f.inConjugateDomain(t), f.name() + ": f'(" + u + ") = " + t + " not in dom f*");
        }
        // at u = 1 (for TV: with the subgradient 0 at the kink): f*(f'(1)) = f'(1) − f(1)
        assertEquals(f.threshold() - f.generator(1.0), f.conjugate(f.threshold()), 1e-15);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void activationRangeLiesInConjugateDomain(FDivergence f) {
        for (double v = -100.0; v <= 100.0; v += 0.5) {
            double t = f.outputActivation(v);
            assertTrue(f.inConjugateDomain(t), f.name() + ": g_f(" + v + ") = " + t + " not in dom f*");
            assertTrue(t >= f.conjugateDomainLower() && t <= f.conjugateDomainUpper());
            assertTrue(f.conjugate(t) < Double.POSITIVE_INFINITY, f.name() + " f*(g_f(" + v + "))");
        }
        for (double v : new double[] {-1e300, -1e4, -800.0, 800.0, 1e4, 1e300}) {
            double t = f.outputActivation(v);
            assertTrue(f.inConjugateDomain(t), f.name() + ": g_f(" + v + ") = " + t + " not in dom f*");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void conjugateDomainPredicateMatchesBounds(FDivergence f) {
        double lo = f.conjugateDomainLower();
        double hi = f.conjugateDomainUpper();
        assertFalse(f.inConjugateDomain(Double.NaN));
        assertFalse(f.inConjugateDomain(Double.POSITIVE_INFINITY));
        assertFalse(f.inConjugateDomain(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(f.conjugate(Double.NaN)));
        if (Double.isFinite(hi)) {
            assertTrue(f.inConjugateDomain(Math.nextDown(hi)));
            assertFalse(f.inConjugateDomain(Math.nextUp(hi)));
            assertEquals(Double.POSITIVE_INFINITY, f.conjugate(Math.nextUp(hi)));
            assertEquals(f.kinkAtOne(), f.inConjugateDomain(hi), "only TV's domain is closed");
        }
        if (Double.isFinite(lo)) {
            assertTrue(f.inConjugateDomain(Math.nextUp(lo)));
            assertFalse(f.inConjugateDomain(Math.nextDown(lo)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void conjugateOfActivationMatchesComposition(FDivergence f) {
        for (double v = -10.0; v <= 10.0; v += 0.125) {
            double expected = f.conjugate(f.outputActivation(v));
            double actual = f.conjugateOfActivation(v);
            // the composition is only as accurate as the rounded activation allows
            assertEquals(expected, actual, 1e-9 * Math.max(1.0, Math.abs(expected)), f.name() + " at v = " + v);
        }
        for (double v = -100.0; v <= 100.0; v += 0.5) {
            double value = f.conjugateOfActivation(v);
            assertTrue(Double.isFinite(value), f.name() + ": f*(g_f(" + v + ")) = " + value);
        }
        assertTrue(Double.isNaN(f.conjugateOfActivation(Double.NaN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void integrandMatchesDirectFormulaForModerateValues(FDivergence f) {
        for (double logP = -3.0; logP <= 3.0; logP += 0.375) {
            for (double logQ = -3.0; logQ <= 3.0; logQ += 0.5) {
                double p = Math.exp(logP);
                double q = Math.exp(logQ);
                double expected = q * f.generator(p / q);
                double actual = f.integrand(logP, logQ);
                assertEquals(expected, actual, 1e-12 * Math.max(1.0, Math.abs(expected)),
                        f.name() + " at logP = " + logP + ", logQ = " + logQ);
            }
        }
        // near p = q, where the direct formula cancels, compare relative to the quadratic size
        for (double eps : new double[] {1e-3, -1e-3, 1e-5, -1e-5}) {
            double expected = (isGan(f) ? f.generator(1.0) : 0.0) * 1.0
                    + f.threshold() * (Math.exp(eps) - 1.0)
                    + 0.5 * f.secondDerivativeAtOne() * Math.expm1(eps) * Math.expm1(eps);
            if (f.kinkAtOne()) {
                expected = 0.5 * Math.abs(Math.expm1(eps));
            }
            double actual = f.integrand(eps, 0.0);
            assertEquals(expected, actual, Math.abs(eps) * eps * eps * 10.0 + 1e-300,
                    f.name() + " near ratio 1, d = " + eps);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void integrandHasDocumentedEdgeCases(FDivergence f) {
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(0.0, f.integrand(-inf, -inf), 0.0);
        assertEquals(0.0, f.integrand(0.0, 0.0) - (isGan(f) ? f.generator(1.0) : 0.0), 1e-15);
        double logP = Math.log(0.3);
        double slope = f.slopeAtInfinity();
        double expectedQZero = Double.isInfinite(slope) ? slope : 0.3 * slope;
        assertEquals(expectedQZero, f.integrand(logP, -inf), 1e-15, f.name() + ": q = 0 < p");
        double f0 = f.valueAtZero();
        double expectedPZero = Double.isInfinite(f0) ? f0 : 0.3 * f0;
        assertEquals(expectedPZero, f.integrand(-inf, logP), 1e-15, f.name() + ": p = 0 < q");
        // p > 0 so small that exp(logP) underflows: still p·slope, i.e. +∞ when the slope is
        assertEquals(Double.isInfinite(slope) ? slope : 0.0, f.integrand(-800.0, -inf), 0.0);
        assertTrue(Double.isNaN(f.integrand(Double.NaN, 0.0)));
        assertTrue(Double.isNaN(f.integrand(0.0, Double.NaN)));
        assertTrue(Double.isNaN(f.integrand(Double.NaN, -inf)));
        assertTrue(Double.isNaN(f.integrand(Double.NaN, inf)));
        assertThrows(IllegalArgumentException.class, () -> f.integrand(inf, 0.0));
        assertThrows(IllegalArgumentException.class, () -> f.integrand(0.0, inf));
    }

    /** Log of C·p^e·q^(1−e)·|d|^m, the asymptotic size of the integrand (C omitted). */
    private static double logAsymptoticSize(Asymptote a, double logP, double logQ) {
        double d = Math.abs(logP - logQ);
        return a.pExponent() * logP + (1 - a.pExponent()) * logQ + a.logPower() * Math.log(d);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void integrandNeverNaNAndFiniteWhereRepresentable(FDivergence f) {
        double[] logs = {-1e4, -2000.0, -800.0, -745.5, -700.0, -40.0, -2.0, -1e-12, 0.0, 1e-12, 2.0, 40.0, 700.0,
            710.0, 2000.0, 1e4, -Double.MAX_VALUE, Double.MAX_VALUE, Double.NEGATIVE_INFINITY};
        boolean normalised = f.threshold() == 0.0;
        for (double logP : logs) {
            for (double logQ : logs) {
                double value = f.integrand(logP, logQ);
                String where = f.name() + " at logP = " + logP + ", logQ = " + logQ;
                assertFalse(Double.isNaN(value), where);
                if (normalised) {
                    assertTrue(value >= 0.0, where + " gave " + value);
                }
                if (isGan(f)) {
                    assertTrue(value <= 0.0, where + " gave " + value);
                }
                if (Math.abs(logP) <= 1e4 && Math.abs(logQ) <= 1e4 && logP > -1e5 && logQ > -1e5
                        && Math.max(logP, logQ) < 709.0) {
                    Asymptote a = logP > logQ ? f.asymptoteAsRatioToInfinity() : f.asymptoteAsRatioToZero();
                    if (logP != logQ && logAsymptoticSize(a, logP, logQ) < 700.0) {
                        assertTrue(Double.isFinite(value), where + " gave " + value);
                    }
                }
            }
        }
        // the brief's examples
        assertTrue(Double.isFinite(f.integrand(-800.0, -2.0)) || logAsymptoticSize(
                f.asymptoteAsRatioToZero(), -800.0, -2.0) > 700.0);
        assertTrue(Double.isFinite(f.integrand(-2.0, -800.0)) || logAsymptoticSize(
                f.asymptoteAsRatioToInfinity(), -2.0, -800.0) > 700.0);
    }

    /**
     * integrand / (p^e q^(1−e) |d|^m) → a finite nonzero constant: evaluated with logs chosen so that
     * p^e q^(1−e) = 1 (u → ∞: log q = −e·k, log p = (1 − e)·k; u → 0: log q = e·k, log p = (e − 1)·k).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("divergences")
    void integrandFollowsDeclaredAsymptotes(FDivergence f) {
        for (int side : new int[] {1, -1}) {
            Asymptote a = side > 0 ? f.asymptoteAsRatioToInfinity() : f.asymptoteAsRatioToZero();
            double e = a.pExponent();
            double[] ks = {25.0, 50.0, 100.0, 200.0};
            double[] ratios = new double[ks.length];
            for (int i = 0; i < ks.length; i++) {
                double k = ks[i];
                double logQ = -side * e * k;
                double logP = logQ + side * k;
                double value = f.integrand(logP, logQ);
                ratios[i] = value / Math.exp(logAsymptoticSize(a, logP, logQ));
                String where = f.name() + (side > 0 ? " u→∞" : " u→0") + " k = " + k;
                assertTrue(Double.isFinite(ratios[i]) && ratios[i] != 0.0, where + ": ratio " + ratios[i]);
            }
            double last = ratios[ks.length - 1];
            double previous = ratios[ks.length - 2];
            assertEquals(last, previous, 0.02 * Math.abs(last), f.name() + (side > 0 ? " u→∞" : " u→0")
                    + ": ratios do not settle " + java.util.Arrays.toString(ratios));
            assertTrue(a.logPower() >= 0);
        }
    }
}
