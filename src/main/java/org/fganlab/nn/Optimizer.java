package org.fganlab.nn;

/**
 * A first-order optimiser on a flat parameter vector. It minimises: {@link #step} moves the
 * parameters against the gradient. An instance holds the state of one parameter vector (moments,
 * step count), so it is not thread-safe and serves one vector of its size.
 */
public interface Optimizer {

    /**
     * One update. Allocates nothing.
     *
     * @param params modified in place; length = the optimiser's size
     * @param grad ∂L/∂params (not modified); same length; may not alias params
     * @throws IllegalArgumentException if a length differs from the size or grad == params
     */
    void step(double[] params, double[] grad);

    /**
     * Forgets the state (moments, step count), as if freshly built for the same size; the
     * learning-rate factor is kept.
     */
    void reset();

    /**
     * From the next step on, the step size is η·factor (η the constructor's); for learning-rate
     * schedules such as a linear decay to zero (Gulrajani et al. 2017, the CIFAR-10 scripts).
     * Factor 1 (the initial one) gives exactly η.
     *
     * @param factor in [0, 1]
     * @throws IllegalArgumentException if factor is outside [0, 1] or NaN
     */
    void scaleLearningRate(double factor);
}
