package org.fganlab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.fganlab.density.Density;
import org.fganlab.divergence.KullbackLeibler;
import org.fganlab.estimate.Estimate;
import org.fganlab.estimate.Estimation;
import org.fganlab.estimate.Estimator;
import org.fganlab.estimate.KnnKl;
import org.fganlab.estimate.NetworkSettings;
import org.fganlab.estimate.SampleCsv;
import org.fganlab.estimate.Samples;
import org.fganlab.report.Json;
import org.fganlab.report.Tables;
import org.fganlab.theory.DivergenceValues;
import org.fganlab.theory.ExactDivergence;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fganlab estimate --p-samples FILE --q-samples FILE ...} and
 * {@code fganlab estimate --p SPEC --q SPEC --n N ...}.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        header = "Estimate divergences from samples, with bootstrap intervals.",
        description = {"k-NN KL (any dimension), a classifier's density ratio and the",
            "f-GAN critic's lower bound (any dimension), the KDE plug-in and the",
            "empirical W1 (1-D), each with a seeded 95%% bootstrap interval. Samples are",
            "CSV files, one sample per row, d numeric columns, optional header, '-' for",
            "stdin; or --p/--q/--n draw N samples from each density and print the exact",
            "values beside the estimates."},
        footer = {"Examples:",
            "  fganlab estimate --p-samples p.csv --q-samples q.csv --div kl,js \\",
            "                   --estimator knn",
            "  fganlab estimate --p 'normal(0,1)' --q 'normal(1,1.5)' --n 2000 \\",
            "                   --div kl,js,w1"})
