/**
 * f-divergences and their variational (Fenchel) machinery, in the convention of Nowozin, Cseke &amp;
 * Tomioka, "f-GAN" (NIPS 2016): D_f(P‖Q) = ∫ q f(p/q), arguments always ordered (p, q).
 *
 * <p>What lives here:
 * <ul>
 *   <li>{@link org.fganlab.divergence.FDivergence}, the contract: generator f, optimal critic f',
 *       conjugate f* and its domain, output activation g_f, f*(g_f(v)) in closed log-space form,
 *       the log-space pointwise integrand q·f(p/q) and its tail asymptotes
 *       ({@link org.fganlab.divergence.Asymptote});</li>
 *   <li>one record per divergence: {@link org.fganlab.divergence.TotalVariation},
 *       {@link org.fganlab.divergence.KullbackLeibler},
 *       {@link org.fganlab.divergence.ReverseKullbackLeibler},
 *       {@link org.fganlab.divergence.PearsonChiSquared},
 *       {@link org.fganlab.divergence.NeymanChiSquared},
 *       {@link org.fganlab.divergence.SquaredHellinger}, {@link org.fganlab.divergence.Jeffrey},
 *       {@link org.fganlab.divergence.JensenShannon}, {@link org.fganlab.divergence.GanDivergence}
 *       and {@link org.fganlab.divergence.AmariAlpha};</li>
 *   <li>the registry of names, {@link org.fganlab.divergence.Divergences} (unknown names raise
 *       {@link org.fganlab.divergence.UnknownDivergenceException}), and the parser of
 *       "f-divergence or the Wasserstein-1 distance" names,
 *       {@link org.fganlab.divergence.Discrepancy};</li>
 *   <li>array kernels for discrete distributions and the 1-D histogram Wasserstein-1 distance,
 *       {@link org.fganlab.divergence.DiscreteDivergences};</li>
 *   <li>the stable elementary functions they share (softplus, log(1 − e^t), W(e^x), …),
 *       {@link org.fganlab.divergence.SpecialFunctions}.</li>
 * </ul>
 *
 * <p>Dependencies: nothing but {@code java.lang.Math} (and the JDK itself); no Hipparchus, so that
 * the hot paths of quadrature and training stay allocation-free and easy to audit. All values are
 * in nats. The math contract, including its traps, is {@code docs/math.md}.
 */
package org.fganlab.divergence;
