package org.fganlab.gan;

import java.util.List;

/**
 * The outcome of a training run.
 *
 * @param config the configuration
 * @param generatorParams final θ (copied)
 * @param criticParams final ω (copied)
 * @param history logged points, in step order (copied)
 * @param finalEstimate mean of the batch estimates F̂ over the last tenth of the steps (at most
 *     500 steps): the trained model's variational estimate, in nats
 * @param exact the exact D_f(P‖Q_θ̂) (or W1) of the trained model: for the Gaussian generator
 *     N(μ̂, σ̂²) with the averaged μ̂, σ̂ below; otherwise the final generator; NaN when unknown
 * @param mu μ̂, the mean of μ over the same last tenth of the steps as finalEstimate
 *     (Polyak–Ruppert averaging: with a constant step the iterates jitter around the optimum);
 *     NaN for an MLP generator. The final parameters are in generatorParams.
 * @param sigma σ̂, the mean of σ over that window (NaN for an MLP generator)
 * @param modeCoverage for a 2-D mixture target (ring or grid), the {@link ModeCoverage} of
 *     {@value Trainer#COVERAGE_SAMPLES} samples of the final generator, drawn from their own
 *     stream (seed + {@value Trainer#COVERAGE_SEED_OFFSET}); null for other targets, or when a
 *     sample is not finite
 * @param coverageHistory the mode coverage every {@link TrainingConfig.Plan#coverageEvery()}
 *     steps, in step order, ending with the final one (copied; empty for other targets or when
 *     no interval is set)
 */
public record TrainingResult(TrainingConfig config, double[] generatorParams, double[] criticParams,
        List<HistoryPoint> history, double finalEstimate, double exact, double mu, double sigma,
        ModeCoverage.Result modeCoverage, List<CoveragePoint> coverageHistory) {

    public TrainingResult {
        generatorParams = generatorParams.clone();
        criticParams = criticParams.clone();
        history = List.copyOf(history);
        coverageHistory = List.copyOf(coverageHistory);
    }

    @Override
    public double[] generatorParams() {
        return generatorParams.clone();
    }

    @Override
    public double[] criticParams() {
        return criticParams.clone();
    }
}
