package org.fganlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import org.fganlab.gan.Trainer;
import org.fganlab.gan.TrainingResult;
import org.fganlab.sweep.GridException;
import org.fganlab.sweep.Runner;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A sweep's run is a {@code train} run: a grid's options are parsed by {@link TrainCommand}'s own
 * picocli model (so every option {@code train} gains is sweepable, with the same converters,
 * defaults and checks), and a run returns the document {@code train --json} prints.
 */
final class TrainRuns implements Runner {

    /** Options of train that a sweep sets itself (output) or that are not runs. */
    private static final Set<String> NOT_SWEEPABLE = Set.of("out", "json", "help", "version");

    /** Numeric fields of the train document that echo its configuration, not results. */
    private static final Set<String> CONFIGURATION = Set.of("steps", "batch_size", "seed", "learning_rate");

    @Override
    public Set<String> optionNames() {
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : new CommandLine(new TrainCommand()).getCommandSpec().options()) {
            String name = key(o);
            if (o.longestName().startsWith("--") && !NOT_SWEEPABLE.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    @Override
    public void check(SortedMap<String, String> options) {
        parse(options).config();
    }

    @Override
    public Output run(SortedMap<String, String> options) {
        TrainingResult r = new Trainer(parse(options).config(), false).run(null);   // single-threaded workers
        return new Output(TrainCommand.document(r), TrainingReport.historyCsv(r.history()));
    }

    @Override
    public Set<String> configurationFields() {
        return CONFIGURATION;
    }

    /**
     * A train command with these options set as on the command line.
     *
     * @throws GridException naming the option whose value picocli refuses, or the missing
     *     required options
     */
    private static TrainCommand parse(SortedMap<String, String> options) {
        TrainCommand cmd = new TrainCommand();
        CommandLine cl = new CommandLine(cmd);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        List<String> args = new ArrayList<>();
        options.forEach((k, v) -> {
            OptionSpec o = cl.getCommandSpec().findOption("--" + k);
            if (o != null && o.arity().max() == 0) {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    throw new GridException(k, "grid key '" + k + "': value '" + v + "' must be true or false");
                }
                if (v.equalsIgnoreCase("true")) {
                    args.add("--" + k);
                }
            } else {
                args.add("--" + k + "=" + v);
            }
        });
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.MissingParameterException e) {
            List<String> missing = e.getMissing().stream()
                    .map(a -> a instanceof OptionSpec o ? key(o) : a.paramLabel()).toList();
            throw new GridException(missing.get(0), "grid: missing required option(s) " + String.join(", ", missing)
                    + ": add them as keys, e.g. \"" + missing.get(0) + "\": [...]");
        } catch (CommandLine.ParameterException e) {
            String key = e.getArgSpec() instanceof OptionSpec o ? key(o) : null;
            String message = e.getMessage().lines().findFirst().orElse("");
            throw new GridException(key, key == null ? "grid: " + message : "grid key '" + key + "': " + message);
        }
        return cmd;
    }

    private static String key(OptionSpec o) {
        return o.longestName().replaceFirst("^-+", "");
    }
}
