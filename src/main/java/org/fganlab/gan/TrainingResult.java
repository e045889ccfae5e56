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
 * @param exact the exact D_f(P‖Q_θ̂) (or W1) of the final generator, NaN when unknown
 * @param mu final μ̂ (NaN for an MLP generator)
 * @param sigma final σ̂ (NaN for an MLP generator)
 */
public record TrainingResult(TrainingConfig config, double[] generatorParams, double[] criticParams,
        List<HistoryPoint> history, double finalEstimate, double exact, double mu, double sigma) {

    public TrainingResult {
        generatorParams = generatorParams.clone();
        criticParams = criticParams.clone();
        history = List.copyOf(history);
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
