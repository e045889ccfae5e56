package org.fganlab.theory;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;

/**
 * Roots of a function on a scan grid: sign changes between neighbouring grid points, refined by
 * Hipparchus' Brent solver to about 1e-15 relative. Used to find crossings p = q (kinks of TV's
 * integrand ½|p − q|) and F_P = F_Q (kinks of W1's integrand).
 *
 * <p>A pair of roots closer together than the grid spacing can be missed; the adaptive
 * quadrature still converges there, only with more evaluations.
 */
final class Crossings {

    private Crossings() {
    }

    /**
     * A scan grid around the given centres: each centre plus and minus k·step for every step
     * scale, k = 0 … 16, sorted and deduplicated.
     */
    static double[] grid(double[] centres, double... scales) {
        double[] g = new double[centres.length * scales.length * 33];
        int n = 0;
        for (double c : centres) {
            for (double s : scales) {
                for (int k = -16; k <= 16; k++) {
                    g[n++] = c + 0.5 * k * s;
                }
            }
        }
        Arrays.sort(g, 0, n);
        return Arrays.stream(g, 0, n).distinct().toArray();
    }

    /**
     * @param h the function, evaluated at grid points (non-finite values are skipped)
     * @param grid ascending scan points
     * @return the refined roots, ascending
     */
    static double[] roots(DoubleUnaryOperator h, double[] grid) {
        BrentSolver solver = new BrentSolver(1e-15, 1e-15, 1e-300);
        double[] out = new double[grid.length];
        int n = 0;
        double xPrev = Double.NaN;
        double hPrev = Double.NaN;
        for (double x : grid) {
            double hx = h.applyAsDouble(x);
            if (!Double.isFinite(hx)) {
                xPrev = Double.NaN;
                continue;
            }
            if (hx == 0.0) {
                out[n++] = x;
            } else if (!Double.isNaN(xPrev) && hPrev != 0.0 && (hPrev < 0) != (hx < 0)) {
                try {
                    out[n++] = solver.solve(200, h::applyAsDouble, xPrev, x);
                } catch (MathIllegalArgumentException | MathIllegalStateException e) {
                    out[n++] = 0.5 * (xPrev + x); // still a useful split point
                }
            }
            xPrev = x;
            hPrev = hx;
        }
        return Arrays.copyOf(out, n);
    }
}
