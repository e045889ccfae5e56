package org.fganlab.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.fganlab.experiment.ModeCoverageExperiment.Case;
import org.fganlab.experiment.ModeCoverageExperiment.Player;
import org.fganlab.experiment.ModeCoverageExperiment.Run;
import org.fganlab.gan.CoveragePoint;
import org.fganlab.gan.ModeCoverage;
import org.fganlab.report.Json;
import org.fganlab.report.Tables;
import org.fganlab.sweep.Grid;
import org.fganlab.sweep.RunFiles;
import org.fganlab.sweep.RunSpec;
import org.fganlab.sweep.Runner;
import org.fganlab.sweep.Shard;
import org.fganlab.sweep.SweepRunner;

/**
 * The full mode-coverage protocol as a sweep: every (target, objective, seed) run of
 * {@link ModeCoverageExperiment} is one run of a {@link SweepRunner} grid, so the full protocol
 * runs on single-threaded workers on all cores and resumes where it stopped when killed (finished
 * runs are kept as run files in the sweep folder and never recomputed).
 *
 * <p>Grid options: {@code target} (a {@link ModeCoverageExperiment#CASES} label), {@code objective}
 * (a {@link ModeCoverageExperiment#PLAYERS} label), {@code seed} (the run's seed) and {@code steps}.
 * A run's document holds its mode-coverage metrics, its steps-versus-quality curve, its failure
 * message if it diverged (a result, not an error) and, for the first seed only (the one the
 * scatter plots show), its scored samples; its history CSV is the curve. The numbers read back
 * from the run files are the trained ones bit for bit (doubles are written in round-trip form).
 */
final class ModeCoverageRuns implements Runner {

    private final long firstSeed;

    /** @param firstSeed the seed of the first replicate: its runs keep their samples */
    ModeCoverageRuns(long firstSeed) {
        this.firstSeed = firstSeed;
    }

    @Override
    public Set<String> optionNames() {
        return Set.of("target", "objective", "seed", "steps");
    }

    @Override
    public Set<String> configurationFields() {
        return Set.of("seed", "steps");
    }

