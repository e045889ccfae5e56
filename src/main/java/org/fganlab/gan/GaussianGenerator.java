package org.fganlab.gan;

import org.hipparchus.random.RandomGenerator;

/**
 * The affine Gaussian generator G(z) = μ + σz, z ~ N(0, 1), of the f-GAN Gaussian-fit experiment
 * (Nowozin et al. 2016, §4). θ = (μ, s) with σ = e^s, so σ stays positive for every θ.
 * Initial θ = (0, 0): μ = 0, σ = 1.
 */
public final class GaussianGenerator implements Generator {

    /** Index of μ in θ. */
    public static final int MU = 0;
    /** Index of s = log σ in θ. */
    public static final int LOG_SIGMA = 1;

    @Override
    public int latentDimension() {
        return 1;
    }

    @Override
    public int outputDimension() {
        return 1;
    }

    @Override
    public int parameterCount() {
        return 2;
    }

    @Override
    public void initialize(double[] params, RandomGenerator rng) {
        params[MU] = 0.0;
        params[LOG_SIGMA] = 0.0;
    }

    @Override
    public void generate(double[] params, double[] z, int batch, double[] x) {
        double mu = params[MU];
        double sigma = Math.exp(params[LOG_SIGMA]);
        for (int b = 0; b < batch; b++) {
            x[b] = mu + sigma * z[b];
        }
    }

    /** ∂x/∂μ = 1, ∂x/∂s = σz. */
    @Override
    public void backward(double[] params, double[] z, int batch, double[] gradX, double[] gradParams) {
        double sigma = Math.exp(params[LOG_SIGMA]);
        double gMu = 0;
        double gS = 0;
        for (int b = 0; b < batch; b++) {
            gMu += gradX[b];
            gS += gradX[b] * z[b];
        }
        gradParams[MU] += gMu;
        gradParams[LOG_SIGMA] += gS * sigma;
    }

    /** μ of θ. */
    public static double mu(double[] params) {
        return params[MU];
    }

    /** σ = e^s of θ. */
    public static double sigma(double[] params) {
        return Math.exp(params[LOG_SIGMA]);
    }

    @Override
    public String describe() {
        return "gaussian";
    }
}
