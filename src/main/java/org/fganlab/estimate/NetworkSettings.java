package org.fganlab.estimate;

/**
 * How the classifier and the critic are trained: an MLP with tanh hidden layers and a linear
 * output V, Adam on mini-batches of {@code batch} points from each sample, early stopping on a
 * validation fifth of the training half (checked every {@code checkEvery} steps, stopped after
 * {@code patience} checks without improvement; the best parameters are kept).
 *
 * @param hidden hidden-layer widths, each ≥ 1 (copied)
 * @param maxSteps the most Adam steps, ≥ 1
 * @param batch points per sample per step, ≥ 1 (capped at the training size)
 * @param learningRate Adam's η, finite and &gt; 0
 * @param checkEvery steps between validation checks, ≥ 1
 * @param patience checks without improvement before stopping, ≥ 1
 */
public record NetworkSettings(int[] hidden, int maxSteps, int batch, double learningRate,
        int checkEvery, int patience) {

    /** 2 × 32 tanh units, up to 2,000 steps of 128 + 128 points, η = 3·10⁻³, patience 5 × 100. */
    public static final NetworkSettings DEFAULT = new NetworkSettings(new int[] {32, 32}, 2000,
            128, 3e-3, 100, 5);

    /**
     * @throws IllegalArgumentException if an argument is outside its range
     */
    public NetworkSettings {
        if (hidden == null || hidden.length == 0) {
            throw new IllegalArgumentException("hidden must list at least one width");
        }
        hidden = hidden.clone();
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden widths must be >= 1, got " + h);
            }
        }
        if (maxSteps < 1 || batch < 1 || checkEvery < 1 || patience < 1) {
            throw new IllegalArgumentException("maxSteps, batch, checkEvery and patience must be"
                    + " >= 1, got " + maxSteps + ", " + batch + ", " + checkEvery + ", " + patience);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }
}
