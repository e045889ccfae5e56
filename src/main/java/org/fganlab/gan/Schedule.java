package org.fganlab.gan;

import java.util.Locale;

/**
 * The update schedule.
 *
 * @param criticSteps 0 for the single-step gradient method (f-GAN Algorithm 1: critic and
 *     generator updated together from one gradient evaluation), k ≥ 1 for k critic steps per
 *     generator step (Goodfellow et al. 2014, Algorithm 1)
 */
public record Schedule(int criticSteps) {

    /** The single-step gradient method. */
    public static final Schedule SINGLE_STEP = new Schedule(0);

    /**
     * @throws IllegalArgumentException if criticSteps is negative or above 1000
     */
    public Schedule {
        if (criticSteps < 0 || criticSteps > 1000) {
            throw new IllegalArgumentException(
                    "critic steps per generator step must be in [1, 1000], got " + criticSteps);
        }
    }

    /** Whether this is the single-step method. */
    public boolean singleStep() {
        return criticSteps == 0;
    }

    /** {@code single-step} or {@code alternating:K}. */
    public String cliName() {
        return singleStep() ? "single-step" : "alternating:" + criticSteps;
    }

    /**
     * Parses {@code single-step} or {@code alternating:K} (K in [1, 1000]).
     *
     * @throws IllegalArgumentException naming the bad text and the accepted forms
     */
    public static Schedule parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("single-step")) {
            return SINGLE_STEP;
        }
        if (t.startsWith("alternating:")) {
            String k = t.substring("alternating:".length());
            try {
                int steps = Integer.parseInt(k);
                if (steps >= 1) {
                    return new Schedule(steps);
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new IllegalArgumentException("bad critic step count '" + k
                    + "' in schedule '" + s + "' (expected alternating:K with K in [1, 1000])");
        }
        throw new IllegalArgumentException("unknown schedule '" + s
                + "' (accepted: single-step, alternating:K with K in [1, 1000])");
    }
}
