package org.fganlab.divergence;

/**
 * An f-divergence D_f(P‖Q) = ∫ q(x) f(p(x)/q(x)) dx with f convex on (0, ∞) and f(1) = 0
 * (the GAN row is the one exception: f(1) = −log 4), in the convention of Nowozin, Cseke &amp;
 * Tomioka, "f-GAN", NIPS 2016, Table 1 and Table 6. All values are in nats.
 *
 * <p>Arguments are always ordered (p, q): p is the data density P, q the model density Q.
 *
 * <p>Conventions at the boundary of (0, ∞), the ones of SciPy's {@code rel_entr}:
 * <ul>
 *   <li>{@code generator(0)} is the limit f(0+) (may be +∞);</li>
 *   <li>{@link #integrand(double, double)} with p = q = 0 is 0; with q = 0 &lt; p it is
 *       p·{@link #slopeAtInfinity()} (+∞ when the slope is infinite, e.g. KL with disjoint
 *       support); with p = 0 &lt; q it is q·f(0) (+∞ for reverse KL);</li>
 *   <li>NaN in gives NaN out; no other input gives NaN.</li>
 * </ul>
 *
 * <p>The variational representation (Nguyen, Wainwright &amp; Jordan 2010; f-GAN eq. 4):
 * D_f(P‖Q) ≥ sup_T E_P[T] − E_Q[f*(T)] over critics T with values in dom f*, tight at
 * T* = f'(p/q). The critic is parametrised as T = g_f(V) with V unconstrained and the output
 * activation g_f mapping R into dom f*.
 */
