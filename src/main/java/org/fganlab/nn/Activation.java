package org.fganlab.nn;

import java.util.Arrays;

/**
 * Element-wise activation a = φ(z) of a dense layer, and its derivative φ'(z).
 *
 * <table>
 *   <caption>The activations</caption>
 *   <tr><th>constant</th><th>φ(z)</th><th>φ'(z), given a = φ(z)</th></tr>
 *   <tr><td>TANH</td><td>tanh z</td><td>1 − a²</td></tr>
 *   <tr><td>RELU</td><td>max(z, 0)</td><td>1 for z &gt; 0, else 0</td></tr>
 *   <tr><td>LEAKY_RELU</td><td>z for z &gt; 0, else 0.2·z</td><td>1 for z &gt; 0, else 0.2</td></tr>
 *   <tr><td>LINEAR</td><td>z</td><td>1</td></tr>
 * </table>
 *
 * <p>At the kink z = 0 the ReLUs take the left derivative (0, resp. 0.2). NaN in gives NaN out
 * (for RELU too: {@code Math.max} propagates NaN). The second derivative φ''(z)
 * ({@link #secondDerivative}, used by the gradient penalty's double backpropagation) is
 * −2a(1 − a²) for TANH and 0 for the others (at the kink too, as autograd frameworks take it).
 *
 * <p>TANH is not {@code Math.tanh}: in JDK 17 that is a JNI call into fdlibm (about 30 ns; it
 * alone would take 4 ms of each forward pass of the 1-64-64-1 critic at batch 1,024). It is a
 * branch-free scheme that C2 vectorises (no exponential, no data-dependent branch):
 * <ol>
 *   <li>clamp x to [−19.1, 19.1] (tanh(19.1) = 1 − 5·10⁻¹⁷ rounds to 1) and set y = x/64,
 *       exact for |x| ≥ 2⁻¹⁰¹⁶;</li>
 *   <li>tanh y = N₀/D₀ with Cody and Waite's minimax rational (Software Manual for the
 *       Elementary Functions, 1980, ch. 13; |y| ≤ 0.3 lies inside their range ln(3)/2):
 *       N₀ = y·(Q(g) + g·P(g)), D₀ = Q(g), g = y²;</li>
 *   <li>six doublings tanh 2u = 2 tanh u/(1 + tanh² u) in homogeneous form, N ← 2ND,
 *       D ← D² + N², which needs no division until the final N₆/D₆. Relative errors of N/D are
 *       not amplified by a doubling (the factor is (1 − t²)/(1 + t²) ≤ 1); each adds rounding.</li>
 * </ol>
 * Accuracy, measured against {@code StrictMath.tanh} (fdlibm) on a grid of 4·10⁶ points over
 * [−25, 25] and 10⁶ random ones (tested): at most 10 ulp and 7·10⁻¹⁶ absolute error, most
 * values within 2 ulp. That is looser than fdlibm's 2.5 ulp and far below what training
 * resolves (the critic's gradients are checked against finite differences at 10⁻⁶); the
 * derivative is 1 − a² of the same a, so forward and backward stay consistent. NaN gives NaN, tanh(±0) = ±0,
 * tanh(±∞) = ±1; for |x| &lt; 2⁻¹⁰¹⁶ (subnormal y) the absolute error is below 2⁻¹⁰⁶⁸. The row
 * form used by {@link Mlp} costs about 2.3 ns per value (the scalar fdlibm call: about 30 ns),
 * and gives bit-identical values to the scalar {@link #apply}.
 */
public enum Activation {
    /** Hyperbolic tangent, range (−1, 1). */
    TANH,
    /** Rectified linear unit max(z, 0). */
    RELU,
    /** z for z &gt; 0, {@value #LEAKY_SLOPE}·z otherwise. */
    LEAKY_RELU,
    /** Identity. */
    LINEAR;

    /** Slope of {@link #LEAKY_RELU} for z ≤ 0. */
    public static final double LEAKY_SLOPE = 0.2;

    /** tanh x rounds to ±1 for |x| ≥ 19.06; the clamp keeps the doublings finite. */
    private static final double TANH_CLAMP = 19.1;
    /** 2⁻⁶: six doublings bring |y| ≤ 0.2985 back to |x| ≤ 19.1. */
    private static final double TANH_SCALE = 0x1p-6;
    // Cody & Waite's minimax coefficients for tanh on [0, ln(3)/2] (their 53-bit set), divided by
    // TQ0 so that D₀ = Q(g)/TQ0 ≈ 1 and D₆ ≈ D₀⁶⁴ stays far from overflow.
    private static final double TQ0 = 0.48402357071988688686e4;
    private static final double P0 = -0.16134119023996228053e4 / TQ0;
    private static final double P1 = -0.99225929672236083313e2 / TQ0;
    private static final double P2 = -0.96437492777225469787e0 / TQ0;
    private static final double Q1 = 0.22337720718962312926e4 / TQ0;
    private static final double Q2 = 0.11274474380534949335e3 / TQ0;
    private static final double Q3 = 1.0 / TQ0;

    /**
     * φ(z).
     *
     * @param z pre-activation
     * @return the activation (NaN for NaN)
     */
    public double apply(double z) {
        switch (this) {
            case TANH:
                return tanh(z);
            case RELU:
                return Math.max(z, 0.0);
            case LEAKY_RELU:
                return z > 0 ? z : LEAKY_SLOPE * z;
            default:
                return z;
        }
    }

