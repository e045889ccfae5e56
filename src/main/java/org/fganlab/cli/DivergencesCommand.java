package org.fganlab.cli;

import java.util.concurrent.Callable;
import org.fganlab.divergence.Discrepancy;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.report.Json;
import org.fganlab.report.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fganlab divergences [--json]}: the registered divergences. */
@Command(name = "divergences", mixinStandardHelpOptions = true,
        header = "List the registered divergences with f, f*, dom f* and g_f.",
        description = {"Each divergence with f, the conjugate f*, dom f*, the output activation g_f,",
            "the threshold f'(1) and f''(1) (Nowozin et al. 2016, Table 6). alpha:A accepts",
            "any A outside {0, 1}; w1 is Wasserstein-1, a distance for contrast."})
final class DivergencesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.toText(JsonDocuments.registry(Divergences.all(), Formulas::of)));
            return 0;
        }
        Tables t = new Tables("name", "divergence", "f(u)", "f*(t)", "dom f*", "g_f(v)",
                "f'(1)", "f''(1)");
        for (FDivergence f : Divergences.all()) {
            String[] text = Formulas.of(f);
            t.row(f.name(), f.displayName(), text[0], text[1], Formulas.domain(f), text[2],
                    f.threshold(), f.secondDerivativeAtOne());
        }
        t.row(Discrepancy.W1.NAME, "Wasserstein-1 (distance)", "-", "-", "-", "-", "-", "-");
        out.print(t.text());
        out.println("Aliases: rkl = reverse-kl; alpha:A for any A not 0 or 1. Logs are natural (nats).");
        return 0;
    }
}
