/**
 * Exact values and identity checks between one-dimensional densities: D_f(P‖Q) for every
 * registered f-divergence, Wasserstein-1 as ∫|F_P − F_Q|, the optimal discriminator
 * D* = p/(p+q) and the GAN value V(G,D) (Goodfellow et al. 2014, Prop. 1 and Thm. 1), the f-GAN
 * variational bound at T* = f'(p/q) (Nowozin et al. 2016, eq. 4), the generator-gradient
 * identities of Arjovsky &amp; Bottou 2017 (Thm. 2.5), closed forms for Gaussian pairs, and the
 * exact best Gaussian fit argmin over (μ, σ) of D_f(P‖N(μ, σ²)) ({@link org.fganlab.theory.GaussianFit}).
 *
 * <p>Every integral goes through {@link org.fganlab.theory.PairQuadrature}: the real line is split
 * at component modes, support ends and (for kinked integrands) the crossings p = q, unbounded
 * tails are first checked for integrability from the densities' {@code LogTail} asymptotes (a
 * divergent integral is +∞, never a large finite number) and then integrated by substitution.
 *
 * <p>May use {@code quadrature}, {@code divergence}, {@code density} and Hipparchus solvers and
 * optimisers.
 */
package org.fganlab.theory;
