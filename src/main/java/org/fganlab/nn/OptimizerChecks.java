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

    /** A decay rate (Adam's β, RMSProp's ρ) in [0, 1). */
    static void checkDecay(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
    }

    /** The ε added to a root mean square: finite and &gt; 0. */
    static void checkEpsilon(double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }
    }

    static void checkFactor(double factor) {
        if (!(factor >= 0 && factor <= 1)) {
            throw new IllegalArgumentException("learning-rate factor must be in [0, 1], got " + factor);
        }
    }
}
