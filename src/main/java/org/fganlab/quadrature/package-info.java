/**
 * Integration of a one-dimensional integrand over the real line or an interval with breakpoints.
 *
 * <p>{@link org.fganlab.quadrature.AdaptiveQuadrature} is a globally adaptive 21-point
 * Gauss–Kronrod scheme (QUADPACK's QK21/QAGP: Piessens et al. 1983) over the panels between
 * breakpoints; unbounded end panels are mapped to [0, 1) by x = a ± s·t/(1 − t). It returns a
 * {@link org.fganlab.quadrature.QuadratureResult} (value, error estimate, evaluation count) and
 * keeps no state between calls, so one instance may be shared by threads.
 *
 * <p>Why not Hipparchus' integrators: they offer no Kronrod-extended rule (so no error estimate
 * from the same evaluations), they keep a mutable evaluation counter per instance, and they
 * integrate only finite intervals. Hipparchus' Gauss–Legendre rules serve as an independent
 * reference in the tests.
 *
 * <p>Depends on nothing but the JDK.
 */
package org.fganlab.quadrature;
