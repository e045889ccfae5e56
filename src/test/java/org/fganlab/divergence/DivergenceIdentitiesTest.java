package org.fganlab.divergence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The exact identities between divergences and the numbers of the math contract,
 * docs/math.md.
 */
class DivergenceIdentitiesTest {

    private static final double LOG_2 = Math.log(2.0);

    private static final double[] LOGS = {-30.0, -5.0, -1.0, -0.3, -1e-4, 0.0, 1e-6, 0.2, 1.0, 4.0, 25.0};

    private static void assertPointwise(String what, java.util.function.DoubleBinaryOperator lhs,
            java.util.function.DoubleBinaryOperator rhs) {
        for (double logP : LOGS) {
            for (double logQ : LOGS) {
                double l = lhs.applyAsDouble(logP, logQ);
                double r = rhs.applyAsDouble(logP, logQ);
                assertEquals(r, l, 1e-13 * Math.max(Math.abs(r), 1e-300) + 1e-300,
                        what + " at logP = " + logP + ", logQ = " + logQ);
            }
        }
    }

    @Test
    void alphaTwoIsHalfPearson() {
        FDivergence a = new AmariAlpha(2.0);
        FDivergence pearson = new PearsonChiSquared();
        assertPointwise("alpha:2 = pearson/2", a::integrand, (p, q) -> 0.5 * pearson.integrand(p, q));
    }

    @Test
    void alphaMinusOneIsHalfNeyman() {
        FDivergence a = new AmariAlpha(-1.0);
        FDivergence neyman = new NeymanChiSquared();
        assertPointwise("alpha:-1 = neyman/2", a::integrand, (p, q) -> 0.5 * neyman.integrand(p, q));
    }

    @Test
    void alphaHalfIsTwiceHellinger() {
        FDivergence a = new AmariAlpha(0.5);
        FDivergence hellinger = new SquaredHellinger();
        assertPointwise("alpha:0.5 = 2 hellinger", a::integrand, (p, q) -> 2.0 * hellinger.integrand(p, q));
    }

    @Test
    void jeffreyIsKlPlusReverseKl() {
        FDivergence j = new Jeffrey();
        FDivergence kl = new KullbackLeibler();
        FDivergence rkl = new ReverseKullbackLeibler();
        for (double logP : LOGS) {
            for (double logQ : LOGS) {
                double sum = kl.integrand(logP, logQ) + rkl.integrand(logP, logQ);
                // the sum cancels (p log u − q log u); compare against the size of the terms
                double scale = Math.abs(kl.integrand(logP, logQ)) + Math.abs(rkl.integrand(logP, logQ));
                assertEquals(sum, j.integrand(logP, logQ), 1e-14 * scale + 1e-300);
            }
        }
    }

    @Test
    void ganIsTwiceJsMinusLog4TimesMixture() {
        FDivergence gan = new GanDivergence();
        FDivergence js = new JensenShannon();
        for (double logP : LOGS) {
            for (double logQ : LOGS) {
                double m = 0.5 * (Math.exp(logP) + Math.exp(logQ));
                double expected = 2.0 * js.integrand(logP, logQ) - Math.log(4.0) * m;
                assertEquals(expected, gan.integrand(logP, logQ), 1e-14 * Math.log(4.0) * m,
                        "logP = " + logP + ", logQ = " + logQ);
            }
        }
    }

    @Test
    void alphaConjugatesFollowTheScalings() {
        // (c·f)*(t) = c·f*(t/c)
        FDivergence a2 = new AmariAlpha(2.0);
        FDivergence am1 = new AmariAlpha(-1.0);
        FDivergence ahalf = new AmariAlpha(0.5);
        for (double t = -5.0; t <= 0.45; t += 0.05) {
            assertEquals(0.5 * new PearsonChiSquared().conjugate(2 * t), a2.conjugate(t), 1e-13);
            assertEquals(0.5 * new NeymanChiSquared().conjugate(2 * t), am1.conjugate(t), 1e-13);
            assertEquals(2.0 * new SquaredHellinger().conjugate(t / 2), ahalf.conjugate(t), 1e-13);
        }
    }

    @Test
    void thresholdsMatchTheTable() {
        Map<String, Double> expected = Map.of("tv", 0.0, "kl", 1.0, "reverse-kl", -1.0, "pearson", 0.0,
                "neyman", 0.0, "hellinger", 0.0, "jeffrey", 0.0, "js", 0.0, "gan", -LOG_2);
        for (FDivergence f : Divergences.named()) {
            assertEquals(expected.get(f.name()), f.threshold(), 1e-16, f.name());
        }
        assertEquals(0.0, new AmariAlpha(0.5).threshold(), 0.0);
        assertEquals(0.0, new AmariAlpha(-3.0).threshold(), 0.0);
    }

