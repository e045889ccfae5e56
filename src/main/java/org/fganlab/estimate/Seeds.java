package org.fganlab.estimate;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/** Independent seeded streams derived from one seed, so that each random use has its own. */
final class Seeds {

    private Seeds() {
    }

    /**
     * A generator for the given stream of the seed: Well19937c seeded with the SplitMix64
     * finaliser (Steele, Lea &amp; Flood 2014) of seed + stream·golden gamma, so neighbouring
     * seeds and streams give unrelated generators.
     */
    static RandomGenerator stream(long seed, long stream) {
        long z = seed + (stream + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Well19937c(z ^ (z >>> 31));
    }

    /** A uniformly random permutation of 0 … n−1 (Fisher–Yates). */
    static int[] permutation(int n, RandomGenerator rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
