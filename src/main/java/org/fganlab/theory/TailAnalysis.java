package org.fganlab.theory;

import org.fganlab.density.LogTail;
import org.fganlab.divergence.Asymptote;

/**
 * Decides whether an integrand over an unbounded tail is integrable, from the asymptotes of the
 * two log-densities and the integrand's leading behaviour (an {@link Asymptote}), before any
 * quadrature: log p ≈ a2 r² + a1 r + aL log r, log q likewise, and the integrand behaves like
 * p^e q^{1−e} |log(p/q)|^m |x|^j in the regime (p/q → ∞ or → 0) that the tails select.
 *
 * <p>Example: Pearson χ² of N(0, 1.3²) against N(0, 0.8²): p/q → ∞, the integrand behaves like
 * p²/q whose log has r² coefficient −2/(2·1.69) + 1/(2·0.64) &gt; 0, so the integral is +∞.
 */
final class TailAnalysis {

    private static final double REL = 1e-12;

    private TailAnalysis() {
    }

    /**
     * @param tp tail of log p on the side (null if p's support is bounded there)
     * @param tq tail of log q on the side (null if q's support is bounded there)
     * @param ratioToInfinity leading behaviour when p/q → ∞
     * @param ratioToZero leading behaviour when p/q → 0
     * @param xPower extra factor |x|^xPower of the integrand (e.g. 1 for a score function)
     * @return whether ∫ of the integrand over that tail is finite
     */
    static boolean integrable(LogTail tp, LogTail tq, Asymptote ratioToInfinity,
            Asymptote ratioToZero, double xPower) {
        if (tp == null || tq == null) {
            // a bounded support: beyond it the integrand is evaluated pointwise (p = 0 or q = 0)
            return true;
        }
        double d2 = diff(tp.r2(), tq.r2());
        double d1 = diff(tp.r1(), tq.r1());
        double dL = diff(tp.logR(), tq.logR());
        int direction = d2 != 0 ? sign(d2) : d1 != 0 ? sign(d1) : sign(dL);
        Asymptote a = direction > 0 ? ratioToInfinity
                : direction < 0 ? ratioToZero : Asymptote.LIKE_Q;
        double e = a.pExponent();
        double l2 = lin(e, tp.r2(), 1 - e, tq.r2());
        double l1 = lin(e, tp.r1(), 1 - e, tq.r1());
        if (l2 != 0) {
            return l2 < 0;
        }
        if (l1 != 0) {
            return l1 < 0;
        }
        double logRatioPower = d2 != 0 ? 2 : d1 != 0 ? 1 : 0; // |log p − log q| ~ r^power
        double power = lin(e, tp.logR(), 1 - e, tq.logR()) + xPower
                + a.logPower() * logRatioPower;
        return power < -1 - 1e-9;
    }

    /**
     * Whether ∫ |F_P − F_Q| over the tail is finite (the tail of the Wasserstein-1 integrand):
     * true for exponential-type tails and for polynomial tails decaying faster than r^{−2}, or
     * identical polynomial tails (their CDFs differ at a lower order).
     */
    static boolean cdfDifferenceIntegrable(LogTail tp, LogTail tq) {
        if (tp == null || tq == null) {
            return tp == null ? tq == null || heavyIntegrable(tq) : heavyIntegrable(tp);
        }
        if (sameTail(tp, tq)) {
            return true;
        }
        return heavyIntegrable(tp) && heavyIntegrable(tq);
    }

    /**
     * The same tail up to the rounding of a mixture's log-weights (0.3·t + 0.7·t against t
     * gives r0 one ulp apart): equal r2, r1, logR and r0 within 1e-12 relative.
     */
    private static boolean sameTail(LogTail a, LogTail b) {
        return a.r2() == b.r2() && a.r1() == b.r1() && a.logR() == b.logR()
                && Math.abs(a.r0() - b.r0()) <= 1e-12 * Math.max(1, Math.abs(a.r0()));
    }

    /** ∫ of the tail probability is finite: F ~ r^{logR + 1}, so logR &lt; −2. */
    private static boolean heavyIntegrable(LogTail t) {
        return t.r2() < 0 || t.r1() < 0 || t.logR() < -2 - 1e-9;
    }

    private static double diff(double a, double b) {
        return lin(1, a, -1, b);
    }

    /** x·a + y·b, with results below the rounding level of the terms set to exactly 0. */
    private static double lin(double x, double a, double y, double b) {
        double s = x * a + y * b;
        return Math.abs(s) <= REL * (Math.abs(x * a) + Math.abs(y * b)) ? 0.0 : s;
    }

    private static int sign(double v) {
        return v > 0 ? 1 : v < 0 ? -1 : 0;
    }
}