    @Test
    void secondDerivativesAtOne() {
        Map<String, Double> expected = Map.of("tv", Double.POSITIVE_INFINITY, "kl", 1.0, "reverse-kl", 1.0,
                "pearson", 2.0, "neyman", 2.0, "hellinger", 0.5, "jeffrey", 2.0, "js", 0.25, "gan", 0.5);
        for (FDivergence f : Divergences.named()) {
            assertEquals(expected.get(f.name()), f.secondDerivativeAtOne(), 0.0, f.name());
        }
        assertEquals(1.0, new AmariAlpha(7.0).secondDerivativeAtOne(), 0.0);
    }

    @Test
    void valuesAtZeroAndSlopesAtInfinity() {
        double inf = Double.POSITIVE_INFINITY;
        double h = 0.5 * LOG_2;
        Map<String, double[]> expected = Map.of("tv", new double[] {0.5, 0.5}, "kl", new double[] {0.0, inf},
                "reverse-kl", new double[] {inf, 0.0}, "pearson", new double[] {1.0, inf},
                "neyman", new double[] {inf, 1.0}, "hellinger", new double[] {1.0, 1.0},
                "jeffrey", new double[] {inf, inf}, "js", new double[] {h, h}, "gan", new double[] {0.0, 0.0});
        for (FDivergence f : Divergences.named()) {
            assertEquals(expected.get(f.name())[0], f.valueAtZero(), 1e-16, f.name() + " f(0)");
            assertEquals(expected.get(f.name())[1], f.slopeAtInfinity(), 1e-16, f.name() + " slope");
        }
        assertEquals(2.0, new AmariAlpha(0.5).valueAtZero(), 0.0);
        assertEquals(2.0, new AmariAlpha(0.5).slopeAtInfinity(), 0.0);
        assertEquals(0.5, new AmariAlpha(2.0).valueAtZero(), 0.0);
        assertEquals(inf, new AmariAlpha(2.0).slopeAtInfinity(), 0.0);
        assertEquals(inf, new AmariAlpha(-1.0).valueAtZero(), 0.0);
        assertEquals(0.5, new AmariAlpha(-1.0).slopeAtInfinity(), 0.0);
    }

    @Test
    void knownConjugateValues() {
        double omega = 0.56714329040978387299996866221035554975381578718651;
        assertEquals(1.0, new KullbackLeibler().conjugate(1.0), 0.0);
        assertEquals(Math.exp(-1.0), new KullbackLeibler().conjugate(0.0), 1e-16);
        assertEquals(-1.0, new ReverseKullbackLeibler().conjugate(-1.0), 0.0);
        assertEquals(-1.0 - Math.log(2.0), new ReverseKullbackLeibler().conjugate(-2.0), 1e-15);
        assertEquals(3.0, new PearsonChiSquared().conjugate(2.0), 0.0);
        assertEquals(-1.0, new PearsonChiSquared().conjugate(-2.0), 0.0);
        assertEquals(-1.0, new PearsonChiSquared().conjugate(-3.0), 0.0);     // note 2: not −0.75
        assertEquals(1.0, new NeymanChiSquared().conjugate(0.75), 1e-15);
        assertEquals(-4.0, new NeymanChiSquared().conjugate(-8.0), 1e-15);
        assertEquals(1.0, new SquaredHellinger().conjugate(0.5), 0.0);
        assertEquals(-0.5, new SquaredHellinger().conjugate(-1.0), 0.0);
        assertEquals(0.0, new Jeffrey().conjugate(0.0), 0.0);
        // t = 1: W(e^0) + 1/W(e^0) + 1 − 2 = Ω + 1/Ω − 1
        assertEquals(omega + 1.0 / omega - 1.0, new Jeffrey().conjugate(1.0), 1e-15);
        // t = 0 through the other branch: w = W(e^1) = 1
        assertEquals(0.0, new Jeffrey().conjugate(Math.nextDown(0.0)), 1e-300);
        assertEquals(0.0, new JensenShannon().conjugate(0.0), 0.0);
        assertEquals(0.5 * Math.log(2.0) * -1.0, new JensenShannon().conjugate(Double.NEGATIVE_INFINITY), 1e-16);
        assertEquals(LOG_2, new GanDivergence().conjugate(-LOG_2), 1e-15);
        assertEquals(0.25, new TotalVariation().conjugate(0.25), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, new TotalVariation().conjugate(0.6));
        assertEquals(1.5, new AmariAlpha(2.0).conjugate(1.0), 1e-15);
        assertEquals(-0.5, new AmariAlpha(2.0).conjugate(-5.0), 0.0);        // sup at u = 0
        assertEquals(2.0 / 3.0, new AmariAlpha(0.5).conjugate(0.5), 1e-15);  // 2t/(2 − t)
    }

