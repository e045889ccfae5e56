package org.fganlab.nn;

/** Argument checks shared by the optimisers. */
final class OptimizerChecks {

    private OptimizerChecks() {
    }

    /** Checks of {@link Optimizer#step}. */
    static void checkStep(int size, double[] params, double[] grad) {
        if (params == null || params.length != size) {
            throw new IllegalArgumentException("params must have length " + size + ", got "
                    + (params == null ? "null" : String.valueOf(params.length)));
        }
        if (grad == null || grad.length != size) {
            throw new IllegalArgumentException("grad must have length " + size + ", got "
                    + (grad == null ? "null" : String.valueOf(grad.length)));
        }
        if (grad == params) {
            throw new IllegalArgumentException("grad may not alias params");
        }
    }

    /** Checks used by the implementations' constructors. */
    static void checkSizeAndRate(int size, double learningRate) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, got " + size);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(
                    "learningRate must be finite and > 0, got " + learningRate);
        }
    }
}
