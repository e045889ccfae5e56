package org.fganlab.cli;

import java.util.concurrent.Callable;
import org.fganlab.density.Density;
import org.fganlab.report.Json;
import org.fganlab.report.Tables;
import org.fganlab.theory.IdentityCheck;
import org.fganlab.theory.IdentityChecks;
import org.fganlab.theory.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fganlab validate --p SPEC --q SPEC [--json]}: every identity check on the pair. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check the GAN and f-divergence identities on a pair.",
        description = {"Checks the optimal discriminator (Prop. 1), V(G,D*) = -log 4 + 2 JSD (Thm. 1),",
            "the variational bound for every f and its tightness at T* = f'(p/q), the",
            "GAN/Jeffrey identities, JSD <= log 2, Pinsker, the Gaussian closed forms, and",
            "the generator-gradient identities when Q is normal, and every divergence's",
            "range f(1) <= D_f <= f(0) + f'(inf). Tolerances come from the error estimates",
            "(a range check's never exceeds 1e-12 of the bound). Exit 1 if any check fails,",
            "3 if a value missed its accuracy or exceeds the double range."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--p", required = true, paramLabel = "SPEC", converter = DensityConverter.class,
            description = "Density of P (data).")
    Density p;

    @Option(names = "--q", required = true, paramLabel = "SPEC", converter = DensityConverter.class,
            description = "Density of Q (model / generator).")
    Density q;

    @Option(names = "--json", description = "Print JSON (format in docs/architecture.md).")
    boolean json;

    @Override
    public Integer call() {
        Validation v = new IdentityChecks().run(p, q);
        var out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.toText(JsonDocuments.validation(v)));
        } else {
            out.println("P = " + v.p());
            out.println("Q = " + v.q());
            Tables t = new Tables("check", "lhs", "rel", "rhs", "|lhs-rhs|", "tolerance", "ok");
            for (IdentityCheck c : v.checks()) {
                t.row(c.name(), DivergenceCommand.exactNumber(c.lhs()), c.relation(),
                        DivergenceCommand.exactNumber(c.rhs()), c.absError(), c.tolerance(),
                        c.passed() ? "yes" : "NO");
            }
            out.print(t.text());
            for (String s : v.skipped()) {
                out.println("skipped " + s);
            }
            for (String s : v.unverified()) {
                out.println("unverified " + s);
            }
            long failed = v.checks().stream().filter(c -> !c.passed()).count();
            if (failed > 0) {
                out.println(failed + " of " + v.checks().size() + " checks FAILED");
            } else if (!v.verified()) {
                out.println("no check failed, but " + v.unverified().size() + " values missed"
                        + " their accuracy or exceed the double range: the pair is not verified"
                        + " (exit code " + ExitCodes.ACCURACY_NOT_REACHED + ")");
            } else {
                out.println("all " + v.checks().size() + " checks passed");
            }
        }
        if (!v.passed()) {
            return ExitCodes.CHECK_FAILED;
        }
        return v.verified() ? ExitCodes.OK : ExitCodes.ACCURACY_NOT_REACHED;
    }
}