    @Test
    void asymptotesMatchTheBrief() {
        Map<String, double[]> expected = Map.of(
                "tv", new double[] {1, 0, 0, 0}, "kl", new double[] {1, 1, 1, 1},
                "reverse-kl", new double[] {0, 1, 0, 1}, "pearson", new double[] {2, 0, 0, 0},
                "neyman", new double[] {1, 0, -1, 0}, "hellinger", new double[] {1, 0, 0, 0},
                "jeffrey", new double[] {1, 1, 0, 1}, "js", new double[] {1, 0, 0, 0},
                "gan", new double[] {0, 1, 1, 1});
        for (FDivergence f : Divergences.named()) {
            double[] e = expected.get(f.name());
            assertEquals(new Asymptote(e[0], (int) e[1]), f.asymptoteAsRatioToInfinity(), f.name() + " u→∞");
            assertEquals(new Asymptote(e[2], (int) e[3]), f.asymptoteAsRatioToZero(), f.name() + " u→0");
        }
        assertEquals(new Asymptote(2.5, 0), new AmariAlpha(2.5).asymptoteAsRatioToInfinity());
        assertEquals(Asymptote.LIKE_Q, new AmariAlpha(2.5).asymptoteAsRatioToZero());
        assertEquals(Asymptote.LIKE_P, new AmariAlpha(0.3).asymptoteAsRatioToInfinity());
        assertEquals(Asymptote.LIKE_Q, new AmariAlpha(0.3).asymptoteAsRatioToZero());
        assertEquals(Asymptote.LIKE_P, new AmariAlpha(-2.0).asymptoteAsRatioToInfinity());
        assertEquals(new Asymptote(-2.0, 0), new AmariAlpha(-2.0).asymptoteAsRatioToZero());
    }

