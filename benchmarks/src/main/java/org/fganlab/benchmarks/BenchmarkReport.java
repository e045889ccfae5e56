package org.fganlab.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.fganlab.estimate.KdePlugin;
import org.fganlab.estimate.KnnKl;
import org.fganlab.estimate.Samples;
import org.fganlab.quadrature.QuadratureResult;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;
import org.fganlab.report.Tables;
import org.fganlab.theory.ExactDivergence;

/**
 * Builds {@code results/benchmarks/README.md} from one run: the JMH JSON (with the {@code -prof gc}
 * allocation figures) and the peers' JSON (NumPy/SciPy, {@code benchmarks/peers/}), side by side
 * with the ratio and the targets. Run by {@code benchmarks/run}; usable alone:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.fganlab.benchmarks.BenchmarkReport \
 *     --jmh results/benchmarks/jmh.json --peers results/benchmarks \
 *     --reference src/test/resources/reference/divergences.csv \
 *     --out results/benchmarks/README.md [--mode quick|full] [--command TEXT]
 * </pre>
 *
 * <p>Accuracy of the exact quadrature: |value − reference| where the reference is the 40-digit
 * mpmath value of the library's tests and the value is recomputed here by the code that was
 * timed (deterministic, so it is the value of every timed call). "Equal or better accuracy" means
 * our error ≤ max(the peer's error, 4 ulp of the reference): two results at the rounding level
 * count as equal. Missing peer files are reported as skipped, never as met.
 */
public final class BenchmarkReport {

    private static final String PKG = "org.fganlab.benchmarks.";
    private static final Map<String, String[]> PAIRS = new LinkedHashMap<>();

    static {
        PAIRS.put("gauss", new String[] {"normal(0,1)", "normal(1,1.5)", "N(0,1) ‖ N(1,1.5²)"});
        PAIRS.put("mixture", new String[] {"0.5*normal(-2,0.5) + 0.5*normal(2,0.5)", "normal(0,2)",
            "½N(−2,0.5²)+½N(2,0.5²) ‖ N(0,2²)"});
    }

    private final List<JsonNode> jmh = new ArrayList<>();
    private final List<Boolean> used = new ArrayList<>();
    private final Map<String, JsonNode> peers = new HashMap<>();
    private final Map<String, Double> reference = new HashMap<>();
    private int met;
    private int missed;
    private final List<String> shortfalls = new ArrayList<>();

    private BenchmarkReport() {
    }

    /**
     * Entry point; arguments in the class comment.
     *
     * @param args {@code --jmh FILE --peers DIR --reference CSV --out FILE [--mode M] [--command C]}
     * @throws IOException if an input cannot be read
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option VALUE, got " + args[i]);
            }
            a.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : new String[] {"jmh", "peers", "reference", "out"}) {
            if (!a.containsKey(required)) {
                throw new IllegalArgumentException("missing --" + required
                        + " (usage: --jmh FILE --peers DIR --reference CSV --out FILE [--mode M] [--command C])");
            }
        }
        BenchmarkReport r = new BenchmarkReport();
        r.load(Path.of(a.get("jmh")), Path.of(a.get("peers")), Path.of(a.get("reference")));
        String text = r.render(a.getOrDefault("mode", "full"), a.getOrDefault("command", "benchmarks/run"));
        AtomicFiles.writeString(Path.of(a.get("out")), text);
        System.out.println("wrote " + a.get("out") + " (" + r.met + " targets met, " + r.missed + " missed)");
    }

    private void load(Path jmhFile, Path peerDir, Path referenceCsv) throws IOException {
        for (JsonNode n : Json.parse(Files.readString(jmhFile))) {
            jmh.add(n);
            used.add(false);
        }
        for (String name : new String[] {"quadrature", "discrete", "mlp", "estimate", "torch", "gemm"}) {
            Path f = peerDir.resolve("peer-" + name + ".json");
            if (Files.exists(f)) {
                peers.put(name, Json.parse(Files.readString(f)));
            }
        }
        for (String line : Files.readAllLines(referenceCsv)) {
            List<String> cells = csvCells(line);
            if (cells.size() >= 4 && !cells.get(0).equals("p")) {
                try {
                    reference.put(cells.get(0) + "|" + cells.get(1) + "|" + cells.get(2), Double.parseDouble(cells.get(3)));
                } catch (NumberFormatException e) {
                    // "inf" rows and notes: not needed here
                }
            }
        }
    }

    private static List<String> csvCells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    /** The JMH entry of benchmark class.method with the given params (name=value pairs), or null. */
    private JsonNode find(String method, String... params) {
        outer:
        for (int i = 0; i < jmh.size(); i++) {
            JsonNode n = jmh.get(i);
            if (!n.path("benchmark").asText().equals(PKG + method)) {
                continue;
            }
            for (int k = 0; k < params.length; k += 2) {
                if (!n.path("params").path(params[k]).asText().equals(params[k + 1])) {
                    continue outer;
                }
            }
            used.set(i, true);
            return n;
        }
        return null;
    }

