package org.fganlab.nn;

import java.util.Arrays;

/**
 * RMSProp (Tieleman &amp; Hinton 2012, lecture 6e), in the form of PyTorch's {@code RMSprop}
 * that the WGAN paper's code used (Arjovsky, Chintala &amp; Bottou 2017, Algorithm 1: η = 5e-5
 * for the critic with weight clipping). Step with gradient g:
 * <pre>
 *   v ← ρv + (1 − ρ)g²,   θ ← θ − η·g / (√v + ε)
 * </pre>
 * from v = 0, no momentum and no centring. The first step therefore moves each θ_k by
 * η·g_k/(√(1 − ρ)·|g_k| + ε) ≈ η·sign(g_k)/√(1 − ρ), ten times η for ρ = 0.99.
 */
public final class RmsProp implements Optimizer {

    private final int size;
    private final double learningRate;
    /** Multiplies η from the next step on ({@link #scaleLearningRate}). */
    private double rateFactor = 1.0;
    private final double rho;
    private final double epsilon;
    private final double[] v;

    /**
     * @param size length of the parameter vector, ≥ 1
     * @param learningRate η, finite and &gt; 0
     * @param rho decay of the mean square ({@code alpha} in PyTorch), in [0, 1)
     * @param epsilon added to √v, finite and &gt; 0
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public RmsProp(int size, double learningRate, double rho, double epsilon) {
        OptimizerChecks.checkSizeAndRate(size, learningRate);
        OptimizerChecks.checkDecay("rho", rho);
        OptimizerChecks.checkEpsilon(epsilon);
        this.size = size;
        this.learningRate = learningRate;
        this.rho = rho;
        this.epsilon = epsilon;
        this.v = new double[size];
    }

    /**
     * RMSProp with PyTorch's defaults ρ = 0.99, ε = 1e-8.
     *
     * @param size length of the parameter vector, ≥ 1
     * @param learningRate η, finite and &gt; 0 (the WGAN paper: 5e-5)
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public RmsProp(int size, double learningRate) {
        this(size, learningRate, 0.99, 1e-8);
    }

    @Override
    public void step(double[] params, double[] grad) {
        OptimizerChecks.checkStep(size, params, grad);
        double r = rho;
        double eta = learningRate * rateFactor;
        double eps = epsilon;
        double[] vv = v;
        for (int k = 0; k < size; k++) {
            double g = grad[k];
            double vk = r * vv[k] + (1 - r) * g * g;
            vv[k] = vk;
            params[k] -= eta * g / (Math.sqrt(vk) + eps);
        }
    }

    @Override
    public void reset() {
        Arrays.fill(v, 0.0);
    }

    /** @return the length of the parameter vectors this optimiser serves */
    public int size() {
        return size;
    }

    @Override
    public void scaleLearningRate(double factor) {
        OptimizerChecks.checkFactor(factor);
        rateFactor = factor;
    }
}