    /**
     * φ'(z), the derivative at the pre-activation z.
     *
     * @param z pre-activation
     * @param a {@code apply(z)} (TANH uses 1 − a², the others use z)
     * @return the derivative
     */
    public double derivative(double z, double a) {
        switch (this) {
            case TANH:
                return 1.0 - a * a;
            case RELU:
                return z > 0 ? 1.0 : 0.0;
            case LEAKY_RELU:
                return z > 0 ? 1.0 : LEAKY_SLOPE;
            default:
                return 1.0;
        }
    }

    /**
     * φ''(z), the second derivative at the pre-activation z: −2a(1 − a²) for TANH (from
     * d(1 − a²)/dz = −2a·a'), 0 for RELU, LEAKY_RELU and LINEAR (everywhere, the kink included).
     *
     * @param z pre-activation
     * @param a {@code apply(z)}
     * @return the second derivative
     */
    public double secondDerivative(double z, double a) {
        return this == TANH ? -2.0 * a * (1.0 - a * a) : 0.0;
    }

    /** @return whether φ'' is not identically 0 (TANH), i.e. a second-order term can arise */
    boolean curved() {
        return this == TANH;
    }

    /**
     * The second-order source of the double backpropagation through δ = g ⊙ φ'(z), in place:
     * d[b] ← dBar[b]·g[b]·φ''(z[b]) for b in [from, to), where d holds δ = g·φ'(z) on entry and
     * dBar the adjoint of δ. For TANH g·φ'' = δ·φ''/φ' = −2a·δ (also where φ' = 0, since then
     * δ = 0 = g·φ''), so g is not needed; for the others it is 0. Unchecked.
     */
    void secondOrderSourceRow(double[] a, double[] d, double[] dBar, int from, int to) {
        if (this == TANH) {
            for (int b = from; b < to; b++) {
                d[b] = -2.0 * a[b] * d[b] * dBar[b];
            }
        } else {
            Arrays.fill(d, from, to, 0.0);
        }
    }

    /**
     * a[b] = φ(z[b]) for b in [from, to). Unchecked; the switch sits outside the loop. TANH uses
     * scratch[from, to) and runs in four loops, each small enough for C2 to unroll and
     * vectorise (one loop with all steps exceeds C2's unrolling limit and runs scalar, 3.5×
     * slower); the arithmetic is that of {@link #tanh}, so the values are bit-identical.
     */
    void applyRow(double[] z, double[] a, double[] scratch, int from, int to) {
        switch (this) {
            case TANH:
                tanhRow(z, a, scratch, from, to);
                break;
            case RELU:
                for (int b = from; b < to; b++) {
                    a[b] = Math.max(z[b], 0.0);
                }
                break;
            case LEAKY_RELU:
                for (int b = from; b < to; b++) {
                    double v = z[b];
                    a[b] = v > 0 ? v : LEAKY_SLOPE * v;
                }
                break;
            default:
                System.arraycopy(z, from, a, from, to - from);
        }
    }

    /** d[b] *= φ'(z[b]) for b in [from, to), with a = φ(z). Unchecked. */
    void multiplyDerivativeRow(double[] z, double[] a, double[] d, int from, int to) {
        switch (this) {
            case TANH:
                for (int b = from; b < to; b++) {
                    double v = a[b];
                    d[b] *= 1.0 - v * v;
                }
                break;
            case RELU:
                for (int b = from; b < to; b++) {
                    d[b] = z[b] > 0 ? d[b] : 0.0;
                }
                break;
            case LEAKY_RELU:
                for (int b = from; b < to; b++) {
                    d[b] = z[b] > 0 ? d[b] : LEAKY_SLOPE * d[b];
                }
                break;
            default:
                break;
        }
    }

    /** tanh by the class comment's scheme; NaN gives NaN, ±0 gives ±0. */
    static double tanh(double x) {
        double y = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, x)) * TANH_SCALE;
        double g = y * y;
        double d = ((Q3 * g + Q2) * g + Q1) * g + 1.0;
        double n = y * (d + g * ((P2 * g + P1) * g + P0));
        for (int k = 0; k < 6; k++) {
            double n2 = 2.0 * n * d;
            d = d * d + n * n;
            n = n2;
        }
        return n / d;
    }

    /** a[b] = tanh(z[b]) for b in [from, to), with N in a and D in scratch between the loops. */
    private static void tanhRow(double[] z, double[] a, double[] scratch, int from, int to) {
        for (int b = from; b < to; b++) {
            double y = Math.max(-TANH_CLAMP, Math.min(TANH_CLAMP, z[b])) * TANH_SCALE;
            double g = y * y;
            double d = ((Q3 * g + Q2) * g + Q1) * g + 1.0;
            a[b] = y * (d + g * ((P2 * g + P1) * g + P0));
            scratch[b] = d;
        }
        doubleThrice(a, scratch, from, to);
        doubleThrice(a, scratch, from, to);
        for (int b = from; b < to; b++) {
            a[b] /= scratch[b];
        }
    }

    /** Three homogeneous doublings (N, D) ← (2ND, D² + N²) with N in n and D in d, in place. */
    private static void doubleThrice(double[] n, double[] d, int from, int to) {
        for (int b = from; b < to; b++) {
            double n0 = n[b];
            double d0 = d[b];
            double n1 = 2.0 * n0 * d0;
            double d1 = d0 * d0 + n0 * n0;
            double n2 = 2.0 * n1 * d1;
            double d2 = d1 * d1 + n1 * n1;
            n[b] = 2.0 * n2 * d2;
            d[b] = d2 * d2 + n2 * n2;
        }
    }
}
