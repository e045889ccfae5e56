package org.fganlab.estimate;

import java.util.Locale;
import org.hipparchus.distribution.discrete.BinomialDistribution;

/**
 * The acceptance rule for interval coverage over independent seeds: with a true coverage of
 * {@link Bootstrap#LEVEL} (95%), the number of covering intervals among s seeds is
 * Binomial(s, 0.95); an observed count c is rejected when P(Binomial(s, 0.95) ≤ c) &lt;
 * {@value #P_REJECT}, so a correct interval fails one cell in a thousand.
 */
final class CoverageRule {

    /** The lower-tail probability below which a coverage count is rejected. */
    static final double P_REJECT = 1e-3;

    private CoverageRule() {
    }

    /** P(Binomial(seeds, 0.95) ≤ covered). */
    static double lowerTail(int covered, int seeds) {
        return new BinomialDistribution(seeds, Bootstrap.LEVEL).cumulativeProbability(covered);
    }

    /** The smallest count the rule accepts for the given number of seeds. */
    static int smallestAccepted(int seeds) {
        int c = 0;
        while (lowerTail(c, seeds) < P_REJECT) {
            c++;
        }
        return c;
    }

    /**
     * Whether the count passes, and a one-line description of it.
     *
     * @param what the cell, for the message
     * @param covered intervals (or lower limits) containing the exact value
     * @param seeds independent seeds, ≥ 1
     * @return null if accepted, else the message
     */
    static String check(String what, int covered, int seeds) {
        double p = lowerTail(covered, seeds);
        return p < P_REJECT ? String.format(Locale.ROOT,
                "%s: %d/%d covered (%.1f%%); P(Binomial(%d, 0.95) <= %d) = %.2g < %.0e, at least %d needed",
                what, covered, seeds, 100.0 * covered / seeds, seeds, covered, p, P_REJECT,
                smallestAccepted(seeds)) : null;
    }
}
