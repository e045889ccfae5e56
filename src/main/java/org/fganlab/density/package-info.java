/**
 * One-dimensional probability densities and their spec language.
 *
 * <p>Lives here: the {@link org.fganlab.density.Density} contract (log-density, CDF, survival,
 * quantile, sampling, support, breakpoints, scale, tail asymptote {@link
 * org.fganlab.density.LogTail}, canonical spec); the families {@link
 * org.fganlab.density.Normal}, {@link org.fganlab.density.Uniform}, {@link
 * org.fganlab.density.Laplace}, {@link org.fganlab.density.Logistic}, {@link
 * org.fganlab.density.StudentT} and finite {@link org.fganlab.density.Mixture}s of them; the
 * parser {@link org.fganlab.density.DensitySpec} of the spec grammar ({@code docs/architecture.md}), which reports
 * every error as a {@link org.fganlab.density.SpecException} with the offending position.
 *
 * <p>Numerical policy: log-densities are closed forms that stay finite far in the tails (never
 * {@code log(density)}); survival functions are computed directly, not as 1 − cdf; quantiles
 * are accurate in both tails. Instances are immutable and thread-safe; sampling is
 * deterministic given the generator's state.
 *
 * <p>May use: the JDK and Hipparchus core (special functions {@code Erf}, {@code Beta},
 * {@code Gamma}, the {@code BrentSolver}, {@code RandomGenerator}; its distributions serve as
 * test oracles). Nothing else in fgan-lab; the other packages depend on this one.
 */
package org.fganlab.density;
