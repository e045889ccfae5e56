package org.fganlab.estimate;

import java.util.Arrays;
import org.fganlab.density.Density;
import org.hipparchus.random.RandomGenerator;

/**
 * n points in R^d, row-major: point i's coordinate k is {@code data[i*d + k]}. Immutable: the
 * constructor and {@link #data()} copy.
 *
 * @param data the coordinates, length n·d, every entry finite
 * @param dimension d ≥ 1
 */
public record Samples(double[] data, int dimension) {

    /**
     * @throws IllegalArgumentException if d &lt; 1, data is null or empty, its length is not a
     *     multiple of d, or an entry is not finite (the message names the point and coordinate)
     */
    public Samples {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if (data == null || data.length == 0 || data.length % dimension != 0) {
            throw new IllegalArgumentException("data must hold n >= 1 points of dimension "
                    + dimension + ", got length " + (data == null ? "null" : data.length));
        }
        data = data.clone();
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                throw new IllegalArgumentException("point " + i / dimension + ", coordinate "
                        + i % dimension + " is " + data[i] + "; coordinates must be finite");
            }
        }
    }

    /** One-dimensional samples x_0 … x_{n−1} (copied). */
    public static Samples of(double... x) {
        return new Samples(x, 1);
    }

    /**
     * n independent draws from a 1-D density, from the generator of the given stream of the
     * seed (so P and Q drawn with streams 0 and 1 are independent, and the same seed gives the
     * same points).
     *
     * @param density the density
     * @param n the number of points, ≥ 1
     * @param seed the seed
     * @param stream the stream of the seed
     * @return n points of dimension 1
     * @throws IllegalArgumentException if n &lt; 1
     */
    public static Samples draw(Density density, int n, long seed, long stream) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        RandomGenerator rng = Seeds.stream(seed, stream);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = density.sample(rng);
        }
        return new Samples(x, 1);
    }

    /** A copy of the coordinates. */
    @Override
    public double[] data() {
        return data.clone();
    }

    /** The number of points n. */
    public int size() {
        return data.length / dimension;
    }

    /** Coordinate k of point i. */
    public double get(int i, int k) {
        return data[i * dimension + k];
    }

    /** Coordinate k of every point, in point order (a fresh array). */
    public double[] column(int k) {
        if (k < 0 || k >= dimension) {
            throw new IllegalArgumentException("coordinate must be in [0, " + dimension + "), got " + k);
        }
        int n = size();
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = data[i * dimension + k];
        }
        return c;
    }

    /** The points at the given indices, in that order (indices may repeat: a resample). */
    public Samples select(int[] indices) {
        double[] out = new double[indices.length * dimension];
        for (int r = 0; r < indices.length; r++) {
            System.arraycopy(data, indices[r] * dimension, out, r * dimension, dimension);
        }
        return new Samples(out, dimension);
    }

    /** Points [from, to) (a split). */
    public Samples range(int from, int to) {
        return new Samples(Arrays.copyOfRange(data, from * dimension, to * dimension), dimension);
    }

    /** Package-private view without a copy, for the estimators' hot loops (do not modify). */
    double[] raw() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Samples s && s.dimension == dimension && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + dimension;
    }

    @Override
    public String toString() {
        return "Samples[n=" + size() + ", d=" + dimension + "]";
    }
}
