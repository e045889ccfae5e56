package org.fganlab.density;

import org.hipparchus.random.RandomGenerator;

/** Argument checks shared by the densities; messages name the parameter, value and range. */
final class Checks {

    private Checks() {
    }

    /** @throws IllegalArgumentException if v is NaN or infinite */
    static double finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + Numbers.format(v));
        }
        return v;
    }

    /** Arguments of {@link Density#affine}: finite shift, positive finite unit. */
    static void affine(double shift, double unit) {
        finite("shift", shift);
        positive("unit", unit);
    }

    /** @throws IllegalArgumentException unless 0 &lt; v &lt; ∞ */
    static double positive(String name, double v) {
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    name + " must be positive and finite, got " + Numbers.format(v));
        }
        return v;
    }

    /** @throws IllegalArgumentException unless side is −1 or +1 */
    static int side(int side) {
        if (side != 1 && side != -1) {
            throw new IllegalArgumentException("side must be -1 or +1, got " + side);
        }
        return side;
    }

    /** @throws IllegalArgumentException unless 0 ≤ prob ≤ 1 */
    static double probability(double prob) {
        if (!(prob >= 0 && prob <= 1)) {
            throw new IllegalArgumentException(
                    "prob must be in [0, 1], got " + Numbers.format(prob));
        }
        return prob;
    }

    /**
     * A uniform draw in the open interval (0, 1), for sampling by inversion (0 would map to
     * −∞). Redraws on an exact 0, which has probability 2⁻⁵² or less; deterministic given the
     * generator's state.
     */
    static double openUniform(RandomGenerator rng) {
        double u;
        do {
            u = rng.nextDouble();
        } while (u == 0);
        return u;
    }
}
