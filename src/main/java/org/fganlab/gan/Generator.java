package org.fganlab.gan;

import org.fganlab.density.StandardNormal;
import org.hipparchus.random.RandomGenerator;

/**
 * A generator G_θ: latent z ~ N(0, I_k) ↦ x ∈ R^d, with a flat parameter vector θ.
 *
 * <p>Implementations may keep per-instance buffers between {@link #generate} and
 * {@link #backward} (not thread-safe; one instance per trainer).
 */
public sealed interface Generator permits GaussianGenerator, MlpGenerator {

    /** Latent dimension k. */
    int latentDimension();

    /** Output dimension d. */
    int outputDimension();

    /** Length of θ. */
    int parameterCount();

    /**
     * Initial θ.
     *
     * @param params length parameterCount(); modified
     * @param rng randomness (modified)
     */
    void initialize(double[] params, RandomGenerator rng);

    /**
     * x = G_θ(z) for a batch.
     *
     * @param params θ (not modified)
     * @param z batch·k latent values, row-major (not modified)
     * @param batch batch size
     * @param x batch·d outputs, row-major; modified, may not alias z
     */
    void generate(double[] params, double[] z, int batch, double[] x);

    /**
     * Back-propagates ∂L/∂x of the last {@link #generate} call (same z and batch) into θ.
     *
     * @param params θ (not modified)
     * @param z the latent batch of the last generate (not modified)
     * @param batch batch size
     * @param gradX ∂L/∂x, batch·d (not modified)
     * @param gradParams ∂L/∂θ is ADDED here (length parameterCount())
     */
    void backward(double[] params, double[] z, int batch, double[] gradX, double[] gradParams);

    /** Short description, e.g. {@code gaussian} or {@code mlp 4-64-64-2}. */
    String describe();

    /**
     * n samples x = G_θ(z), z ~ N(0, I) drawn from rng, generated {@code chunk} at a time.
     *
     * @param params θ (not modified)
     * @param n number of samples, ≥ 1
     * @param chunk batch size of each generate call, ≥ 1
     * @param rng the source of z (advanced by n·latentDimension() normals)
     * @return n·outputDimension() values, sample i at [i·d, (i + 1)·d)
     */
    default double[] sample(double[] params, int n, int chunk, RandomGenerator rng) {
        int k = latentDimension();
        int d = outputDimension();
        double[] out = new double[n * d];
        double[] z = new double[chunk * k];
        double[] x = new double[chunk * d];
        for (int start = 0; start < n; start += chunk) {
            int b = Math.min(chunk, n - start);
            StandardNormal.fill(rng, z, b * k);
            generate(params, z, b, x);
            System.arraycopy(x, 0, out, start * d, b * d);
        }
        return out;
    }
}
