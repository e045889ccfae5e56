package org.fganlab.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code fganlab}. */
@Command(name = "fganlab", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "A numerical laboratory for divergence theory and f-GANs: exact f-divergences",
            "between densities, the GAN identities checked by quadrature, and the lab report.",
            "",
            "Densities: normal(mu,sigma) (alias gaussian), uniform(a,b), laplace(mu,b),",
            "logistic(mu,s), student(nu,mu,sigma), and mixtures such as",
            "'0.5*normal(-2,0.5) + 0.5*normal(2,0.5)'. All values are in nats.",
        },
        subcommands = {DivergencesCommand.class, DivergenceCommand.class, ValidateCommand.class,
            FitCommand.class, TrainCommand.class, ReproduceCommand.class, EstimateCommand.class,
            SweepCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"'fganlab COMMAND --help' shows a command's options and an example."})
public final class Main implements Runnable {

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
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            int code = ExitCodes.of(ex);
            e.println("fganlab: " + (code == ExitCodes.CHECK_FAILED ? "internal error: " + ex
                    : firstLine(ex.getMessage())));
            return code;
        });
        listExitCodes(cl);
        int code = cl.execute(args);
        o.flush();
        e.flush();
        return code;
    }

    /** Every command's help ends with the exit codes, then its footer (examples) after a blank line. */
    private static void listExitCodes(CommandLine cl) {
        CommandLine.Model.UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
        usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.HELP);
        if (usage.footer().length > 0) {
            usage.footerHeading("%n");
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            listExitCodes(sub);
        }
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
