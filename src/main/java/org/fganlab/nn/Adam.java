package org.fganlab.nn;

import java.util.Arrays;

/**
 * Adam (Kingma &amp; Ba 2015, Algorithm 1). Step t = 1, 2, … with gradient g:
 * <pre>
 *   m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²,
 *   θ ← θ − η · (m/(1 − β₁ᵗ)) / (√(v/(1 − β₂ᵗ)) + ε)
 * </pre>
 * from m = v = 0. The first step therefore moves each θ_k by η·g_k/(|g_k| + ε) ≈ η·sign(g_k).
 */
public final class Adam implements Optimizer {

    private final int size;
    private final double learningRate;
    /** Multiplies η from the next step on ({@link #scaleLearningRate}). */
    private double rateFactor = 1.0;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[] m;
    private final double[] v;
    private long t;

    /**
     * @param size length of the parameter vector, ≥ 1
     * @param learningRate η, finite and &gt; 0
     * @param beta1 decay of the first moment, in [0, 1)
     * @param beta2 decay of the second moment, in [0, 1)
     * @param epsilon added to √v̂, finite and &gt; 0
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public Adam(int size, double learningRate, double beta1, double beta2, double epsilon) {
        OptimizerChecks.checkSizeAndRate(size, learningRate);
        OptimizerChecks.checkDecay("beta1", beta1);
        OptimizerChecks.checkDecay("beta2", beta2);
        OptimizerChecks.checkEpsilon(epsilon);
        this.size = size;
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = new double[size];
        this.v = new double[size];
    }

    /**
     * Adam with the paper's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
     *
     * @param size length of the parameter vector, ≥ 1
     * @param learningRate η, finite and &gt; 0
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public Adam(int size, double learningRate) {
        this(size, learningRate, 0.9, 0.999, 1e-8);
    }

    @Override
    public void step(double[] params, double[] grad) {
        OptimizerChecks.checkStep(size, params, grad);
        t++;
        double c1 = 1.0 / (1.0 - Math.pow(beta1, t));
        double c2 = 1.0 / (1.0 - Math.pow(beta2, t));
        double b1 = beta1;
        double b2 = beta2;
        double eta = learningRate * rateFactor;
        double eps = epsilon;
        double[] mm = m;
        double[] vv = v;
        for (int k = 0; k < size; k++) {
            double g = grad[k];
            double mk = b1 * mm[k] + (1 - b1) * g;
            double vk = b2 * vv[k] + (1 - b2) * g * g;
            mm[k] = mk;
            vv[k] = vk;
            params[k] -= eta * (mk * c1) / (Math.sqrt(vk * c2) + eps);
        }
    }

    @Override
    public void reset() {
        Arrays.fill(m, 0.0);
        Arrays.fill(v, 0.0);
        t = 0;
    }

    /** @return the length of the parameter vectors this optimiser serves */
    public int size() {
        return size;
    }

    /** @return the number of steps since construction or the last {@link #reset()} */
    public long steps() {
        return t;
    }

    @Override
    public void scaleLearningRate(double factor) {
        OptimizerChecks.checkFactor(factor);
        rateFactor = factor;
    }
}
