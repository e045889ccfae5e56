package org.fganlab.divergence;

/**
 * Elementary special functions in the stable log-space forms used by every divergence of this
 * package ({@code docs/math.md}, trap 6). All methods are pure functions of their argument, allocate
 * nothing, and depend only on {@link java.lang.Math}.
 *
 * <p>Edge-case policy shared by every method: NaN in gives NaN out; infinite arguments give the
 * limit, stated per method.
 */
public final class SpecialFunctions {

    /** log 2. */
    public static final double LOG_2 = 0.6931471805599453;

    /** Below this x, W(e^x) = e^x·(1 − e^x + …) equals e^x to double precision (e^−40 ≈ 4e−18). */
    private static final double LAMBERT_TINY_LOG = -40.0;

    /** Below this x, log(log1p(e^x)) = x − e^x/2 + … equals x to double precision. */
    private static final double LOG_SOFTPLUS_TINY = -37.0;

    /** Halley iterations needed from our starting points are at most 5; this is a safety cap. */
    private static final int LAMBERT_MAX_ITERATIONS = 50;

    /** 1/n! for n = 2..17: Taylor coefficients of e^x − 1 − x, enough for |x| ≤ ½ to 1e−17. */
    private static final double[] EXPM1_MINUS_X_COEFFICIENTS = {
        1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320,
        1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800.0,
        1.0 / 87178291200.0, 1.0 / 1307674368000.0, 1.0 / 20922789888000.0,
        1.0 / 355687428096000.0,
    };

    /** Above this, exp overflows; {@link #expTimes} then multiplies in log-space. */
    private static final double MAX_EXP_ARGUMENT = 709.0;

    private SpecialFunctions() {
    }

    /**
     * softplus(x) = log(1 + e^x), computed as max(x, 0) + log1p(e^−|x|) so that it neither
     * overflows for large x nor loses the tail e^x for very negative x.
     *
     * @param x any real; −∞ gives 0, +∞ gives +∞
     * @return log(1 + e^x) ≥ 0
     */
    public static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * The logistic sigmoid σ(x) = 1/(1 + e^−x), without overflow: e^x/(1 + e^x) for x &lt; 0.
     *
     * @param x any real; ±∞ give 1 and 0
     * @return σ(x) in [0, 1]
     */
    public static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /**
     * log σ(x) = −log(1 + e^−x) = −softplus(−x), the log of the logistic sigmoid.
     *
     * @param x any real; −∞ gives −∞, +∞ gives 0
     * @return log σ(x) ≤ 0
     */
    public static double logSigmoid(double x) {
        return -softplus(-x);
    }

    /**
     * log(softplus(x)) = log(log(1 + e^x)), accurate also where softplus(x) underflows:
     * for x &lt; −37 it returns x (the next term, −e^x/2, is below half an ulp of x).
     *
     * @param x any real; −∞ gives −∞, +∞ gives +∞
     * @return log(log(1 + e^x))
     */
    public static double logSoftplus(double x) {
        if (x < LOG_SOFTPLUS_TINY) {
            return x;
        }
        return Math.log(softplus(x));
    }

    /**
     * log(1 − e^t) for t ≤ 0 (Mächler 2012, "Accurately computing log(1 − exp(−|a|))"):
     * log(−expm1(t)) for t &gt; −log 2, where 1 − e^t is small and expm1 keeps its digits, and
     * log1p(−e^t) for t ≤ −log 2, where e^t is small and log1p keeps its digits.
     *
     * @param t a real ≤ 0; 0 gives −∞, −∞ gives 0
     * @return log(1 − e^t) ≤ 0; NaN for t &gt; 0 (and for NaN)
     */
    public static double log1mexp(double t) {
        if (t > -LOG_2) {
            return t > 0.0 ? Double.NaN : Math.log(-Math.expm1(t));
        }
        return Math.log1p(-Math.exp(t));
    }

