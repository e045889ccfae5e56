package org.fganlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fganlab.divergence.Discrepancy;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;

/**
 * A parsed {@code --div LIST|all}: registered f-divergences in the order given without repeats,
 * then the distance {@code w1} if it was asked for (wherever it stood in the list).
 *
 * @param discrepancies the f-divergences, then W1
 */
record DivergenceSelection(List<Discrepancy> discrepancies) {

    /**
     * @param list comma-separated names ({@link Discrepancy#parse}), or "all"
     * @throws IllegalArgumentException for an empty or unknown name (the message lists accepted ones)
     */
    static DivergenceSelection parse(String list) {
        List<Discrepancy> chosen = new ArrayList<>();
        boolean all = list.trim().equalsIgnoreCase("all");
        boolean w1 = all;
        if (all) {
            Divergences.all().forEach(f -> chosen.add(new Discrepancy.F(f)));
        } else {
            for (String raw : list.split(",")) {
                String name = raw.trim().toLowerCase(Locale.ROOT);
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("empty divergence name in --div '" + list + "'");
                }
                Discrepancy d = Discrepancy.parse(name);
                w1 |= d instanceof Discrepancy.W1;
                if (d instanceof Discrepancy.F && chosen.stream().noneMatch(x -> x.name().equals(d.name()))) {
                    chosen.add(d);
                }
            }
        }
        if (w1) {
            chosen.add(new Discrepancy.W1());
        }
        return new DivergenceSelection(List.copyOf(chosen));
    }

    /** The f-divergences, in order. */
    List<FDivergence> divergences() {
        return Discrepancy.divergences(discrepancies);
    }
}
