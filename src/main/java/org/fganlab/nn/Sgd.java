package org.fganlab.nn;

/** Plain gradient descent: θ ← θ − η·g. Stateless apart from its size and rate. */
public final class Sgd implements Optimizer {

    private final int size;
    private final double learningRate;
    /** Multiplies η from the next step on ({@link #scaleLearningRate}). */
    private double rateFactor = 1.0;

    /**
     * @param size length of the parameter vector, ≥ 1
     * @param learningRate η, finite and &gt; 0
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public Sgd(int size, double learningRate) {
        OptimizerChecks.checkSizeAndRate(size, learningRate);
        this.size = size;
        this.learningRate = learningRate;
    }

    @Override
    public void step(double[] params, double[] grad) {
        OptimizerChecks.checkStep(size, params, grad);
        double eta = learningRate * rateFactor;
        for (int k = 0; k < size; k++) {
            params[k] -= eta * grad[k];
        }
    }

    /** Nothing to forget. */
    @Override
    public void reset() {
    }

    /** @return the length of the parameter vectors this optimiser serves */
    public int size() {
        return size;
    }

    /** @return η */
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void scaleLearningRate(double factor) {
        OptimizerChecks.checkFactor(factor);
        rateFactor = factor;
    }
}
