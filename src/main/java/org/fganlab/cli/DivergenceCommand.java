package org.fganlab.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fganlab.density.Density;
import org.fganlab.report.Json;
import org.fganlab.report.JsonDocuments;
import org.fganlab.report.Tables;
import org.fganlab.theory.DivergenceValues;
import org.fganlab.theory.ExactDivergence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fganlab divergence --p SPEC --q SPEC [--div LIST|all] [--json]}. */
@Command(name = "divergence", mixinStandardHelpOptions = true,
        description = {"Exact D_f(P||Q) = integral of q f(p/q) between two densities, by adaptive",
            "Gauss-Kronrod quadrature with an error estimate; +inf where the integral diverges."},
        footer = {"", "Example:", "  fganlab divergence --p 'normal(0,1)' --q 'normal(1,1.5)' --div kl,js,tv"})
final class DivergenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--p", required = true, paramLabel = "SPEC", converter = DensityConverter.class,
            description = "Density of P (data), e.g. 'normal(0,1)'.")
    Density p;

    @Option(names = "--q", required = true, paramLabel = "SPEC", converter = DensityConverter.class,
            description = "Density of Q (model).")
    Density q;

    @Option(names = "--div", paramLabel = "LIST", defaultValue = "all",
            description = "Comma-separated names (see 'fganlab divergences') or all (default: ${DEFAULT-VALUE}).")
    String div;

    @Option(names = "--json", description = "Print JSON (format in docs/architecture.md).")
    boolean json;

    @Override
    public Integer call() {
        DivergenceSelection sel = DivergenceSelection.parse(div);
        List<DivergenceValues.Entry> entries = DivergenceValues.compute(ExactDivergence.standard(),
                p, q, sel.divergences(), sel.includeW1());
        var out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.toText(JsonDocuments.divergence(p.spec(), q.spec(), entries)));
            return 0;
        }
        out.println("P = " + p.spec());
        out.println("Q = " + q.spec());
        Tables t = new Tables("divergence", "value (nats)", "error estimate", "evaluations", "time (us)");
        for (DivergenceValues.Entry e : entries) {
            t.row(e.name(), exactNumber(e.result().value()), e.result().errorEstimate(),
                    e.result().evaluations(), e.seconds() * 1e6);
        }
        out.print(t.text());
        out.println("Times are single cold calls (JIT warm-up included); speed figures come from the"
                + " JMH benchmarks (README).");
        return 0;
    }

    /** Values at full precision: the lab's point is exactness. */
    static String exactNumber(double v) {
        return Double.isInfinite(v) ? Tables.number(v) : String.format(Locale.ROOT, "%.15g", v);
    }
}
