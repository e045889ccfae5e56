package org.fganlab.density;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hipparchus.random.RandomGenerator;

/**
 * A 2-D toy target: an equal-weight mixture of isotropic Gaussians N(c_i, σ²I) (the GAN
 * mode-collapse benchmarks: a ring of 8 modes of radius 2 with σ = 0.02, a 5×5 grid with spacing
 * 2 and σ = 0.05; Metz et al. 2017, Srivastava et al. 2017).
 *
 * <p>Specs: {@code ring(k,r,sigma)} (k modes at angles 2πi/k on the circle of radius r) and
 * {@code grid(n,spacing,sigma)} (n×n modes at spacing·(i − (n−1)/2, j − (n−1)/2)).
 * Immutable.
 */
public final class GaussianMixture2D {

    private static final Pattern SPEC = Pattern.compile(
            "\\s*(ring|grid)\\s*\\(\\s*([^,\\s]+)\\s*,\\s*([^,\\s]+)\\s*,\\s*([^,\\s)]+)\\s*\\)\\s*",
            Pattern.CASE_INSENSITIVE);

    private final double[] cx;
    private final double[] cy;
    private final double sigma;
    private final String spec;

    private GaussianMixture2D(double[] cx, double[] cy, double sigma, String spec) {
        this.cx = cx;
        this.cy = cy;
        this.sigma = sigma;
        this.spec = spec;
    }

    /**
     * k modes on a circle.
     *
     * @throws IllegalArgumentException if k is not in [1, 10000], or r or sigma is not positive
     *     and finite
     */
    public static GaussianMixture2D ring(int k, double radius, double sigma) {
        check(k, 10_000, "ring mode count k");
        Checks.positive("radius", radius);
        Checks.positive("sigma", sigma);
        double[] x = new double[k];
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            double a = 2 * Math.PI * i / k;
            x[i] = radius * Math.cos(a);
            y[i] = radius * Math.sin(a);
        }
        return new GaussianMixture2D(x, y, sigma,
                "ring(" + k + "," + Numbers.format(radius) + "," + Numbers.format(sigma) + ")");
    }

    /**
     * n×n modes on a square grid centred at 0.
     *
     * @throws IllegalArgumentException if n is not in [1, 100], or spacing or sigma is not
     *     positive and finite
     */
    public static GaussianMixture2D grid(int n, double spacing, double sigma) {
        check(n, 100, "grid size n");
        Checks.positive("spacing", spacing);
        Checks.positive("sigma", sigma);
        double[] x = new double[n * n];
        double[] y = new double[n * n];
        double off = (n - 1) / 2.0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i * n + j] = spacing * (i - off);
                y[i * n + j] = spacing * (j - off);
            }
        }
        return new GaussianMixture2D(x, y, sigma,
                "grid(" + n + "," + Numbers.format(spacing) + "," + Numbers.format(sigma) + ")");
    }

    /** Whether the text looks like a 2-D target spec (starts with ring( or grid(). */
    public static boolean isSpec(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("ring") || t.startsWith("grid");
    }

    /**
     * Parses {@code ring(k,r,sigma)} or {@code grid(n,spacing,sigma)}.
     *
     * @throws SpecException naming the bad token and its position
     */
    public static GaussianMixture2D parse(String s) {
        Matcher m = SPEC.matcher(s);
        if (!m.matches()) {
            throw new SpecException(0, "expected a 2-D target ring(k,r,sigma) or grid(n,spacing,sigma),"
                    + " got '" + s.trim() + "'");
        }
        int count = integer(m.group(2), m.start(2));
        double a = number(m.group(3), m.start(3));
        double sigma = number(m.group(4), m.start(4));
        try {
            return m.group(1).equalsIgnoreCase("ring") ? ring(count, a, sigma) : grid(count, a, sigma);
        } catch (IllegalArgumentException e) {
            throw new SpecException(m.start(1), e.getMessage() + " in '" + s.trim() + "'");
        }
    }

    /** Number of modes. */
    public int modeCount() {
        return cx.length;
    }

    /** x coordinate of mode i. */
    public double modeX(int i) {
        return cx[i];
    }

    /** y coordinate of mode i. */
    public double modeY(int i) {
        return cy[i];
    }

    /** The common standard deviation σ of every mode. */
    public double sigma() {
        return sigma;
    }

    /**
     * Draws one point into out[offset], out[offset + 1].
     *
     * @param rng randomness (modified)
     * @param out destination (modified)
     * @param offset index of the x coordinate
     */
    public void sample(RandomGenerator rng, double[] out, int offset) {
        int i = rng.nextInt(cx.length);
        out[offset] = cx[i] + sigma * StandardNormal.sample(rng);
        out[offset + 1] = cy[i] + sigma * StandardNormal.sample(rng);
    }

    /** The canonical spec. */
    public String spec() {
        return spec;
    }

    @Override
    public String toString() {
        return spec;
    }

    private static void check(int v, int max, String what) {
        if (v < 1 || v > max) {
            throw new IllegalArgumentException(what + " must be in [1, " + max + "], got " + v);
        }
    }

    private static int integer(String tok, int pos) {
        try {
            return Integer.parseInt(tok);
        } catch (NumberFormatException e) {
            throw new SpecException(pos, "expected a whole number of modes, got '" + tok + "'");
        }
    }

    private static double number(String tok, int pos) {
        try {
            double v = Double.parseDouble(tok);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new SpecException(pos, "expected a finite number, got '" + tok + "'");
        }
    }
}