    /**
     * 1 − e^v = −expm1(v), the output activation shared by Neyman χ² and squared Hellinger
     * (f-GAN Table 6), clamped to [−{@link Double#MAX_VALUE}, largest double below 1] so that it
     * stays inside their open domain −∞ &lt; t &lt; 1 where 1 − e^v rounds to 1 (v &lt; −37) or
     * overflows (v &gt; 709).
     *
     * @param v any real; NaN gives NaN
     * @return 1 − e^v inside (−∞, 1)
     */
    public static double oneMinusExpInsideDomain(double v) {
        return Math.max(Math.min(-Math.expm1(v), Math.nextDown(1.0)), -Double.MAX_VALUE);
    }

    /**
     * exp(logFactor)·h without NaN: 0 if h = 0 (even when exp(logFactor) overflows), and for
     * |logFactor| &gt; 709 the product is formed as ±exp(logFactor + log|h|), so that a large density
     * times a small h stays finite when the product is representable, and a subnormal density
     * times a large h keeps its digits (exp(logFactor) alone would round to a few bits first).
     *
     * @param logFactor finite log of a density
     * @param h a finite multiplier
     * @return e^logFactor·h, ±∞ only where the product exceeds the double range
     */
    public static double expTimes(double logFactor, double h) {
        if (h == 0.0) {
            return 0.0;
        }
        if (Math.abs(logFactor) > MAX_EXP_ARGUMENT) {
            return Math.copySign(Math.exp(logFactor + Math.log(Math.abs(h))), h);
        }
        return Math.exp(logFactor) * h;
    }

    /**
     * e^x − 1 − x without cancellation near 0: a Taylor polynomial (terms x²/2! … x¹⁷/17!) for
     * |x| ≤ ½, {@code expm1(x) − x} elsewhere. Always ≥ 0.
     *
     * @param x any real; ±∞ gives +∞
     * @return e^x − 1 − x
     */
    public static double expm1MinusX(double x) {
        if (Math.abs(x) <= 0.5) {
            double[] c = EXPM1_MINUS_X_COEFFICIENTS;
            double s = c[c.length - 1];
            for (int i = c.length - 2; i >= 0; i--) {
                s = s * x + c[i];
            }
            return s * x * x;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return x;
        }
        return Math.expm1(x) - x;
    }

    /**
     * W(e^x), the principal branch of the Lambert W function at e^x, i.e. the unique w &gt; 0 with
     * w + log w = x. Works for every x without forming e^x where it would overflow or underflow.
     *
     * <p>Method: for x &lt; −40, W(e^x) = e^x to double precision (W(y) = y − y² + …). Otherwise
     * Halley's iteration on h(w) = w + log w − x from Winitzki's start
     * log1p(y)·(1 − log1p(log1p(y))/(2 + log1p(y))), y = e^x, for x ≤ 1.5, and from the asymptotic
     * expansion x − log x + log x / x for x &gt; 1.5; it stops when a step changes w by at most 4 ulps
     * (in practice after at most 5 iterations; accuracy a few ulps).
     *
     * <p>Known values: W(e^0) = W(1) = Ω = 0.5671432904097838…, W(e^1) = W(e) = 1.
     *
     * @param x any real; −∞ gives 0, +∞ gives +∞
     * @return W(e^x) &gt; 0 (underflows to 0 for x below about −745)
     */
    public static double lambertWOfExp(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x < LAMBERT_TINY_LOG) {
            return Math.exp(x);
        }
        double w;
        if (x > 1.5) {
            double l = Math.log(x);
            w = x - l + l / x;
        } else {
            double l1 = Math.log1p(Math.exp(x));
            w = l1 * (1.0 - Math.log1p(l1) / (2.0 + l1));
        }
        for (int i = 0; i < LAMBERT_MAX_ITERATIONS; i++) {
            double h = w + Math.log(w) - x;
            double dh = (w + 1.0) / w;          // h'(w) = 1 + 1/w
            double d2h = -1.0 / (w * w);        // h''(w) = −1/w²
            double next = w - 2.0 * h * dh / (2.0 * dh * dh - h * d2h);
            if (!(next > 0.0)) {
                next = 0.5 * w;                 // keep the iterate inside (0, ∞)
            }
            if (Math.abs(next - w) <= 4.0 * Math.ulp(next)) {
                return next;
            }
            w = next;
        }
        return w;
    }
}