    @Override
    public void check(SortedMap<String, String> options) {
        target(options);
        player(options);
        Long.parseLong(options.get("seed"));
        if (Integer.parseInt(options.get("steps")) < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + options.get("steps"));
        }
    }

    @Override
    public Output run(SortedMap<String, String> options) {
        long seed = Long.parseLong(options.get("seed"));
        int steps = Integer.parseInt(options.get("steps"));
        Run run = ModeCoverageExperiment.train(target(options), player(options), seed, steps);
        ObjectNode doc = Json.object();
        doc.put("seed", seed);
        doc.put("steps", steps);
        if (!run.ok()) {
            doc.put("failure", run.failure());
        } else {
            doc.set("metrics", metrics(run.metrics()));
            if (seed == firstSeed) {
                ArrayNode xy = doc.putArray("samples");
                for (double v : run.samples()) {
                    xy.add(v);
                }
            }
        }
        ArrayNode curve = doc.putArray("curve");
        Tables csv = new Tables("step", "modes_covered", "covered_20", "high_quality_percent", "kl_from_uniform");
        for (CoveragePoint p : run.curve()) {
            ObjectNode o = metrics(p.coverage());
            o.put("step", p.step());
            curve.add(o);
            ModeCoverage.Result r = p.coverage();
            csv.row(p.step(), r.modesCovered(1), r.modesCovered(ModeCoverage.MIN_SAMPLES_PER_MODE),
                    Tables.exact(ModeCoverageExperiment.hqPercent(r)), Tables.exact(r.klFromUniform()));
        }
        return new Output(doc, csv.csv());
    }

    /**
     * Runs the grid of the given cases, players and seeds into the sweep folder on all cores,
     * skipping runs already finished there, and returns the runs in (case, player, seed) order.
     *
     * @param dir the sweep folder (kept between invocations)
     * @param seeds the seeds of each cell, the first being the one whose samples are kept
     * @param steps generator steps per run
     * @param progress receives a line per finished run
     * @throws IllegalStateException if a run file cannot be read back as finished
     */
    static List<Run> sweep(Path dir, List<Case> cases, List<Player> players, long[] seeds, int steps,
            Consumer<String> progress) {
        ObjectNode grid = Json.object();
        ArrayNode targets = grid.putArray("target");
        cases.forEach(c -> targets.add(c.label()));
        ArrayNode objectives = grid.putArray("objective");
        players.forEach(p -> objectives.add(p.label()));
        ArrayNode seedList = grid.putArray("seed");
        Arrays.stream(seeds).forEach(seedList::add);
        grid.putArray("steps").add(steps);
        ModeCoverageRuns runner = new ModeCoverageRuns(seeds[0]);
        SweepRunner.run(Grid.parse(Json.toText(grid)), runner, dir, Shard.ALL, Runtime.getRuntime().availableProcessors(),
                new SweepRunner.Listener() {
                    private long t0;

                    @Override
                    public void planned(int total, int skipped, int toRun) {
                        t0 = System.nanoTime();
                        progress.accept(String.format(Locale.ROOT, "sweep %s: %d runs, %d already finished, %d to run",
                                dir, total, skipped, toRun));
                    }

                    @Override
                    public void finished(RunFiles.Entry entry, int done, int toRun, double seconds) {
                        double elapsed = (System.nanoTime() - t0) * 1e-9;
                        progress.accept(String.format(Locale.ROOT, "%d/%d runs (%s) in %.0f s; about %.0f min left",
                                done, toRun, entry.spec().describe(), seconds, elapsed / done * (toRun - done) / 60));
                    }
                });
        List<Run> runs = new ArrayList<>();
        for (Case c : cases) {
            for (Player p : players) {
                for (long seed : seeds) {
                    SortedMap<String, String> options = new TreeMap<>();
                    options.put("target", c.label());
                    options.put("objective", p.label());
                    options.put("seed", Long.toString(seed));
                    options.put("steps", Integer.toString(steps));
                    RunFiles.Entry e = RunFiles.read(dir, RunSpec.of(options));
                    if (e.state() != RunFiles.State.FINISHED) {
                        throw new IllegalStateException("mode-coverage sweep: run " + e.spec().describe()
                                + " is " + e.state() + (e.error() == null ? "" : " (" + e.error() + ")"));
                    }
                    runs.add(read(c, p, seed, e.result()));
                }
            }
        }
        return runs;
    }

    /** A run back from its document. */
    static Run read(Case c, Player p, long seed, JsonNode doc) {
        List<CoveragePoint> curve = new ArrayList<>();
        for (JsonNode o : doc.path("curve")) {
            curve.add(new CoveragePoint(o.path("step").asInt(), metrics(c, o)));
        }
        if (doc.has("failure")) {
            return new Run(c, p, seed, null, null, curve, doc.path("failure").asText());
        }
        double[] samples = null;
        if (doc.has("samples")) {
            JsonNode xy = doc.path("samples");
            samples = new double[xy.size()];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = xy.get(i).asDouble();
            }
        }
        return new Run(c, p, seed, metrics(c, doc.path("metrics")), samples, curve, null);
    }

    private static ObjectNode metrics(ModeCoverage.Result r) {
        ObjectNode o = Json.object();
        o.put("sample_count", r.sampleCount());
        ArrayNode counts = o.putArray("counts");
        for (int k : r.counts()) {
            counts.add(k);
        }
        o.put("modes_covered_20", r.modesCovered());
        Json.put(o, "high_quality_fraction", r.highQualityFraction());
        Json.put(o, "kl_from_uniform", r.klFromUniform());
        return o;
    }

    private static ModeCoverage.Result metrics(Case c, JsonNode o) {
        JsonNode counts = o.path("counts");
        int[] k = new int[counts.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = counts.get(i).intValue();
        }
        return new ModeCoverage.Result(c.mixture().modeCount(), o.path("sample_count").asInt(), k,
                o.path("modes_covered_20").asInt(), o.path("high_quality_fraction").asDouble(),
                o.path("kl_from_uniform").asDouble());
    }

    private static Case target(SortedMap<String, String> options) {
        String v = options.get("target");
        return ModeCoverageExperiment.CASES.stream().filter(c -> c.label().equals(v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("target must be one of "
                        + ModeCoverageExperiment.CASES.stream().map(Case::label).toList() + ", got '" + v + "'"));
    }

    private static Player player(SortedMap<String, String> options) {
        String v = options.get("objective");
        return ModeCoverageExperiment.PLAYERS.stream().filter(p -> p.label().equals(v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("objective must be one of "
                        + ModeCoverageExperiment.PLAYERS.stream().map(Player::label).toList() + ", got '" + v + "'"));
    }
}
