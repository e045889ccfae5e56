package org.fganlab.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.fganlab.density.Density;
import org.fganlab.report.Json;
import org.fganlab.report.Tables;
import org.fganlab.theory.DivergenceValues;
import org.fganlab.theory.ExactDivergence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fganlab divergence --p SPEC --q SPEC [--div LIST|all] [--json]}. */
@Command(name = "divergence", mixinStandardHelpOptions = true,
        header = "Exact f-divergences between two densities, by quadrature.",
        description = {"D_f(P||Q) = integral of q f(p/q) for each divergence asked for, by",
            "adaptive Gauss-Kronrod quadrature with an error estimate; +inf where the",
            "integral diverges."},
        footer = {"Example:", "  fganlab divergence --p 'normal(0,1)' --q 'normal(1,1.5)' --div kl,js,tv"})
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
                p, q, sel.discrepancies());
        var out = spec.commandLine().getOut();
        boolean allConverged = entries.stream().allMatch(e -> e.result().converged());
        int code = allConverged ? ExitCodes.OK : ExitCodes.ACCURACY_NOT_REACHED;
        if (json) {
            out.print(Json.toText(JsonDocuments.divergence(p.spec(), q.spec(), entries)));
            return code;
        }
        out.println("P = " + p.spec());
        out.println("Q = " + q.spec());
        Tables t = new Tables("divergence", "value (nats)", "error estimate", "status",
                "evaluations", "time (us)");
        for (DivergenceValues.Entry e : entries) {
            t.row(e.name(), exactNumber(e.result().value()), e.result().errorEstimate(),
                    e.result().status().label(), e.result().evaluations(), e.seconds() * 1e6);
        }
        out.print(t.text());
        if (!allConverged) {
            out.println("accuracy not reached for some values: their error estimate is what was"
                    + " achieved (exit code " + ExitCodes.ACCURACY_NOT_REACHED + ")");
        }
        out.println("Times are single cold calls (JIT warm-up included); speed figures come from the"
                + " JMH benchmarks (README).");
        return code;
    }

    /** Values at full precision: the lab's point is exactness. */
    static String exactNumber(double v) {
        return Double.isInfinite(v) ? Tables.number(v) : String.format(Locale.ROOT, "%.15g", v);
    }
}
