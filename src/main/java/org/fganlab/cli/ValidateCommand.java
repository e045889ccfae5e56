package org.fganlab.cli;

import java.util.concurrent.Callable;
import org.fganlab.density.Density;
import org.fganlab.report.Json;
import org.fganlab.report.JsonDocuments;
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
        description = {"Check every identity on a pair: the optimal discriminator (Prop. 1),",
            "V(G,D*) = -log 4 + 2 JSD (Thm. 1), the variational bound for every f and its",
            "tightness at T* = f'(p/q), GAN/Jeffrey identities, JSD <= log 2, Pinsker, Gaussian",
            "closed forms, and the generator-gradient identities when Q is normal.",
            "Tolerances come from the quadrature error estimates. Exit 1 if any check fails."})
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
            long failed = v.checks().stream().filter(c -> !c.passed()).count();
            out.println(failed == 0 ? "all " + v.checks().size() + " checks passed"
                    : failed + " of " + v.checks().size() + " checks FAILED");
        }
        return v.passed() ? 0 : Main.CHECK_FAILED;
    }
}
