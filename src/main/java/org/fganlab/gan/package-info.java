/**
 * Variational f-GAN training (Nowozin, Cseke &amp; Tomioka 2016) for every registered
 * f-divergence, with Goodfellow's GAN (2014) as the {@code gan} row and a weight-clipped
 * Wasserstein critic (Arjovsky et al. 2017) as the non-f contrast.
 *
 * <ul>
 *   <li>generators G_θ: the affine Gaussian μ + σz (σ = e^s, so σ &gt; 0 for every s) and an MLP
 *       from a latent N(0, I) to R^d;</li>
 *   <li>critics T(x) = g_f(V_ω(x)) with V an MLP and g_f the divergence's output activation;</li>
 *   <li>the objective F(ω, θ) = E_P[g_f(V(x))] − E_Q[f*(g_f(V(G(z))))], evaluated with the
 *       divergence's closed log-space forms, so no NaN or ±∞ for |V| ≤ 100;</li>
 *   <li>generator losses: minimax (descend F) and non-saturating (ascend E_Q[g_f(V(G(z)))]);</li>
 *   <li>schedules: single-step (f-GAN Algorithm 1: one gradient evaluation, ascent in ω and
 *       descent in θ) and alternating k critic steps per generator step (Goodfellow Algorithm 1).</li>
 * </ul>
 *
 * <p>A trainer owns all its buffers: a training step allocates nothing. Everything random comes
 * from one seeded generator, so the same seed gives a bit-identical history.
 *
 * <p>May use {@code nn}, {@code divergence}, {@code density}, {@code theory} (exact tracking).
 */
package org.fganlab.gan;
