package org.fganlab.gan;

import java.util.Locale;

/** How the generator uses the critic. */
public enum GeneratorLoss {
    /** Descend F, i.e. minimise −E_Q[b(V(G(z)))]: for the GAN row, E_Q[log(1 − D)]. */
    MINIMAX,
    /**
     * Ascend E_Q[a(V(G(z)))] (f-GAN §3.2; Goodfellow et al. 2014, §3): for the GAN row,
     * minimise −E_Q[log D].
     */
    NON_SATURATING;

    /**
     * ∂L̂_G/∂v, the generator loss's gradient with respect to the critic output v on one
     * generated sample, from the one loss-layer gradient {@link Objective#gradient}: minimax
     * L̂_G = F̂ (its θ-dependent part −w·Σ b(v)), so −w·b'(v); non-saturating
     * L̂_G = −w·Σ a(v), so −w·a'(v).
     *
     * @param objective the objective (its a' and b')
     * @param v the critic's raw output on a generated sample
     * @param weight w, the weight of one sample in the batch mean (1/B)
     */
    public double gradient(Objective objective, double v, double weight) {
        return this == MINIMAX ? objective.gradient(v, Objective.Side.GENERATED, weight)
                : -objective.gradient(v, Objective.Side.REAL, weight);
    }

    /** The CLI name: {@code minimax} or {@code non-saturating}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @throws IllegalArgumentException for any other name (the message lists the accepted ones)
     */
    public static GeneratorLoss parse(String s) {
        for (GeneratorLoss l : values()) {
            if (l.cliName().equalsIgnoreCase(s.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + s + "' (accepted: minimax, non-saturating)");
    }
}
