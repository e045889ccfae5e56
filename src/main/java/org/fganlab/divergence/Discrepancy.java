package org.fganlab.divergence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a divergence name on the command line denotes: a registered f-divergence
 * ({@link Divergences}), or the Wasserstein-1 distance {@code w1}, which is not an f-divergence
 * (in one dimension W1(P, Q) = ∫ |F_P − F_Q| dx, in the units of x; Villani 2009, Remark 2.19;
 * Arjovsky et al. 2017) but is computed, estimated and trained beside them for contrast. The one
 * parser of such names.
 */
public sealed interface Discrepancy permits Discrepancy.F, Discrepancy.W1 {

    /** The registry name ({@link FDivergence#name()}, or {@code w1}). */
    String name();

    /**
     * A registered f-divergence.
     *
     * @param divergence the divergence (not null)
     */
    record F(FDivergence divergence) implements Discrepancy {
        /**
         * @throws NullPointerException if divergence is null
         */
        public F {
            if (divergence == null) {
                throw new NullPointerException("divergence");
            }
        }

        @Override
        public String name() {
            return divergence.name();
        }
    }

    /** The Wasserstein-1 distance. */
    record W1() implements Discrepancy {
        /** Its name. */
        public static final String NAME = "w1";

        @Override
        public String name() {
            return NAME;
        }
    }

    /**
     * The f-divergence or distance a name denotes.
     *
     * @param name {@code w1}, or a name {@link Divergences#byName} accepts (case-insensitive,
     *     surrounding white space ignored)
     * @return {@link W1} for {@code w1}, else the registered f-divergence
     * @throws NullPointerException if name is null
     * @throws IllegalArgumentException for {@code alpha:A} with a bad A (message from
     *     {@link Divergences#byName})
     * @throws UnknownDivergenceException if the name is neither; the message lists
     *     {@link #acceptedNames()}
     */
    static Discrepancy parse(String name) {
        if (name.strip().toLowerCase(Locale.ROOT).equals(W1.NAME)) {
            return new W1();
        }
        try {
            return new F(Divergences.byName(name));
        } catch (UnknownDivergenceException e) {
            throw new UnknownDivergenceException(name, acceptedNames());
        }
    }

    /**
     * The f-divergences of a list of discrepancies.
     *
     * @param discrepancies f-divergences and W1, in any order
     * @return the f-divergences, in their order (immutable)
     */
    static List<FDivergence> divergences(List<? extends Discrepancy> discrepancies) {
        return discrepancies.stream().filter(d -> d instanceof F).map(d -> ((F) d).divergence()).toList();
    }

    /** {@link Divergences#acceptedNames()} with {@code w1} before the closing pattern {@code alpha:A}. */
    static List<String> acceptedNames() {
        List<String> names = new ArrayList<>(Divergences.acceptedNames());
        // alpha:A stays last, next to the message's note on A
        names.add(names.size() - 1, W1.NAME);
        return List.copyOf(names);
    }
}