    /**
     * q·f(p/q) at extreme log-densities, from mpmath 1.3 with mp.dps = 9000 (enough digits that
     * 1 + u does not round to 1 even for u = e^−10⁴) as
     * {@code exp(mpf(logQ)) * f(exp(mpf(logP) - mpf(logQ)))}, f written exactly as in the reference
     * table, at (logP, logQ) ∈ {(−800, −2), (−2, −800), (−50, 0), (0, −50), (−1e−7, 0), (0, −3e−3),
     * (−310, −300), (−1e4, −2e4), (−150, 0), (0, −150)}; values outside [1e−300, 1e300] are
     * omitted.
     */
    private static final String INTEGRAND_REFERENCE = """
            tv -800.0 -2.0 0.067667641618306345947
            tv -2.0 -800.0 0.067667641618306345947
            tv -50.0 0.0 0.5
            tv 0.0 -50.0 0.5
            tv -1e-07 0.0 4.9999997500000081071e-8
            tv 0.0 -0.003 0.0014977522483135120251
            tv -310.0 -300.0 2.5739832472417565334e-131
            tv -150.0 0.0 0.5
            tv 0.0 -150.0 0.5
            kl -2.0 -800.0 107.99755602281692813
            kl -50.0 0.0 -9.6437492398195889151e-21
            kl 0.0 -50.0 50.0
            kl -1e-07 0.0 -9.9999990000000495475e-8
            kl 0.0 -0.003 0.0030000000000000000625
            kl -310.0 -300.0 -2.3372792850071431667e-134
            kl -150.0 0.0 -1.076264395974661563e-63
            kl 0.0 -150.0 150.0
            reverse-kl -800.0 -2.0 107.99755602281692813
            reverse-kl -50.0 0.0 50.0
            reverse-kl 0.0 -50.0 -9.6437492398195889151e-21
            reverse-kl -1e-07 0.0 9.9999999999999995475e-8
            reverse-kl 0.0 -0.003 -0.0029910134865101189901
            reverse-kl -310.0 -300.0 5.1482002224120137812e-130
            reverse-kl -150.0 0.0 150.0
            reverse-kl 0.0 -150.0 -1.076264395974661563e-63
            pearson -800.0 -2.0 0.13533528323661269189
            pearson -50.0 0.0 1.0
            pearson 0.0 -50.0 5.1847055285870724641e+21
            pearson -1e-07 0.0 9.9999990000000574283e-15
            pearson 0.0 -0.003 9.000006750002025375e-6
            pearson -310.0 -300.0 5.14773277716624389e-131
            pearson -10000.0 -20000.0 1.0
            pearson -150.0 0.0 1.0
            pearson 0.0 -150.0 1.3937095806663796973e+65
            neyman -2.0 -800.0 0.13533528323661269189
            neyman -50.0 0.0 5.1847055285870724641e+21
            neyman 0.0 -50.0 1.0
            neyman -1e-07 0.0 1.0000000000000007428e-14
            neyman 0.0 -0.003 8.9730471893127207393e-6
            neyman -310.0 -300.0 1.1338635993705765635e-126
            neyman -150.0 0.0 1.3937095806663796973e+65
            neyman 0.0 -150.0 1.0
            hellinger -800.0 -2.0 0.13533528323661269189
            hellinger -2.0 -800.0 0.13533528323661269189
            hellinger -50.0 0.0 0.99999999997222411227
            hellinger 0.0 -50.0 0.99999999997222411227
            hellinger -1e-07 0.0 2.4999998750000034196e-15
            hellinger 0.0 -0.003 2.2466279512275430259e-6
            hellinger -310.0 -300.0 5.0790573498619301704e-131
            hellinger -150.0 0.0 1.0
            hellinger 0.0 -150.0 1.0
            jeffrey -800.0 -2.0 107.99755602281692813
            jeffrey -2.0 -800.0 107.99755602281692813
            jeffrey -50.0 0.0 50.0
            jeffrey 0.0 -50.0 50.0
            jeffrey -1e-07 0.0 9.9999995000000157616e-15
            jeffrey 0.0 -0.003 8.9865134898810723377e-6
            jeffrey -310.0 -300.0 5.1479664944835130668e-130
            jeffrey -150.0 0.0 150.0
            jeffrey 0.0 -150.0 150.0
            js -800.0 -2.0 0.046903635002869858593
            js -2.0 -800.0 0.046903635002869858593
            js -50.0 0.0 0.3465735902799726547
            js 0.0 -50.0 0.3465735902799726547
            js -1e-07 0.0 1.2499999375000014494e-15
            js 0.0 -0.003 1.1233137649925037632e-6
            js -310.0 -300.0 1.7830257322292928836e-131
            js -150.0 0.0 0.34657359027997265471
            js 0.0 -150.0 0.34657359027997265471
            gan -50.0 0.0 -9.8366242246159806934e-21
            gan 0.0 -50.0 -9.8366242246159806934e-21
            gan -1e-07 0.0 -1.3862942918051735286
            gan 0.0 -0.003 -1.3842157889961689739
            gan -310.0 -300.0 -2.57101251904333651e-134
            gan -150.0 0.0 -1.0834394919478259734e-63
            gan 0.0 -150.0 -1.0834394919478259734e-63
            alpha:0.5 -800.0 -2.0 0.27067056647322538379
            alpha:0.5 -2.0 -800.0 0.27067056647322538379
            alpha:0.5 -50.0 0.0 1.9999999999444482245
            alpha:0.5 0.0 -50.0 1.9999999999444482245
            alpha:0.5 -1e-07 0.0 4.9999997500000068391e-15
            alpha:0.5 0.0 -0.003 4.4932559024550860517e-6
            alpha:0.5 -310.0 -300.0 1.0158114699723860341e-130
            alpha:0.5 -150.0 0.0 2.0
            alpha:0.5 0.0 -150.0 2.0
            alpha:2 -800.0 -2.0 0.067667641618306345947
            alpha:2 -50.0 0.0 0.5
            alpha:2 0.0 -50.0 2.592352764293536232e+21
            alpha:2 -1e-07 0.0 4.9999995000000287141e-15
            alpha:2 0.0 -0.003 4.5000033750010126875e-6
            alpha:2 -310.0 -300.0 2.573866388583121945e-131
            alpha:2 -10000.0 -20000.0 0.5
            alpha:2 -150.0 0.0 0.5
            alpha:2 0.0 -150.0 6.9685479033318984866e+64
            alpha:-1 -2.0 -800.0 0.067667641618306345947
            alpha:-1 -50.0 0.0 2.592352764293536232e+21
            alpha:-1 0.0 -50.0 0.5
            alpha:-1 -1e-07 0.0 5.0000000000000037141e-15
            alpha:-1 0.0 -0.003 4.4865235946563603697e-6
            alpha:-1 -310.0 -300.0 5.6693179968528828175e-127
            alpha:-1 -150.0 0.0 6.9685479033318984866e+64
            alpha:-1 0.0 -150.0 0.5
            alpha:0.3 -800.0 -2.0 0.45111761078870897298
            alpha:0.3 -2.0 -800.0 0.19333611890944670271
            alpha:0.3 -50.0 0.0 3.333331876655616658
            alpha:0.3 0.0 -50.0 1.428571428571425569
            alpha:0.3 -1e-07 0.0 4.9999997833333386725e-15
            alpha:0.3 0.0 -0.003 4.4923573861234816749e-6
            alpha:0.3 -310.0 -300.0 1.5940459417248955114e-130
            alpha:0.3 -150.0 0.0 3.3333333333333333332
            alpha:0.3 0.0 -150.0 1.4285714285714285714
            alpha:3 -800.0 -2.0 0.045111761078870897298
            alpha:3 -50.0 0.0 0.33333333333333333333
            alpha:3 0.0 -50.0 4.4801952363602257474e+42
            alpha:3 -1e-07 0.0 4.9999993333333870475e-15
            alpha:3 0.0 -0.003 4.5045101351361468071e-6
            alpha:3 -310.0 -300.0 1.7159498768398345281e-131
            alpha:3 -150.0 0.0 0.33333333333333333333
            alpha:3 0.0 -150.0 3.2373773254020932276e+129
            """;

