/**
 * Divergence estimators from samples: given n_p points drawn from P and n_q from Q in R^d (and
 * nothing else), estimate D_f(P‖Q) in nats, or W1 in units of x, with a seeded bootstrap
 * interval. Each estimator states in its class comment and in every {@link
 * org.fganlab.estimate.Estimate} whether it is a lower bound, consistent, and biased how.
 *
 * <ul>
 *   <li>{@link org.fganlab.estimate.KnnKl}: k-nearest-neighbour KL in d dimensions (Wang,
 *       Kulkarni &amp; Verdú 2009; Pérez-Cruz 2008) over a {@link org.fganlab.estimate.KdTree};
 *       consistent, biased at finite n.</li>
 *   <li>{@link org.fganlab.estimate.ClassifierRatio}: the optimal-discriminator identity
 *       D* = p/(p+q) ⇒ p/q = D/(1 − D) with logistic MLP classifiers cross-fitted over 5 folds
 *       (each point evaluated by a classifier trained without it); every f-divergence; the
 *       interval comes from the fold estimates, so it includes the training variance.</li>
 *   <li>{@link org.fganlab.estimate.CriticBound}: the f-GAN variational lower bound
 *       E_P[T] − E_Q[f*(T)] with T = g_f(V) trained on one half, evaluated on the other (for KL
 *       the Donsker–Varadhan form E_P[T] − log E_Q[e^T], by a log-mean-exp), with a one-sided
 *       lower confidence limit.</li>
 *   <li>{@link org.fganlab.estimate.KdePlugin}: 1-D Gaussian kernel density estimates
 *       (Scott's bandwidth) integrated by the lab's adaptive quadrature.</li>
 *   <li>{@link org.fganlab.estimate.EmpiricalW1}: W1 between the two empirical distributions,
 *       exactly, as ∫|F̂_P − F̂_Q|.</li>
 * </ul>
 *
 * <p>Samples are read by {@link org.fganlab.estimate.SampleCsv}, which names file, line and
 * column of every defect. Everything random (splits, initialisation, mini-batches, bootstrap
 * resamples) comes from generators seeded by the caller's seed, so the same seed gives
 * bit-identical results.
 *
 * <p>May use {@code density}, {@code divergence}, {@code quadrature}, {@code theory},
 * {@code nn} and {@code gan} (the critic's objective), and Hipparchus; never {@code report},
 * {@code experiment} or {@code cli}.
 */
package org.fganlab.estimate;
