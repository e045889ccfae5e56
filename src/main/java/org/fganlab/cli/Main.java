package org.fganlab.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code fganlab}. */
@Command(name = "fganlab", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "A numerical laboratory for divergence theory and f-GANs: exact f-divergences between",
            "densities, the GAN identities checked by quadrature, and the lab report.",
            "",
            "Densities: normal(mu,sigma) (alias gaussian), uniform(a,b), laplace(mu,b),",
            "logistic(mu,s), student(nu,mu,sigma), and mixtures such as",
            "'0.5*normal(-2,0.5) + 0.5*normal(2,0.5)'. All values are in nats.",
        },
        subcommands = {DivergencesCommand.class, DivergenceCommand.class, ValidateCommand.class,
            FitCommand.class, TrainCommand.class, ReproduceCommand.class, SweepCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 a check failed, 2 bad input."})
public final class Main implements Runnable {

    /** Exit code for bad input. */
    static final int USAGE = 2;
    /** Exit code for a failed check. */
    static final int CHECK_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the CLI and exits with its code. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the CLI without exiting (for tests and embedding).
     *
     * @param args command-line arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(o);
        cl.setErr(e);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            e.println("fganlab: " + firstLine(ex.getMessage()) + " (see '"
                    + c.getCommandSpec().qualifiedName() + " --help')");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof IllegalArgumentException) {
                e.println("fganlab: " + firstLine(ex.getMessage()));
                return USAGE;
            }
            if (ex instanceof UncheckedIOException io) {
                e.println("fganlab: " + firstLine(io.getMessage()));
                return CHECK_FAILED;
            }
            e.println("fganlab: internal error: " + ex);
            return CHECK_FAILED;
        });
        int code = cl.execute(args);
        o.flush();
        e.flush();
        return code;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    /** Version from the jar manifest, or "dev". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"fganlab " + (v == null ? "0.1.0" : v)
                    + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