    @Test
    void integrandMatchesHighPrecisionReference() {
        int checked = 0;
        for (String line : INTEGRAND_REFERENCE.strip().split("\n")) {
            String[] t = line.strip().split("\\s+");
            FDivergence f = Divergences.byName(t[0]);
            double logP = Double.parseDouble(t[1]);
            double logQ = Double.parseDouble(t[2]);
            double expected = Double.parseDouble(t[3]);
            // log-space evaluation: a few ulps of the largest log involved, relative
            double logScale = Math.max(Math.max(Math.abs(logP), Math.abs(logQ)), Math.abs(Math.log(Math.abs(expected))));
            double tolerance = 4 * Math.ulp(1.0) * (4 + logScale) * Math.abs(expected);
            assertEquals(expected, f.integrand(logP, logQ), tolerance, line);
            checked++;
        }
        assertEquals(119, checked);
        // near the limits α → 1 the divided difference loses digits, as documented (mpmath, 50 digits)
        assertEquals(5.0000000016683339566e-19, new AmariAlpha(0.999).integrand(0.0, 1e-9), 1e-30);
        assertEquals(4.9999966683345816309e-13, new AmariAlpha(0.999).integrand(-1e-6, 0.0), 1e-24);
    }

    @Test
    void conjugatesNearZeroKeepRelativeAccuracy() {
        // mpmath 1.3, 60 digits: Jeffrey f*(t) = W + 1/W + t − 2, W = lambertw(e^(1−t));
        // JS f*(g_f(v)) = ½ log((1 + e^v)/2)
        assertEquals(1.0000000250000005797e-7, new Jeffrey().conjugate(1e-7), 1e-21);
        assertEquals(-0.0009997500624856800333, new Jeffrey().conjugate(-1e-3), 1e-18);
        assertEquals(2.5000000624999998869e-8, new JensenShannon().conjugateOfActivation(1e-7), 1e-22);
        assertEquals(-0.00024993750000260417169, new JensenShannon().conjugateOfActivation(-1e-3), 1e-18);
    }

    @Test
    void ganCriticAtOptimumIsGoodfellowsDiscriminator() {
        // T* = f'(p/q) = g_f(V*) with V* = log(p/q); D* = σ(V*) = p/(p + q) (Goodfellow Prop. 1)
        FDivergence gan = new GanDivergence();
        for (double d = -6.0; d <= 6.0; d += 0.5) {
            double tStar = gan.optimalCriticFromLogRatio(d);
            assertEquals(tStar, gan.outputActivation(d), 1e-15);
            double p = Math.exp(d);
            assertEquals(p / (p + 1.0), Math.exp(tStar), 1e-15);
            // E_P[T*] − E_Q[f*(T*)] integrand at q = 1: p·T* − f*(T*) = f(p)  (tightness)
            assertEquals(gan.generator(p), p * tStar - gan.conjugateOfActivation(d), 1e-13 * Math.max(1, p));
        }
    }
}
