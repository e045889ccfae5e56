package org.fganlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;

/**
 * A parsed {@code --div LIST|all}: registered f-divergences plus, optionally, the distance
 * {@code w1}. An f-divergence entry is the FDivergence; {@code w1} is represented by null.
 */
record DivergenceSelection(List<FDivergence> divergences, boolean includeW1) {

    static final String W1 = "w1";

    /**
     * @param list comma-separated names, or "all"
     * @throws IllegalArgumentException for an unknown name (the message lists accepted ones)
     */
    static DivergenceSelection parse(String list) {
        if (list.trim().equalsIgnoreCase("all")) {
            return new DivergenceSelection(Divergences.all(), true);
        }
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<FDivergence> fs = new ArrayList<>();
        boolean w1 = false;
        for (String raw : list.split(",")) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty divergence name in --div '" + list + "'");
            }
            if (name.equals(W1)) {
                w1 = true;
                continue;
            }
            FDivergence f = Divergences.byName(name);
            if (seen.add(f.name())) {
                fs.add(f);
            }
        }
        return new DivergenceSelection(fs, w1);
    }
}
