package org.fganlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fganlab.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code fganlab sweep} with real train runs (issue 15): run files identical for 1 or 2 workers
 * and two shards; a SIGKILLed sweep resumes without recomputing finished runs and ends equal to
 * an uninterrupted one; untrusted run files are run again; bad grids exit 2 naming the key.
 */
class SweepCommandTest {

    static final String TARGET = "0.5*normal(-2,0.5) + 0.5*normal(2,0.5)";

    /** Six runs of a Gaussian generator, about 0.1 s each. */
    static String grid(int steps) {
        return "{\"target\": [\"" + TARGET + "\"], \"div\": [\"kl\", \"js\"], \"steps\": [" + steps + "],"
                + " \"batch\": [128], \"log-every\": [20], \"seed\": [1, 2, 3]}";
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), text);
    }

    /** Every file under runs/, name → content. */
    static Map<String, String> runFiles(Path out) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(out.resolve("runs"))) {
            for (Path p : s.toList()) {
                if (!p.getFileName().toString().startsWith(".")) {
                    m.put(p.getFileName().toString(), Files.readString(p));
                }
            }
        }
        return m;
    }

    static CliTest.Run sweep(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "sweep";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliTest.run(all);
    }

    @Test
    void runFilesAreIdenticalForOneOrTwoWorkersAndForTwoShards(@TempDir Path dir) throws IOException {
        Path g = write(dir, "grid.json", grid(60));
        CliTest.Run one = sweep("run", g.toString(), "--out", dir.resolve("w1").toString(), "--workers", "1");
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().contains("[6/6]"), "one line per finished run off a terminal: " + one.out());
        assertEquals(0, sweep("run", g.toString(), "--out", dir.resolve("w2").toString(), "--workers", "2").code());
        for (String shard : new String[] {"1/2", "2/2"}) {
            CliTest.Run r = sweep("run", g.toString(), "--out", dir.resolve("sh").toString(), "--shard", shard);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("3 runs: 0 already finished"), r.out());
        }
        Map<String, String> reference = runFiles(dir.resolve("w1"));
        assertEquals(12, reference.size(), "6 run files and 6 histories");
        assertEquals(reference, runFiles(dir.resolve("w2")));
        assertEquals(reference, runFiles(dir.resolve("sh")));

        // a run file holds the train --json document of the same options, plus the options
        JsonNode run = Json.parse(reference.values().stream().filter(t -> t.contains("\"seed\" : \"2\"")
                && t.contains("\"div\" : \"js\"")).findFirst().orElseThrow());
        CliTest.Run train = CliTest.run("train", "--target", TARGET, "--div", "js", "--steps", "60", "--batch", "128",
                "--log-every", "20", "--seed", "2", "--json");
        assertEquals(Json.parse(train.out()), run.get("result"));
        assertEquals("finished", run.get("status").asText());

        // collect: one table per cell of div; the mean of a metric is the mean of the run files' values
        CliTest.Run c = sweep("collect", dir.resolve("w1").toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("## div=kl") && c.out().contains("## div=js"), c.out());
        JsonNode summary = Json.parse(Files.readString(dir.resolve("w1/summary/summary.json")));
        double sum = 0;
        for (String t : reference.values()) {
            if (t.contains("\"div\" : \"kl\"") && t.startsWith("{")) {
                sum += Json.parse(t).get("result").get("exact").asDouble();
            }
        }
        JsonNode kl = summary.get("cells").get(0);
        assertEquals("kl", kl.get("cell").get("div").asText());
        assertEquals(sum / 3, kl.get("metrics").get("exact").get("mean").asDouble(), 1e-15);
        assertTrue(Files.size(dir.resolve("w1/summary/exact.png")) > 1000);
        assertEquals(Files.readString(dir.resolve("w1/summary/summary.csv")),
                sweepCollectCsv(dir.resolve("sh")), "the same table from the sharded sweep");
    }

    static String sweepCollectCsv(Path out) throws IOException {
        assertEquals(0, sweep("collect", out.toString()).code());
        return Files.readString(out.resolve("summary/summary.csv"));
    }

    @Test
    void untrustedRunFilesAreDetectedAndRunAgain(@TempDir Path dir) throws IOException {
        Path g = write(dir, "grid.json", grid(60));
        Path out = dir.resolve("out");
        assertEquals(0, sweep("run", g.toString(), "--out", out.toString()).code());
        Map<String, String> reference = runFiles(out);
        List<Path> jsons = new ArrayList<>();
        try (Stream<Path> s = Files.list(out.resolve("runs"))) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(jsons::add);
        }
        String a = Files.readString(jsons.get(0));
        Files.writeString(jsons.get(0), a.substring(0, a.length() / 2));                 // partial
        String b = Files.readString(jsons.get(1));
        int at = b.indexOf("\"final_estimate\" : ") + 21;                                 // a digit edited:
        char d = b.charAt(at);                                                            // still valid JSON
        Files.writeString(jsons.get(1), b.substring(0, at) + (d == '7' ? '8' : '7') + b.substring(at + 1));
        Path history = Path.of(jsons.get(2).toString().replace(".json", ".history.csv"));
        Files.writeString(history, Files.readString(history).replace("\n20,", "\n21,"));   // history edited
        CliTest.Run missing = sweep("collect", out.toString());
        assertEquals(1, missing.code(), "an incomplete sweep: " + missing.err());
        assertTrue(missing.out().contains("untrusted file: not valid JSON"), missing.out());
        assertTrue(missing.out().contains("untrusted file: checksum mismatch"), missing.out());
        assertTrue(missing.out().contains("untrusted file: history checksum mismatch"), missing.out());
        CliTest.Run again = sweep("run", g.toString(), "--out", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("6 runs: 3 already finished, 3 to run"), again.out());
        assertEquals(reference, runFiles(out));
    }

    @Test
    void aSweepKilledWithSigkillResumesWithoutRecomputingFinishedRuns(@TempDir Path dir) throws Exception {
        Path g = write(dir, "grid.json", grid(600));
        Path killed = dir.resolve("killed");
        List<String> cmd = new ArrayList<>(SweepCommand.Submit.launcher());
        cmd.addAll(List.of("sweep", "run", g.toString(), "--out", killed.toString(), "--workers", "1"));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int finished = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && finished < 2; line = in.readLine()) {
                finished += line.startsWith("[") ? 1 : 0;
            }
            p.destroyForcibly();                                   // SIGKILL on Linux
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(2, finished, "the child sweep printed two finished runs before it was killed");
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        Map<String, String> before = runFiles(killed);
        int done = (int) before.keySet().stream().filter(n -> n.endsWith(".json")).count();
        assertTrue(done >= 2 && done < 6, "killed mid-sweep, " + done + " runs finished");
        Map<String, FileTime> mtimes = new TreeMap<>();
        for (String name : before.keySet()) {
            mtimes.put(name, Files.getLastModifiedTime(killed.resolve("runs").resolve(name)));
        }
        CliTest.Run resumed = sweep("run", g.toString(), "--out", killed.toString(), "--workers", "2");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("6 runs: " + done + " already finished, " + (6 - done) + " to run"), resumed.out());
        for (Map.Entry<String, FileTime> e : mtimes.entrySet()) {
            assertEquals(e.getValue(), Files.getLastModifiedTime(killed.resolve("runs").resolve(e.getKey())),
                    e.getKey() + " was not written again");
        }
        Path whole = dir.resolve("whole");
        assertEquals(0, sweep("run", g.toString(), "--out", whole.toString(), "--workers", "2").code());
        assertEquals(runFiles(whole), runFiles(killed));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
        unknown option; {"target": ["normal(0,1)"], "div": ["kl"], "stepz": [10]}; 'stepz'
        empty list; {"target": ["normal(0,1)"], "div": ["kl"], "seed": []}; 'seed'
        not an int; {"target": ["normal(0,1)"], "div": ["kl"], "steps": [10, "ten"]}; 'steps'
        bad target spec; {"target": ["normal(0,1)", "ring(8,2)"], "div": ["kl"]}; 'target'
        unknown divergence; {"target": ["normal(0,1)"], "div": ["kl", "nope"]}; 'div'
        steps out of range; {"target": ["normal(0,1)"], "div": ["kl"], "steps": [10, 0]}; 'steps'
        unknown divergence alone; {"target": ["normal(0,1)"], "div": ["nope"]}; 'div'
        missing required option; {"div": ["kl"], "seed": [1]}; target
        output option; {"target": ["normal(0,1)"], "div": ["kl"], "out": ["x"]}; 'out'
        bad exclude; {"target": ["normal(0,1)"], "div": ["kl"], "exclude": [{"div": "js"}]}; 'exclude'
        """)
    void badGridsExit2NamingTheKeyBeforeAnyRun(String what, String json, String key, @TempDir Path dir) throws IOException {
        Path g = write(dir, "grid.json", json);
        for (String sub : new String[] {"run", "submit"}) {
            List<String> args = new ArrayList<>(List.of(sub, g.toString(), "--out", dir.resolve("out").toString()));
            if (sub.equals("submit")) {
                args.addAll(List.of("--engine", "slurm"));
            }
            CliTest.Run r = sweep(args.toArray(String[]::new));
            assertEquals(2, r.code(), what + ": " + r.err());
            String line = r.err().strip();
            assertFalse(line.contains("\n"), "one line: " + line);
            assertTrue(line.contains(key), what + ": the message must name " + key + ": " + line);
            assertFalse(Files.exists(dir.resolve("out")), "nothing written on a bad grid");
        }
    }

    @Test
    void otherBadInputIsAUsageError(@TempDir Path dir) throws IOException {
        Path g = write(dir, "grid.json", grid(10));
        String out = dir.resolve("out").toString();
        assertEquals(2, sweep("run", dir.resolve("none.json").toString(), "--out", out).code());
        assertEquals(2, sweep("run", g.toString(), "--out", out, "--workers", "0").code());
        CliTest.Run shard = sweep("run", g.toString(), "--out", out, "--shard", "3/2");
        assertEquals(2, shard.code());
        assertTrue(shard.err().contains("3/2"), shard.err());
        CliTest.Run by = sweep("run", g.toString(), "--out", out, "--shard", "1/3");
        assertEquals(0, by.code(), by.err());
        CliTest.Run collect = sweep("collect", out, "--by", "sed");
        assertEquals(2, collect.code());
        assertTrue(collect.err().contains("'sed'"), collect.err());
        assertEquals(2, sweep("submit", g.toString(), "--out", out, "--engine", "pbs").code());
        assertEquals(2, sweep("submit", g.toString(), "--out", out, "--engine", "slurm", "--tasks", "0").code());
        assertEquals(2, sweep("collect", dir.resolve("nothing").toString()).code());
    }
}
