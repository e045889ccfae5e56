package org.fganlab.gan;

import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.density.GaussianMixture2D;
import org.hipparchus.random.RandomGenerator;

/**
 * The data distribution P as a sampler of batches in R^d, and its density when it is a 1-D
 * {@link Density} (for exact tracking).
 */
public interface Target {

    /** Dimension d of a sample. */
    int dimension();

    /**
     * Draws a batch.
     *
     * @param rng randomness (modified: its state advances)
     * @param out batch·d values, row-major (sample b's coordinate j at out[b·d + j]); modified
     * @param batch number of samples, out.length ≥ batch·d
     */
    void sample(RandomGenerator rng, double[] out, int batch);

    /** The 1-D density of P, or null if P is not a 1-D density. */
    Density density();

    /** The 2-D Gaussian mixture of P (ring or grid), or null if P is not one. */
    default GaussianMixture2D mixture() {
        return null;
    }

    /** A human-readable description (the spec for densities). */
    String describe();

    /**
     * Parses a target: a 2-D toy target ({@code ring(k,r,sigma)}, {@code grid(n,spacing,sigma)})
     * or a 1-D density spec.
     *
     * @throws IllegalArgumentException (a SpecException) naming the bad token
     */
    static Target parse(String spec) {
        return GaussianMixture2D.isSpec(spec) ? of(GaussianMixture2D.parse(spec))
                : of(DensitySpec.parse(spec));
    }

    /** The target of a 2-D toy mixture. */
    static Target of(GaussianMixture2D m) {
        return new Target() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void sample(RandomGenerator rng, double[] out, int batch) {
                for (int b = 0; b < batch; b++) {
                    m.sample(rng, out, 2 * b);
                }
            }

            @Override
            public Density density() {
                return null;
            }

            @Override
            public GaussianMixture2D mixture() {
                return m;
            }

            @Override
            public String describe() {
                return m.spec();
            }
        };
    }

    /** The target of a 1-D density. */
    static Target of(Density d) {
        return new Target() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void sample(RandomGenerator rng, double[] out, int batch) {
                for (int b = 0; b < batch; b++) {
                    out[b] = d.sample(rng);
                }
            }

            @Override
            public Density density() {
                return d;
            }

            @Override
            public String describe() {
                return d.spec();
            }
        };
    }
}