public sealed interface FDivergence
        permits TotalVariation, KullbackLeibler, ReverseKullbackLeibler, PearsonChiSquared,
                NeymanChiSquared, SquaredHellinger, Jeffrey, JensenShannon, GanDivergence,
                AmariAlpha {

    /** Registry name, lower case, e.g. {@code "kl"}, {@code "alpha:2"}. */
    String name();

    /** Human-readable name, e.g. {@code "Kullback–Leibler"}. */
    String displayName();

    /**
     * The generator f(u).
     *
     * @param u density ratio p/q, u ≥ 0; u = 0 gives the limit f(0+), u = +∞ gives f(+∞)
     * @return f(u), possibly +∞; NaN for NaN or negative u
     */
    double generator(double u);

    /**
     * The derivative f'(u), which is also the optimal critic T*(x) = f'(p(x)/q(x)).
     *
     * @param u density ratio, u ≥ 0 (limits at 0 and +∞ allowed, possibly infinite)
     * @return f'(u); NaN for NaN or negative u
     */
    double optimalCritic(double u);

    /**
     * The optimal critic as a function of the log ratio, T* = f'(exp(logRatio)), evaluated without
     * forming exp(logRatio) where that would overflow or lose precision.
     *
     * @param logRatio log p − log q, any value in [−∞, +∞]
     * @return f'(u) at u = exp(logRatio); NaN only for NaN input
     */
    double optimalCriticFromLogRatio(double logRatio);

    /**
     * The pre-activation v* of the optimal critic: g_f(v*) = f'(exp(logRatio)), so that
     * f*(T*) = {@link #conjugateOfActivation}(v*) can be evaluated stably. Examples: KL 1 + d,
     * reverse KL −d, JS and GAN d (d = logRatio). For TV, whose optimal critic ±½ lies on the
     * boundary of dom f*, v* = ±∞ (0 at d = 0).
     *
     * @param logRatio log p − log q, finite
     * @return v*, possibly ±∞ (TV only); NaN only for NaN input
     */
    double optimalCriticPreactivation(double logRatio);

    /** f''(1), the factor of the local quadratic behaviour D_f ≈ (f''(1)/2)·δᵀIδ. */
    double secondDerivativeAtOne();

    /**
     * The Fenchel conjugate f*(t) = sup_{u ≥ 0} [u t − f(u)].
     *
     * <p>dom f* is the one of the table in {@code docs/math.md} (f-GAN Tables 2 and 6). Where the sup over u ≥ 0 is
     * finite at a point the table excludes, the table wins and the result is +∞: TV for t &lt; −½
     * (the sup is −½ there), and the closed ends t = 1 of Neyman χ² and t = 1/(1 − α) of Amari
     * α &lt; 0. Where the table's formula is the conjugate over all of R but the sup over u ≥ 0 is
     * smaller (Pearson χ² for t &lt; −2, Amari α &gt; 1 for t(α − 1) &lt; −1), the sup over u ≥ 0 is
     * returned. Each implementation documents its choice.
     *
     * @param t any real; t = −∞ gives the limit from inside dom f* where dom f* is unbounded below
     * @return f*(t) for t in dom f*, +∞ outside it; NaN for NaN input
     */
    double conjugate(double t);

    /** Lower end of dom f* (may be −∞). */
    double conjugateDomainLower();

    /** Upper end of dom f* (may be +∞). */
    double conjugateDomainUpper();

    /** Whether t is in dom f* (open or closed ends as the table states; TV's domain is closed). */
    boolean inConjugateDomain(double t);

    /**
     * The output activation g_f: R → dom f* (f-GAN Table 6).
     *
     * <p>Where the exact value rounds onto an open end of dom f* (e.g. 1 − e^v = 1 in double for
     * v &lt; −37) or overflows, it is clamped to the nearest double inside the domain; use
     * {@link #conjugateOfActivation(double)}, not {@code conjugate(outputActivation(v))}, for the
     * loss.
     *
     * @param v unconstrained critic output
     * @return g_f(v), always inside dom f* for finite v
     */
    double outputActivation(double v);

    /**
     * f*(g_f(v)) evaluated stably in log-space ({@code docs/math.md}, trap 6): accurate and finite for
     * every finite v at which the true value is representable, ±∞ only where its magnitude
     * exceeds {@link Double#MAX_VALUE} (e.g. KL beyond v ≈ 710, Amari 0 &lt; α &lt; 1 once
     * vα/(1 − α) ≳ 709), never NaN for finite v.
     *
     * @param v unconstrained critic output
     * @return f*(g_f(v))
     */
    double conjugateOfActivation(double v);

    /**
     * The derivative g_f'(v) of the output activation (for the critic's gradient on real samples).
     *
     * @param v unconstrained critic output
     * @return dg_f/dv, accurate for every finite v: ±∞ only where its magnitude exceeds
     *     {@link Double#MAX_VALUE} (−e^v beyond v ≈ 709.8), 0 only where it underflows; NaN only
     *     for NaN input
     */
    double outputActivationDerivative(double v);

    /**
     * The derivative d/dv f*(g_f(v)) = u*(g_f(v))·g_f'(v), u* = (f')⁻¹ the density ratio at which
     * critic value t is optimal (for the gradients on generated samples), in closed log-space form.
     *
     * @param v unconstrained critic output
     * @return the derivative, accurate and finite for every finite v at which it is representable,
     *     ±∞ only beyond {@link Double#MAX_VALUE}; NaN only for NaN input
     */
    double conjugateOfActivationDerivative(double v);

    /** f'(1): the critic value at which P and Q are indistinguishable (the "threshold"). */
    default double threshold() {
        return optimalCritic(1.0);
    }

    /** f(0+) = lim_{u→0} f(u), possibly +∞. */
    double valueAtZero();

    /** lim_{u→∞} f(u)/u, possibly +∞ (the weight of P-mass where q = 0). */
    double slopeAtInfinity();

    /** Whether f has a kink at u = 1 (TV), so quadrature must split at crossings p = q. */
    default boolean kinkAtOne() {
        return false;
    }

    /**
     * The pointwise integrand q·f(p/q) from log-densities, computed in log-space (log1p/expm1
     * near ratio 1, differences of logs for extreme ratios) so that it stays accurate far in the
     * tails where p and q underflow separately. Conventions as in the class comment.
     *
     * <p>Both log-densities may be any finite value or −∞; the result is accurate (to about
     * 1e−13 relative in the tested range) also where p or q underflows separately, e.g. logP = −800,
     * logQ = −2. It is ≥ 0 for every f with f(1) = f'(1) = 0; it may be negative for KL and reverse
     * KL (f'(1) = ±1) and is ≤ 0 for GAN. It overflows to +∞ only where the true value exceeds
     * {@link Double#MAX_VALUE}.
     *
     * @param logP log p(x), in [−∞, +∞)
     * @param logQ log q(x), in [−∞, +∞)
     * @return q f(p/q), possibly +∞; NaN only if an input is NaN
     * @throws IllegalArgumentException if logP or logQ is +∞ (and neither is NaN)
     */
    double integrand(double logP, double logQ);

    /**
     * The Bregman form of the integrand, q·[f(u) − f(1) − f'(1)(u − 1)] with u = p/q: never
     * negative (f is convex), and D_f(P‖Q) = ∫ normalisedIntegrand + f(1) for normalised
     * densities because ∫(p − q) = 0. Quadrature uses this form: a sum of non-negative terms has
     * no cancellation, where p·log(p/q) changes sign (KL between N(0,1) and N(10⁻³,1) is 5·10⁻⁷,
     * an integral of terms ~10⁻³ in the original form). Edge cases follow from the limits:
     * q = 0 &lt; p gives p·(slopeAtInfinity − f'(1)), p = 0 &lt; q gives q·(f(0) − f(1) + f'(1)).
     *
     * <p>The default returns {@link #integrand}, which is this form when f(1) = f'(1) = 0; KL,
     * reverse KL and GAN override it.
     *
     * @param logP log p(x), in [−∞, +∞)
     * @param logQ log q(x), in [−∞, +∞)
     * @return the non-negative integrand, possibly +∞; NaN only for NaN input
     */
    default double normalisedIntegrand(double logP, double logQ) {
        return integrand(logP, logQ);
    }

    /** Leading behaviour of {@link #integrand} as p/q → +∞ (for the tail analysis). */
    Asymptote asymptoteAsRatioToInfinity();

    /** Leading behaviour of {@link #integrand} as p/q → 0 (for the tail analysis). */
    Asymptote asymptoteAsRatioToZero();
}
