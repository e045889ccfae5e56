package org.fganlab.density;

/**
 * Where part of a density's mass sits: a location and the length scale of the structure there.
 * Quadrature places its panels from these, so that no component's mass hides inside a panel much
 * wider than the component (a bump at 10⁴ with scale 1 beside one at 0, or a bump of scale 10⁻⁸
 * inside one of scale 1).
 *
 * <p>Normal, Laplace, logistic and Student-t components give (μ, scale parameter); a uniform
 * gives one bump at each end, with its width as scale (half of it where the width overflows,
 * as for {@code uniform(-1.7e308,1.7e308)}); a mixture gives its components' bumps.
 *
 * @param location a point of the support's closure, finite
 * @param scale the length over which the density changes there, positive and finite
 */
public record Bump(double location, double scale) {

    /**
     * @throws IllegalArgumentException if location is not finite or scale is not in (0, ∞)
     */
    public Bump {
        Checks.finite("location", location);
        Checks.positive("scale", scale);
    }
}