final class EstimateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @ArgGroup(exclusive = false)
        SampleFiles files;

        @ArgGroup(exclusive = false)
        Densities densities;
    }

    static final class SampleFiles {
        @Option(names = "--p-samples", required = true, paramLabel = "FILE",
                description = "CSV samples of P ('-' for stdin).")
        String p;

        @Option(names = "--q-samples", required = true, paramLabel = "FILE",
                description = "CSV samples of Q ('-' for stdin), same number of columns.")
        String q;
    }

    static final class Densities {
        @Option(names = "--p", required = true, paramLabel = "SPEC", converter = DensityConverter.class,
                description = "Density of P, e.g. 'normal(0,1)'.")
        Density p;

        @Option(names = "--q", required = true, paramLabel = "SPEC", converter = DensityConverter.class,
                description = "Density of Q.")
        Density q;

        @Option(names = "--n", required = true, paramLabel = "N",
                description = "Samples drawn from each density, in [4, 10000000].")
        int n;
    }

    @Option(names = "--div", paramLabel = "LIST", defaultValue = "kl,js,tv,pearson,w1",
            description = "Comma-separated divergences, w1 included, or all (default: ${DEFAULT-VALUE}).")
    String div;

    @Option(names = "--estimator", paramLabel = "NAME", defaultValue = "all",
            description = "knn, classifier, critic, kde, a comma list of them, or all (default: ${DEFAULT-VALUE}).")
    String estimator;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "200",
            description = "Bootstrap resamples per interval, in [0, 100000]; 0 gives normal intervals (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--k", paramLabel = "K", defaultValue = "0",
            description = "k-NN rank k >= 1; 0 = the default rule, k = 3 (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    private static final int MAX_N = 10_000_000;

    @Override
    public Integer call() {
        // Validate every option and read every input before computing anything.
        DivergenceSelection sel = DivergenceSelection.parse(div);
        Set<Estimator> estimators = parseEstimators(estimator);
        if (bootstrap < 0 || bootstrap > 100_000) {
            throw new IllegalArgumentException("--bootstrap must be in [0, 100000], got " + bootstrap);
        }
        if (k < 0) {
            throw new IllegalArgumentException("--k must be >= 1 (or 0 for the default rule), got " + k);
        }
        Samples p;
        Samples q;
        String pName;
        String qName;
        if (source.files != null) {
            pName = source.files.p;
            qName = source.files.q;
            if ("-".equals(pName) && "-".equals(qName)) {
                throw new IllegalArgumentException("--p-samples and --q-samples cannot both be '-' (stdin)");
            }
            p = read(pName);
            q = read(qName);
            SampleCsv.checkSameDimension(p, pName, q, qName);
        } else {
            if (source.densities.n < 4 || source.densities.n > MAX_N) {
                throw new IllegalArgumentException("--n must be in [4, " + MAX_N + "], got " + source.densities.n);
            }
            pName = source.densities.p.spec();
            qName = source.densities.q.spec();
            p = Samples.draw(source.densities.p, source.densities.n, seed, 0);
            q = Samples.draw(source.densities.q, source.densities.n, seed, 1);
        }
        checkSizes(p, pName, q, qName, sel, estimators);
        Estimation.Request request = new Estimation.Request(sel.discrepancies(),
                estimators, bootstrap, seed, k, NetworkSettings.DEFAULT);
        List<Estimate> results = Estimation.run(p, q, request);
        Map<String, Double> exact = source.densities == null ? null : exact(sel, source.densities);

        var out = spec.commandLine().getOut();
        // a KDE plug-in whose quadrature missed its goal: the results say which, the exit code too
        int exit = results.stream().allMatch(e -> Estimate.OK.equals(e.status()))
                ? ExitCodes.OK : ExitCodes.ACCURACY_NOT_REACHED;
        if (json) {
            out.print(Json.toText(document(p, q, results, exact)));
            return exit;
        }
        out.printf(Locale.ROOT, "P: %s (n = %d), Q: %s (n = %d), dimension %d%n", pName, p.size(),
                qName, q.size(), p.dimension());
        Tables t = exact == null
                ? new Tables("divergence", "estimator", "estimate", "95% interval", "lower bound", "time (s)")
                : new Tables("divergence", "estimator", "estimate", "95% interval", "lower bound",
                        "exact", "error", "time (s)");
        for (Estimate e : results) {
            String ci = "[" + Tables.number(e.ciLow()) + ", " + Tables.number(e.ciHigh()) + "]";
            if (exact == null) {
                t.row(e.divergence(), e.estimator(), e.value(), ci, e.lowerBound() ? "yes" : "no", e.seconds());
            } else {
                double x = exact.get(e.divergence());
                t.row(e.divergence(), e.estimator(), e.value(), ci, e.lowerBound() ? "yes" : "no", x,
                        Double.isInfinite(x) ? "-" : Tables.number(e.value() - x), e.seconds());
            }
        }
        out.print(t.text());
        for (Estimate e : results) {
            if (!Estimate.OK.equals(e.status())) {
                out.println(e.divergence() + " by " + e.estimator() + ": " + e.status()
                        + " (its quadrature error is added to the interval)");
            }
        }
        out.println("Values in nats (w1 in units of x). Intervals: "
                + (bootstrap > 0 ? "seeded percentile bootstrap, B = " + bootstrap
                        + " (k-NN: delete-half jackknife widened by its extrapolated finite-n bias)"
                        : "normal, value +- 1.96 SE")
                + "; the classifier's from its 5 cross-fitted folds (t, 4 degrees of freedom); the"
                + " critic's is a one-sided 95% lower limit (upper end +inf), its estimate a lower"
                + " bound on the divergence.");
        return exit;
    }

    private static Set<Estimator> parseEstimators(String list) {
        if (list.trim().equalsIgnoreCase("all")) {
            return EnumSet.allOf(Estimator.class);
        }
        Set<Estimator> set = EnumSet.noneOf(Estimator.class);
        for (String s : list.split(",")) {
            set.add(Estimator.byLabel(s));
        }
        return set;
    }

    private static Samples read(String name) {
        try {
            if ("-".equals(name)) {
                Reader r = new InputStreamReader(System.in, StandardCharsets.UTF_8);
                return SampleCsv.read(r, name);
            }
            try (Reader r = Files.newBufferedReader(Path.of(name), StandardCharsets.UTF_8)) {
                return SampleCsv.read(r, name);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(name + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(name + ": not UTF-8 text (expected CSV)");
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": cannot read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(name + ": cannot read: " + e.getCause().getMessage());
        }
    }

    /** The size checks of every estimator that will run, with file and line. */
    private void checkSizes(Samples p, String pName, Samples q, String qName,
            DivergenceSelection sel, Set<Estimator> estimators) {
        boolean kl = sel.divergences().stream().anyMatch(f -> f instanceof KullbackLeibler);
        if (estimators.contains(Estimator.KNN) && kl) {
            int kk = k > 0 ? k : KnnKl.defaultK();
            SampleCsv.checkSize(p, pName, kk + 1, "k-NN KL with k = " + kk);
            SampleCsv.checkSize(q, qName, kk, "k-NN KL with k = " + kk);
        }
        if ((estimators.contains(Estimator.CLASSIFIER) || estimators.contains(Estimator.CRITIC))
                && !sel.divergences().isEmpty()) {
            SampleCsv.checkSize(p, pName, 4, "training on one half and evaluating on the other");
            SampleCsv.checkSize(q, qName, 4, "training on one half and evaluating on the other");
        }
        if (estimators.contains(Estimator.KDE) && p.dimension() == 1 && !sel.divergences().isEmpty()) {
            checkSpread(p, pName);
            checkSpread(q, qName);
        }
    }

    private static void checkSpread(Samples s, String name) {
        SampleCsv.checkSize(s, name, 2, "a kernel density estimate");
        double first = s.get(0, 0);
        for (int i = 1; i < s.size(); i++) {
            if (s.get(i, 0) != first) {
                return;
            }
        }
        throw new IllegalArgumentException(("-".equals(name) ? "<stdin>" : name) + ":" + s.size()
                + ":1: every sample equals " + first + "; a kernel density estimate needs 2"
                + " distinct values");
    }

    private static Map<String, Double> exact(DivergenceSelection sel, Densities d) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (DivergenceValues.Entry e : DivergenceValues.compute(ExactDivergence.standard(), d.p, d.q,
                sel.discrepancies())) {
            map.put(e.name(), e.result().value());
        }
        return map;
    }

    private static ObjectNode document(Samples p, Samples q, List<Estimate> results,
            Map<String, Double> exact) {
        ObjectNode doc = Json.object();
        doc.put("n_p", p.size()).put("n_q", q.size()).put("dimension", p.dimension());
        ArrayNode arr = doc.putArray("results");
        for (Estimate e : results) {
            ObjectNode o = arr.addObject().put("divergence", e.divergence()).put("estimator", e.estimator());
            Json.put(o, "value", e.value());
            Json.put(o, "ci_low", e.ciLow());
            Json.put(o, "ci_high", e.ciHigh());
            o.put("lower_bound", e.lowerBound());
            o.put("status", e.status());
            Json.put(o, "seconds", e.seconds());
        }
        if (exact != null) {
            ObjectNode x = doc.putObject("exact");
            exact.forEach((name, v) -> Json.put(x, name, v));
        }
        return doc;
    }
}
