package org.fganlab.divergence;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The registry of named f-divergences ({@code docs/math.md}, "The table"): {@code tv}, {@code kl},
 * {@code reverse-kl} (alias {@code rkl}), {@code pearson}, {@code neyman}, {@code hellinger}
 * (squared Hellinger), {@code jeffrey}, {@code js} (the ½ version), {@code gan} and
 * {@code alpha:A} (Amari α = A). Names are case-insensitive and surrounding white space is
 * ignored. The Wasserstein distance {@code w1} is not an f-divergence and is not registered here
 * (see {@link DiscreteDivergences#w1}); {@link Discrepancy#parse} accepts both.
 */
public final class Divergences {

    /** Prefix of the Amari α family. */
    private static final String ALPHA_PREFIX = "alpha:";

    /** A plain decimal number: no hex, no NaN/Infinity, no type suffix. */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private static final List<FDivergence> NAMED = List.of(
            new TotalVariation(), new KullbackLeibler(), new ReverseKullbackLeibler(),
            new PearsonChiSquared(), new NeymanChiSquared(), new SquaredHellinger(),
            new Jeffrey(), new JensenShannon(), new GanDivergence());

    private static final List<FDivergence> ALL = List.of(
            new TotalVariation(), new KullbackLeibler(), new ReverseKullbackLeibler(),
            new PearsonChiSquared(), new NeymanChiSquared(), new SquaredHellinger(),
            new Jeffrey(), new JensenShannon(), new GanDivergence(),
            new AmariAlpha(0.5), new AmariAlpha(2.0));

    private static final List<String> ACCEPTED = List.of(
            "tv", "kl", "reverse-kl", "rkl", "pearson", "neyman", "hellinger", "jeffrey", "js", "gan",
            "alpha:A");

    private Divergences() {
    }

    /**
     * The divergence registered under a name.
     *
     * @param name a registered name or alias, or {@code alpha:A} with A a decimal number
     *             (case-insensitive, surrounding white space ignored)
     * @return the divergence (a fresh record; records compare by value)
     * @throws NullPointerException if name is null
     * @throws IllegalArgumentException if the name is {@code alpha:A} with A not a decimal number,
     *         or with A equal to 0 or 1 (message from {@link AmariAlpha})
     * @throws UnknownDivergenceException if the name is none of the above
     */
    public static FDivergence byName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        switch (key) {
            case "tv":
                return new TotalVariation();
            case "kl":
                return new KullbackLeibler();
            case "reverse-kl":
            case "rkl":
                return new ReverseKullbackLeibler();
            case "pearson":
                return new PearsonChiSquared();
            case "neyman":
                return new NeymanChiSquared();
            case "hellinger":
                return new SquaredHellinger();
            case "jeffrey":
                return new Jeffrey();
            case "js":
                return new JensenShannon();
            case "gan":
                return new GanDivergence();
            default:
                break;
        }
        if (key.startsWith(ALPHA_PREFIX)) {
            String number = key.substring(ALPHA_PREFIX.length()).strip();
            if (!DECIMAL.matcher(number).matches()) {
                throw new IllegalArgumentException("alpha in '" + name + "' must be a decimal number other than 0 and 1"
                        + " (alpha in (-inf, 0) ∪ (0, 1) ∪ (1, +inf)), got '" + number + "'");
            }
            return new AmariAlpha(Double.parseDouble(number));
        }
        throw new UnknownDivergenceException(name, ACCEPTED);
    }

    /** The nine fixed divergences in the order tv, kl, reverse-kl, pearson, neyman, hellinger, jeffrey, js, gan (immutable). */
    public static List<FDivergence> named() {
        return NAMED;
    }

    /** {@link #named()} followed by Amari α = 0.5 and α = 2 (immutable). */
    public static List<FDivergence> all() {
        return ALL;
    }

    /** Every accepted name: the nine fixed names, the alias {@code rkl} and the pattern {@code alpha:A} (immutable). */
    public static List<String> acceptedNames() {
        return ACCEPTED;
    }
}
