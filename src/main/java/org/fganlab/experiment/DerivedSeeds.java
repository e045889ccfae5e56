package org.fganlab.experiment;

/**
 * The seeds the experiments derive from the run's seed, in one place. Two derivations, each kept
 * exactly as the experiments have always used it so that their numbers stay bit-identical:
 * consecutive seeds for repetitions, and XOR with a shifted field for side streams and grid
 * cells.
 */
final class DerivedSeeds {

    private DerivedSeeds() {
    }

    /** The seed of repetition k (or of a stream at a fixed offset k): seed + k. */
    static long replicate(long seed, long k) {
        return seed + k;
    }

    /**
     * The seed with a field XOR-ed in at a bit position: seed ^ (value &lt;&lt; shift). Shift 0 with
     * a constant value gives a side stream (e.g. the probe batches of a training run); larger
     * shifts give a grid cell's seed from its indices.
     */
    static long mix(long seed, int shift, long value) {
        return seed ^ (value << shift);
    }
}
