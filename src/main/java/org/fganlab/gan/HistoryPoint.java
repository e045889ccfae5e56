package org.fganlab.gan;

/**
 * One logged point of a training run. Fields that do not apply are NaN (documented per field)
 * and are left out of JSON.
 *
 * @param step generator steps taken
 * @param estimate the batch estimate F̂ of F(ω, θ) at this step (nats for f-divergences)
 * @param mu μ of the Gaussian generator (NaN for an MLP generator)
 * @param sigma σ of the Gaussian generator (NaN for an MLP generator)
 * @param meanCriticReal mean raw critic output V on the real batch
 * @param meanCriticFake mean raw critic output V on the generated batch
 * @param exact the exact D_f(P‖Q_θ) (or W1) by quadrature when Q_θ has a known density
 *     (Gaussian generator and 1-D density target), NaN otherwise; +∞ allowed
 */
public record HistoryPoint(int step, double estimate, double mu, double sigma,
        double meanCriticReal, double meanCriticFake, double exact) {
}
