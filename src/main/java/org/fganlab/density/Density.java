package org.fganlab.density;

import org.hipparchus.random.RandomGenerator;

/**
 * A one-dimensional probability density on R: the closed family of the spec grammar
 * ({@code docs/architecture.md}): {@code normal(mu,sigma)}, {@code uniform(a,b)}, {@code laplace(mu,b)},
 * {@code logistic(mu,s)}, {@code student(nu,mu,sigma)} and finite mixtures of these.
 *
 * <p>Instances are immutable and thread-safe.
 */
public sealed interface Density permits Normal, Uniform, Laplace, Logistic, StudentT, Mixture {

    /**
     * The log-density, computed analytically so that it stays finite far in the tails (for
     * N(0,1) at x = 40 it is −800.9…, where {@code Math.log(density(x))} is −∞).
     *
     * @param x any real (±∞ allowed)
     * @return log p(x) in [−∞, +∞); −∞ outside the support; NaN for NaN x
     */
    double logDensity(double x);

    /** The density p(x) = exp(logDensity(x)); 0 outside the support. */
    default double density(double x) {
        return Math.exp(logDensity(x));
    }

    /** The CDF F(x) = P(X ≤ x), in [0, 1]; 0 at −∞, 1 at +∞, NaN for NaN x. */
    double cdf(double x);

    /**
     * The survival function 1 − F(x), accurate in the right tail (not computed as 1 − cdf):
     * relative, not absolute, accuracy where it is small. NaN for NaN x.
     */
    double survival(double x);

    /**
     * The quantile function F⁻¹(prob).
     *
     * @param prob probability in [0, 1]
     * @return the smallest x with F(x) ≥ prob; at 0 and 1 the support ends (±∞ for unbounded
     *         support); accurate in both tails (the upper tail is found from the survival
     *         function, with 1 − prob exact for prob ≥ ½)
     * @throws IllegalArgumentException if prob is outside [0, 1] or NaN
     */
    double quantile(double prob);

    /**
     * One draw from this density. Deterministic given the generator's state.
     *
     * @param rng the source of randomness (modified: its state advances)
     */
    double sample(RandomGenerator rng);

    /** Lower end of the support (−∞ if unbounded). */
    double supportLower();

    /** Upper end of the support (+∞ if unbounded). */
    double supportUpper();

    /**
     * Points where quadrature should split: component locations (modes) and finite support
     * ends of every component. Sorted ascending, no duplicates; a fresh array each call.
     */
    double[] breakpoints();

    /**
     * A length scale of the density, for tail substitutions: the family's scale parameter
     * (normal σ, laplace b, logistic s, student σ; for the first three also the length over
     * which the log-density's tail decays), uniform b − a, a mixture the largest component
     * scale. Positive; not the standard deviation, which the student-t may lack.
     */
    double scale();

    /**
     * Where the mass sits, component by component (see {@link Bump}); a fresh list each call.
     */
    java.util.List<Bump> bumps();

    /**
     * The law of (X − shift)/unit, in the same family: locations become (μ − shift)/unit and
     * scales scale/unit (uniform ends (a − shift)/unit and (b − shift)/unit; mixtures component
     * by component, same weights). With shift = 0 and unit a power of two no parameter is
     * rounded, so every f-divergence between two densities is unchanged, bit for bit, and W1 is
     * divided by unit exactly.
     *
     * @param shift finite
     * @param unit positive and finite
     * @return the transformed density
     * @throws IllegalArgumentException if shift or unit is out of range, or a transformed
     *     parameter overflows or a scale underflows to 0
     */
    Density affine(double shift, double unit);

    /**
     * The asymptote of the log-density as x → −∞ (side −1) or x → +∞ (side +1).
     *
     * @param side −1 or +1
     * @return the tail, or {@code null} if the support is bounded on that side
     * @throws IllegalArgumentException if side is not ±1
     */
    LogTail tail(int side);

    /** The canonical spec string, parseable by {@code DensitySpec.parse}. */
    String spec();
}