    /** The primary score in seconds per operation, NaN if absent. */
    private static double seconds(JsonNode n) {
        if (n == null) {
            return Double.NaN;
        }
        return n.path("primaryMetric").path("score").asDouble() * unitSeconds(n.path("primaryMetric").path("scoreUnit").asText());
    }

    private static double errorSeconds(JsonNode n) {
        return n.path("primaryMetric").path("scoreError").asDouble(Double.NaN)
                * unitSeconds(n.path("primaryMetric").path("scoreUnit").asText());
    }

    private static double unitSeconds(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e-9;
            case "us/op" -> 1e-6;
            case "ms/op" -> 1e-3;
            case "s/op" -> 1.0;
            default -> throw new IllegalArgumentException("unsupported JMH unit " + unit + " (use AverageTime)");
        };
    }

    /** gc.alloc.rate.norm in bytes per operation (JMH -prof gc), NaN if not profiled. */
    private static double allocation(JsonNode n) {
        if (n == null) {
            return Double.NaN;
        }
        var it = n.path("secondaryMetrics").fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getKey().endsWith("gc.alloc.rate.norm")) {
                return e.getValue().path("score").asDouble();
            }
        }
        return Double.NaN;
    }

    private static String time(double s) {
        if (Double.isNaN(s)) {
            return "—";
        }
        if (s >= 1e-3) {
            return fmt(s * 1e3) + " ms";
        }
        if (s >= 1e-6) {
            return fmt(s * 1e6) + " µs";
        }
        return fmt(s * 1e9) + " ns";
    }

    private static String timeWithError(JsonNode n) {
        double s = seconds(n);
        if (Double.isNaN(s)) {
            return "not run";
        }
        double e = errorSeconds(n);
        String mean = Double.isNaN(e) ? time(s) : time(s) + " ± " + fmt(100 * e / s) + "%";
        double[] range = iterationRange(n);
        return range == null ? mean : mean + " (" + time(range[0]) + "–" + time(range[1]) + ")";
    }

    /**
     * The fastest and the slowest measurement iteration in seconds per operation: JMH's own
     * scorePercentiles 0 and 100; null if absent or equal (a single iteration).
     */
    private static double[] iterationRange(JsonNode n) {
        JsonNode percentiles = n.path("primaryMetric").path("scorePercentiles");
        if (!percentiles.has("0.0") || !percentiles.has("100.0")) {
            return null;
        }
        double unit = unitSeconds(n.path("primaryMetric").path("scoreUnit").asText());
        double lo = percentiles.path("0.0").asDouble() * unit;
        double hi = percentiles.path("100.0").asDouble() * unit;
        return lo == hi ? null : new double[] {lo, hi};
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /**
     * No allocation per call: gc.alloc.rate.norm below 1 B, or JMH's own per-iteration bookkeeping
     * (a few KiB per iteration, spread over the calls of the iteration) below 16 KiB per iteration:
     * an allocation in the call itself would be at least 16 B on every call.
     */
    private static boolean allocationFree(JsonNode n) {
        double alloc = allocation(n);
        if (!(alloc >= 0)) {
            return false;
        }
        String it = n.path("measurementTime").asText().trim();
        double iterSeconds = it.endsWith(" s") ? Double.parseDouble(it.substring(0, it.length() - 2)) : 1.0;
        double callsPerIteration = iterSeconds / seconds(n);
        return alloc < 1 || alloc * callsPerIteration < 16384;
    }

    private static String bytes(double b) {
        return Double.isNaN(b) ? "not profiled" : String.format(Locale.ROOT, "%.0f B", b);
    }

    private String verdict(boolean measurable, boolean ok, String what) {
        if (!measurable) {
            shortfalls.add(what + ": not measured (benchmark or peer missing)");
            return "not measured";
        }
        if (ok) {
            met++;
            return "met";
        }
        missed++;
        shortfalls.add(what);
        return "**missed**";
    }

    private String render(String mode, String command) {
        StringBuilder sb = new StringBuilder();
        JsonNode first = jmh.isEmpty() ? null : jmh.get(0);
        sb.append("# Benchmarks\n\n");
        sb.append("Generated by `").append(command).append("` (").append(mode).append(" mode) on ")
                .append(LocalDate.now()).append(".\n\n");
        sb.append("- machine: ").append(cpuModel()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores\n");
        if (first != null) {
            sb.append("- JDK: ").append(first.path("vmName").asText()).append(' ')
                    .append(first.path("jdkVersion").asText()).append(" (").append(first.path("vmVersion").asText())
                    .append("), JMH ").append(first.path("jmhVersion").asText()).append(", ")
                    .append(first.path("forks").asInt()).append(" fork, ")
                    .append(first.path("warmupIterations").asInt()).append(" × ").append(first.path("warmupTime").asText())
                    .append(" warm-up, ").append(first.path("measurementIterations").asInt()).append(" × ")
                    .append(first.path("measurementTime").asText()).append(" measurement, `-prof gc`\n");
        }
        for (String peer : new String[] {"quadrature", "discrete", "mlp", "estimate", "torch", "gemm"}) {
            JsonNode p = peers.get(peer);
            sb.append("- peer ").append(peer).append(": ")
                    .append(p == null ? (peer.equals("torch")
                            ? "skipped (no Python with torch found, or the peer failed)"
                            : "skipped (Python with NumPy/SciPy not found or the peer failed)")
                            : p.path("peer").asText() + ", " + p.path("versions").toString().replaceAll("[{}\"]", "")
                                    .replace(",", ", ").replace(":", " "))
                    .append('\n');
        }
        sb.append("\nRaw data beside this file: `jmh.json` (JMH, `-rf json`) and `peer-*.json` (the peers,"
                + " `benchmarks/peers/`), all from this one run. Times are means over the measurement"
                + " iterations (JMH; ± is JMH's 99.9% half-width relative to the mean; in brackets the"
                + " fastest and the slowest iteration, which show how much the machine's load moved"
                + " the figure) and medians of five repeats (peers). Ratio = peer time / fgan-lab time,"
                + " and every verdict, use the means.\n");
        quadrature(sb);
        discrete(sb);
        mlp(sb);
        training(sb);
        estimators(sb);
        others(sb);
        sb.append("\n## Targets\n\n").append(met).append(" met, ").append(missed).append(" missed.");
        if (shortfalls.isEmpty()) {
            sb.append("\n");
        } else {
            sb.append(" Short of target:\n\n");
            for (String s : shortfalls) {
                sb.append("- ").append(s).append('\n');
            }
        }
        return sb.toString();
    }

    private void quadrature(StringBuilder sb) {
        sb.append("\n## Exact quadrature vs scipy.integrate.quad\n\nTarget: ≥ 20× faster than `quad` on"
                + " the same log-space integrand at equal or better accuracy (error vs 40-digit mpmath). The target"
                + " is judged against the integrand on NumPy scalars (`quad time`); the same formulas on Python"
                + " floats with the `math` module run faster in the interpreter, and their ratio is shown beside"
                + " it (`floats`).\n\n");
        Tables t = new Tables("pair", "divergence", "fgan-lab time", "fgan-lab error", "quad time", "quad error",
                "ratio", "quad time, floats", "ratio, floats", "target", "status");
        JsonNode peer = peers.get("quadrature");
        ExactDivergence exact = ExactDivergence.standard();
        for (var e : PAIRS.entrySet()) {
            String[] specs = e.getValue();
            for (String div : new String[] {"kl", "js", "tv", "pearson"}) {
                JsonNode n = find("QuadratureBenchmark.exactDivergence", "pair", e.getKey(), "divergence", div);
                Double ref = reference.get(specs[0] + "|" + specs[1] + "|" + div);
                QuadratureResult ours = exact.divergence(Divergences.byName(div), DensitySpec.parse(specs[0]),
                        DensitySpec.parse(specs[1]));
                double err = ref == null ? Double.NaN : Math.abs(ours.value() - ref);
                JsonNode pr = row(peer, "pair", e.getKey(), "divergence", div);
                double ps = pr == null ? Double.NaN : pr.path("seconds").asDouble();
                double perr = pr == null ? Double.NaN : pr.path("abs_error").asDouble();
                double pm = pr == null || !pr.has("seconds_math") ? Double.NaN : pr.path("seconds_math").asDouble();
                double ratio = ps / seconds(n);
                boolean measurable = !Double.isNaN(ratio) && !Double.isNaN(err);
                boolean accurate = err <= Math.max(perr, ref == null ? 0 : 4 * Math.ulp(ref));
                t.row(specs[2], div, timeWithError(n), sci(err), time(ps), sci(perr), ratio(ratio), time(pm),
                        ratio(pm / seconds(n)), "≥ 20×, error ≤ quad's", verdict(measurable, ratio >= 20 && accurate,
                                "exact " + div + " on " + specs[2] + ": " + fmt(ratio) + "× vs quad (target 20×)"
                                        + (accurate ? "" : ", error " + sci(err) + " > quad's " + sci(perr))));
            }
        }
        sb.append(t.markdown());
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "—" : fmt(r) + "×";
    }

    private static String sci(double v) {
        return Double.isNaN(v) ? "—" : v == 0 ? "0" : String.format(Locale.ROOT, "%.1e", v);
    }

    /** The peer result row whose fields equal the given name/value pairs, or null. */
    private static JsonNode row(JsonNode peer, String... kv) {
        if (peer == null) {
            return null;
        }
        outer:
        for (JsonNode r : peer.path("results")) {
            for (int k = 0; k < kv.length; k += 2) {
                if (!r.path(kv[k]).asText().equals(kv[k + 1])) {
                    continue outer;
                }
            }
            return r;
        }
        return null;
    }

    /** Target speed-up of the discrete kernels over NumPy/SciPy per element at n = 10⁷. */
    private static final int DISCRETE_RATIO = 5;

    private void discrete(StringBuilder sb) {
        sb.append("\n## Discrete kernels vs NumPy/SciPy\n\nTargets at n = 10⁷: KL, JS and TV each ≥ 5× faster per"
                + " element than the peer, measured in the same run; no allocation per call (`gc.alloc.rate.norm` < 1 B, or, for long calls, below 16 KiB per"
                + " measurement iteration: JMH's own bookkeeping, spread over few calls). Time per element = time per call"
                + " / n (validation of the inputs included); a flat column over n is linear growth. Peers:"
                + " `rel_entr(p,q).sum()`, `jensenshannon(p,q)**2`, `0.5*abs(p-q).sum()`.\n\n");
        Tables t = new Tables("kernel", "n", "fgan-lab per call", "per element", "read floor per element",
                "allocation per call", "NumPy/SciPy per element", "ratio", "target", "status");
        JsonNode peer = peers.get("discrete");
        String[] sizes = {"1000", "100000", "10000000"};
        double[] floor = new double[sizes.length];
        for (int k = 0; k < sizes.length; k++) {
            floor[k] = seconds(find("DiscreteBenchmark.readFloor", "n", sizes[k])) / Double.parseDouble(sizes[k]);
        }
        String[] kernels = {"kl", "js", "tv"};
        double[] large = new double[kernels.length];
        double[] largePeer = new double[kernels.length];
        for (int kk = 0; kk < kernels.length; kk++) {
            String kernel = kernels[kk];
            for (int k = 0; k < sizes.length; k++) {
                String n = sizes[k];
                JsonNode j = find("DiscreteBenchmark." + kernel, "n", n);
                double len = Double.parseDouble(n);
                double per = seconds(j) / len;
                JsonNode pr = row(peer, "kernel", kernel, "n", n);
                double pper = pr == null ? Double.NaN : pr.path("seconds").asDouble() / len;
                double alloc = allocation(j);
                String target = "zero allocation";
                boolean ok = allocationFree(j);
                boolean measurable = !Double.isNaN(alloc);
                String what = kernel + " at n = " + n + ": " + bytes(alloc) + " per call";
                if (n.equals("10000000")) {
                    large[kk] = per;
                    largePeer[kk] = pper;
                    target = "≥ " + DISCRETE_RATIO + "× the peer, zero allocation";
                    ok &= pper / per >= DISCRETE_RATIO;
                    measurable &= !Double.isNaN(per) && !Double.isNaN(pper);
                    what = kernel + " at n = 10⁷: " + time(per) + " per element, " + ratio(pper / per)
                            + " faster than the peer (target " + DISCRETE_RATIO + "×), " + bytes(alloc) + " per call";
                }
                t.row(kernel, n, timeWithError(j), time(per), time(floor[k]), bytes(alloc), time(pper),
                        ratio(pper / per), target, verdict(measurable, ok, what));
            }
        }
        sb.append(t.markdown());
        double f = floor[sizes.length - 1];
        if (!Double.isNaN(f)) {
            // 16 bytes per element: one double of p and one of q
            sb.append("\nThe read floor (`readFloor`) reads p and q once, as every kernel must, and does nothing"
                    + " else, on the same two threads. At n = 10⁷ it moves " + fmt(16e-9 / f) + " GB/s. There TV takes "
                    + ratio(large[2] / f) + " the floor and the peer's TV " + ratio(largePeer[2] / f)
                    + ", so no kernel that reads its inputs can beat the peer's TV by more than "
                    + ratio(largePeer[2] / f) + " on this machine. KL and JS take " + ratio(large[0] / f) + " and "
                    + ratio(large[1] / f) + " the floor: they are bound by arithmetic, not memory. Each element"
                    + " costs one (KL) or two (JS) divisions and table-driven logarithms on the scalar units:"
                    + " C2 in JDK 17 does not vectorise the bit reinterpretation that a logarithm's argument"
                    + " reduction needs, and the Vector API, which could, is an incubator module the project"
                    + " does not use.\n");
        }
    }

    private void mlp(StringBuilder sb) {
        sb.append("\n## MLP forward + backward vs NumPy float64\n\nCritic 1-W-W-1, tanh, linear output;"
                + " forward, then every parameter gradient and the input gradient, beside NumPy"
                + " (`peers/mlp_peer.py`, one dgemm per product; its BLAS uses both cores). No target: the"
                + " former ≥ 5× was withdrawn, since NumPy's BLAS on a quiet machine is within a small factor"
                + " of any one-core pass; the ratios are reported, not judged. fgan-lab"
                + " runs one pass on one thread (the trainer runs its real and generated batches on two).\n\n");
        Tables t = new Tables("batch", "width", "fgan-lab, 1 thread", "allocation",
                "NumPy", "ratio", "EJML (same layout)", "target", "status");
        JsonNode peer = peers.get("mlp");
        for (String batch : new String[] {"256", "2048"}) {
            for (String width : new String[] {"64", "256"}) {
                JsonNode j = find("MlpBenchmark.forwardBackward", "batch", batch, "width", width);
                JsonNode ej = find("MlpBenchmark.ejmlForwardBackward", "batch", batch, "width", width);
                JsonNode pr = row(peer, "batch", batch, "width", width);
                double ps = pr == null ? Double.NaN : pr.path("seconds").asDouble();
                double ratio = ps / seconds(j);
                t.row(batch, width, timeWithError(j), bytes(allocation(j)), time(ps),
                        ratio(ratio), timeWithError(ej), "—", "—");
            }
        }
        sb.append(t.markdown());
    }

    private void training(StringBuilder sb) {
        sb.append("\n## f-GAN training step and fit\n\nOne full f-GAN step on one thread: critic 1-64-64-1 tanh,"
                + " Gaussian generator, batches 1,024 + 1,024, two Adam updates. Target: no allocation"
                + " per step (as for the discrete kernels: < 1 B per call, or below JMH's own per-iteration"
                + " bookkeeping of a few KiB spread over the iteration's calls). One `fit`: the exact best Gaussian fit (reverse KL) of the README's target.\n\n");
        Tables t = new Tables("what", "time", "allocation per call", "target", "status");
        for (String div : new String[] {"kl", "gan"}) {
            for (String loss : new String[] {"minimax", "non-saturating"}) {
                JsonNode j = find("TrainingStepBenchmark.trainingStep", "divergence", div, "loss", loss);
                double alloc = allocation(j);
                t.row("training step, " + div + ", " + loss, timeWithError(j), bytes(alloc), "zero allocation",
                        verdict(!Double.isNaN(alloc), allocationFree(j),
                                "training step " + div + "/" + loss + ": " + bytes(alloc) + " per step"));
            }
        }
        JsonNode fit = find("FitBenchmark.fit");
        t.row("fit reverse-kl, 0.33·N(−1,0.25²)+0.67·N(2,1.415²)", timeWithError(fit), bytes(allocation(fit)), "—", "—");
        sb.append(t.markdown());
        torch(sb);
    }

    /**
     * The PyTorch peer's steps ({@code peers/torch_peer.py}, one thread) beside ours, both on one
     * thread: the f-GAN §4 step (kl, minimax) and the 2-D mode-coverage steps
     * ({@code ModeCoverageStepBenchmark}), with the multiply-accumulates per second of each
     * against the peer's one-thread matrix product, the practical peak of one core.
     */
    private void torch(StringBuilder sb) {
        JsonNode peer = peers.get("torch");
        sb.append("\nPyTorch CPU peer (`peers/torch_peer.py`, ").append(peer == null ? "skipped"
                : peer.path("threads").asInt() + " thread, torch " + peer.path("versions").path("torch").asText())
                .append("): the same work per step, both sides on one thread (our JMH forks run with a"
                        + " common fork-join pool of no workers). Target: at least as fast as PyTorch at the"
                        + " same thread count. GMAC/s counts the multiply-accumulates of the dense layers"
                        + " (forward, weight gradients and the back-propagated deltas the step needs).\n\n");
        Tables t = new Tables("step", "MACs per step", "fgan-lab (float64)", "GMAC/s", "PyTorch float32",
                "PyTorch float64", "ratio (float32)", "ratio (float64)");
        double ours = seconds(find("TrainingStepBenchmark.trainingStep", "divergence", "kl", "loss", "minimax"));
        torchRow(t, peer, "fgan4", "f-GAN §4: critic 1-64-64-1, batch 1,024 + 1,024 (kl, minimax)",
                fgan4Macs(), ours);
        for (String shape : new String[] {"64-64-2", "128-256-2", "256-512-2", "128-256-3"}) {
            String[] s = shape.split("-");
            int w = Integer.parseInt(s[0]);
            int b = Integer.parseInt(s[1]);
            int layers = Integer.parseInt(s[2]);
            String hidden = ("-" + w).repeat(layers);
            String id = "2d-" + w + "-" + b + (layers == 2 ? "" : "-" + layers);
            torchRow(t, peer, id, "2-D: G 2" + hidden + "-2, D 2" + hidden + "-1, batch " + b
                    + (layers == 3 ? " (the mode-coverage protocol)" : ""), twoDMacs(w, b, layers),
                    seconds(find("ModeCoverageStepBenchmark.trainingStep", "shape", shape)));
        }
        sb.append(t.markdown());
        JsonNode blas = peers.get("gemm");
        JsonNode n64 = row(blas, "case", "peak-gemm", "dtype", "float64");
        JsonNode n32 = row(blas, "case", "peak-gemm", "dtype", "float32");
        if (n64 != null && n32 != null) {
            sb.append(String.format(Locale.ROOT, "%nPer-core peak, measured by NumPy's BLAS (`peers/gemm_peer.py`,"
                    + " a 1,024³ matrix product on one thread): %s GMAC/s in float64, %s GMAC/s in float32. A"
                    + " float64 step can at best reach the first, a float32 step the second.",
                    fmt(gmacs(n64)), fmt(gmacs(n32))));
        } else {
            sb.append("\nPer-core peak: skipped (`peers/gemm_peer.py` needs NumPy).");
        }
        JsonNode g64 = row(peer, "case", "peak-gemm", "dtype", "float64");
        JsonNode g32 = row(peer, "case", "peak-gemm", "dtype", "float32");
        if (g64 != null && g32 != null) {
            sb.append(String.format(Locale.ROOT, " The PyTorch peer's own 1,024³ `torch.mm` on one thread reaches"
                    + " %s GMAC/s in float64 and %s GMAC/s in float32: where these are far below NumPy's, the"
                    + " PyTorch build, not the machine, limits the peer, and its ratios say little about"
                    + " PyTorch in general.", fmt(gmacs(g64)), fmt(gmacs(g32))));
        }
        sb.append('\n');
    }

    private static double gmacs(JsonNode gemm) {
        return gmacs(gemm.path("macs").asDouble(), gemm.path("seconds").asDouble());
    }

    /** Multiply-accumulates of the f-GAN §4 step: critic 1-64-64-1, batches of 1,024 (class comment). */
    static double fgan4Macs() {
        double batch = 1024;
        double perSample = 64 + 64 * 64 + 64;
        // forward on both batches, weight gradients on both, deltas on both (down to the input on
        // the generated batch, for the generator's gradient; not the input layer's on the real one)
        return batch * (2 * perSample + 2 * perSample + perSample + (perSample - 64));
    }

    /**
     * Multiply-accumulates of one 2-D step (ModeCoverageStepBenchmark): critic step = G forward,
     * critic forward and backward (weights, deltas above the input layer) on both batches;
     * generator step = G forward, critic forward and input gradient, G backward (weights,
     * deltas above the input layer).
     */
    static double twoDMacs(int w, int batch, int layers) {
        double critic = 2.0 * w + (layers - 1) * (double) w * w + w;
        double generator = 2.0 * w + (layers - 1) * (double) w * w + 2.0 * w;
        double criticStep = generator + 2 * critic + 2 * (2 * critic - 2 * w);
        double generatorStep = generator + critic + critic + (2 * generator - 2 * w);
        return batch * (criticStep + generatorStep);
    }

    private static double gmacs(double macs, double seconds) {
        return macs / seconds / 1e9;
    }

    private static void torchRow(Tables t, JsonNode peer, String id, String label, double macs, double ours) {
        JsonNode f32 = row(peer, "case", id, "dtype", "float32");
        JsonNode f64 = row(peer, "case", id, "dtype", "float64");
        double s32 = f32 == null ? Double.NaN : f32.path("seconds").asDouble();
        double s64 = f64 == null ? Double.NaN : f64.path("seconds").asDouble();
        t.row(label, String.format(Locale.ROOT, "%.1fM", macs / 1e6), time(ours), fmt(gmacs(macs, ours)),
                time(s32) + " (" + fmt(gmacs(macs, s32)) + " GMAC/s)", time(s64),
                ratio(s32 / ours), ratio(s64 / ours));
    }

    /**
     * k-NN KL (n = 10⁵, 2-D) and the 1-D KDE plug-in against SciPy on the same points
     * ({@link EstimateSamples}); the fgan-lab values are recomputed here by the code that was timed.
     */
    private void estimators(StringBuilder sb) {
        sb.append("\n## Sample estimators vs SciPy\n\nk-NN KL (k = 3, Wang–Kulkarni–Verdú) on n = 10⁵"
                + " points per sample in 2-D against two `cKDTree`s (`workers=-1`), trees built in the"
                + " call; KDE plug-in KL (Scott's bandwidth) on 2,000 1-D points against `gaussian_kde` +"
                + " `quad`. Both sides read the same points (`EstimateSamples`). Targets (k-NN): the same"
                + " value to 1e-10 and at least the peer's speed.\n\n");
        Samples[] s = EstimateSamples.pair();
        JsonNode peer = peers.get("estimate");
        Tables t = new Tables("estimator", "fgan-lab time", "fgan-lab value", "SciPy time", "SciPy value",
                "abs difference", "ratio", "target", "status");
        JsonNode knn = find("EstimateBenchmark.knnKl");
        double ours = KnnKl.estimate(s[0], s[1], KnnKl.defaultK());
        JsonNode pr = row(peer, "case", "knn_kl");
        double pv = pr == null ? Double.NaN : pr.path("value").asDouble();
        double ps = pr == null ? Double.NaN : pr.path("seconds").asDouble();
        double ratio = ps / seconds(knn);
        double diff = Math.abs(ours - pv);
        t.row("k-NN KL, n = 10⁵, d = 2", timeWithError(knn), String.format(Locale.ROOT, "%.15g", ours),
                time(ps), Double.isNaN(pv) ? "—" : String.format(Locale.ROOT, "%.15g", pv), sci(diff), ratio(ratio),
                "≥ 1×, diff ≤ 1e-10", verdict(!Double.isNaN(ratio), ratio >= 1 && diff <= 1e-10,
                        "k-NN KL: " + fmt(ratio) + "× vs cKDTree, difference " + sci(diff)));
        JsonNode kde = find("EstimateBenchmark.kdeKl");
        double oursKde = KdePlugin.estimate(EstimateBenchmark.firstCoordinates(s[0], EstimateBenchmark.KDE_N),
                EstimateBenchmark.firstCoordinates(s[1], EstimateBenchmark.KDE_N), Divergences.byName("kl")).value();
        JsonNode kr = row(peer, "case", "kde_kl");
        double kv = kr == null ? Double.NaN : kr.path("value").asDouble();
        double ks = kr == null ? Double.NaN : kr.path("seconds").asDouble();
        t.row("KDE plug-in KL, n = 2,000, d = 1", timeWithError(kde), String.format(Locale.ROOT, "%.10g", oursKde),
                time(ks), Double.isNaN(kv) ? "—" : String.format(Locale.ROOT, "%.10g", kv),
                sci(Math.abs(oursKde - kv)), ratio(ks / seconds(kde)), "—", "—");
        sb.append(t.markdown());
    }

    private void others(StringBuilder sb) {
        Tables t = new Tables("benchmark", "parameters", "time per call", "allocation per call");
        for (int i = 0; i < jmh.size(); i++) {
            if (used.get(i)) {
                continue;
            }
            JsonNode n = jmh.get(i);
            StringBuilder params = new StringBuilder();
            n.path("params").fields().forEachRemaining(e ->
                    params.append(params.length() == 0 ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().asText()));
            t.row(n.path("benchmark").asText().replace(PKG, ""), params.length() == 0 ? "—" : params.toString(),
                    timeWithError(n), bytes(allocation(n)));
        }
        if (t.size() > 0) {
            sb.append("\n## Other measurements\n\nBaselines and building blocks (`LogBenchmark`: 4,096 logs per"
                    + " call; `MlpBenchmark` tanh layers and forward only).\n\n").append(t.markdown());
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch") + " (CPU model unknown)";
    }
}
