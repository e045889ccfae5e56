package org.fganlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fganlab.report.BuildInfo;
import org.fganlab.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12, item 7: a bad --out is refused before any work (exit 2, one line, nothing written); a
 * run replaces its folder in one step; the commit recorded is the build's; an I/O failure found
 * late is exit 4.
 */
class OutputSafetyTest {

    private static final String TARGET = "0.33*normal(-1,0.25) + 0.67*normal(2,1.415)";

    /** Every file under root (relative path to bytes as text), hidden ones included. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(),
                        new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    /** Every entry under root, folders included. */
    private static List<String> entries(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    /**
     * A folder in which no entry can be made: a read-only folder for an ordinary user; for root,
     * who may write anyway, /proc (Linux), where no folder can be created.
     */
    private static Path readOnlyFolder(Path tmp) throws IOException {
        Path ro = tmp.resolve("read-only");
        Files.createDirectory(ro);
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Files.delete(Files.createDirectory(ro.resolve("probe")));
            return Path.of("/proc"); // the permission bits did not stop us: we are root
        } catch (IOException expected) {
            return ro;
        }
    }

    /** The bad --out values: a file, the empty string, a path below a file, a read-only place. */
    private static List<String[]> badOuts(Path tmp) throws IOException {
        Path file = tmp.resolve("a-file.txt");
        Files.writeString(file, "not a folder");
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {file.toString(), "is a file"});
        cases.add(new String[] {"", "empty path"});
        cases.add(new String[] {file.resolve("sub/run").toString(), "it is a file"});
        cases.add(new String[] {readOnlyFolder(tmp).resolve("new-run").toString(), "not writable"});
        return cases;
    }

    private static void assertRefused(CliTest.Run r, String value, String reason) {
        assertEquals(2, r.code(), r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line only (no progress, no stack trace): " + err);
        assertTrue(err.startsWith("fganlab: --out '" + value + "': "), err);
        assertTrue(err.contains(reason), "reason '" + reason + "' missing: " + err);
        assertEquals("", r.out());
    }

    /**
     * Two billion training steps would run for days: the test returning at all shows the check
     * comes before the computation (the timeout only stops a broken build from hanging).
     */
    @Test
    @Timeout(120)
    void trainRefusesABadOutBeforeTraining(@TempDir Path tmp) throws IOException {
        Map<String, String> before = tree(tmp);
        for (String[] c : badOuts(tmp)) {
            before = tree(tmp);
            CliTest.Run r = CliTest.run("train", "--target", TARGET, "--div", "kl",
                    "--steps", "2000000000", "--out", c[0]);
            assertRefused(r, c[0], c[1]);
            assertEquals(before, tree(tmp), "nothing written for --out '" + c[0] + "'");
        }
    }

    /** Not one experiment starts (no progress line on stderr) and nothing is written. */
    @Test
    @Timeout(120)
    void reproduceRefusesABadOutBeforeAnyExperiment(@TempDir Path tmp) throws IOException {
        for (String[] c : badOuts(tmp)) {
            List<String> before = entries(tmp);
            CliTest.Run r = CliTest.run("reproduce", "--out", c[0]);
            assertRefused(r, c[0], c[1]);
            assertEquals(before, entries(tmp), "nothing written for --out '" + c[0] + "'");
        }
        // an experiment's folder that is a file is bad input too
        Path out = tmp.resolve("results");
        Files.createDirectories(out);
        Files.writeString(out.resolve("gan-theorem"), "a file where a folder goes");
        CliTest.Run r = CliTest.run("reproduce", "gan-theorem", "--out", out.toString());
        assertRefused(r, out.toString(), "gan-theorem");
        // and so is a folder of that name that no earlier run wrote (it would be replaced)
        Files.delete(out.resolve("gan-theorem"));
        Files.createDirectories(out.resolve("gan-theorem"));
        Files.writeString(out.resolve("gan-theorem/mine.txt"), "not a result");
        r = CliTest.run("reproduce", "gan-theorem", "--out", out.toString());
        assertRefused(r, out.toString(), "has no summary.json");
        assertEquals("not a result", Files.readString(out.resolve("gan-theorem/mine.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", " "})
    void rootAndBlankAreRefused(String value) {
        CliTest.Run r = CliTest.run("train", "--target", TARGET, "--div", "kl", "--out", value);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("fganlab: --out '" + value + "': "), r.err());
    }

    @Test
    void trainReplacesAPreviousFullFolderWithNothingOfTheOldRunLeft(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        for (String f : TrainCommand.OUT_FILES) {
            Files.writeString(dir.resolve(f), "from the previous run");
        }
        Files.writeString(dir.resolve(".history.csv5120399.tmp"), "left by a killed write");
        Files.createDirectories(tmp.resolve(".run.staging-999999999999-k"));
        CliTest.Run r = CliTest.run("train", "--target", TARGET, "--div", "kl", "--steps", "40",
                "--batch", "64", "--log-every", "20", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("", "history.csv", "summary.json", "training.png"), entries(dir));
        for (String f : new String[] {"summary.json", "history.csv", "training.png"}) {
            assertFalse(Files.readString(dir.resolve(f), StandardCharsets.ISO_8859_1).contains("previous run"), f);
        }
        assertEquals(3, Json.parse(Files.readString(dir.resolve("summary.json"))).get("history").size());
        assertEquals(List.of("", "run", "run/history.csv", "run/summary.json", "run/training.png"), entries(tmp),
                "no staging folder or temporary file beside or inside the result");
    }

    /** train replaces its --out folder as a whole: a folder with anything else in it is refused. */
    @Test
    void trainRefusesToReplaceAFolderHoldingOtherFiles(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("project");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("summary.json"), "an earlier train result");
        Files.writeString(dir.resolve("notes.txt"), "the user's notes");
        Map<String, String> before = tree(tmp);
        CliTest.Run r = CliTest.run("train", "--target", TARGET, "--div", "kl", "--steps", "40",
                "--out", dir.toString());
        assertRefused(r, dir.toString(), "holds 'notes.txt'");
        assertEquals(before, tree(tmp));
        Files.delete(dir.resolve("notes.txt"));
        assertRefused(CliTest.run("train", "--target", TARGET, "--div", "kl", "--out", dir.toString()),
                dir.toString(), "holds 'src'");
    }

    /** The run metadata names the commit embedded in the build, which is the checkout's HEAD. */
    @Test
    void recordedCommitIsTheBuildsEmbeddedOne(@TempDir Path out) throws IOException, InterruptedException {
        CliTest.Run r = CliTest.run("reproduce", "gan-theorem", "--quick", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode run = Json.parse(Files.readString(out.resolve("gan-theorem/summary.json"))).get("run");
        assertEquals(BuildInfo.commit(), run.get("git_commit").asText());
        assertTrue(Files.readString(out.resolve("gan-theorem/README.md")).contains("commit " + BuildInfo.commit() + ","));
        // Maven filters the commit in at every build, so it is the HEAD these tests were built at
        String head = gitHead();
        assertEquals(head == null ? BuildInfo.UNKNOWN : head.substring(0, 7), BuildInfo.commit());
    }

    /** HEAD of the checkout holding the working directory, or null outside one (or without git). */
    private static String gitHead() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && s.matches("[0-9a-f]{40}") ? s : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * A target that passes the check but cannot be written at the end (here REPORT.md is a
     * folder, as a full disk or a revoked permission would fail a write): exit 4, one line.
     */
    @Test
    void anIoFailureFoundLateIsExitFour(@TempDir Path out) throws IOException {
        Files.createDirectories(out.resolve("REPORT.md/inside"));
        CliTest.Run r = CliTest.run("reproduce", "gan-theorem", "--quick", "--out", out.toString());
        assertEquals(4, r.code(), r.err());
        String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("fganlab: cannot write ") && last.contains("REPORT.md"), r.err());
        try (Stream<Path> s = Files.walk(out)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".gan-theorem.")
                    || p.getFileName().toString().endsWith(".tmp")), "staging or temporary files left");
        }
    }

    @Test
    void exceptionsMapToTheirExitCodes() {
        assertEquals(4, ExitCodes.of(new UncheckedIOException(new IOException("disk full"))));
        assertEquals(4, ExitCodes.of(new IllegalStateException(new IOException("disk full"))));
        assertEquals(2, ExitCodes.of(new IllegalArgumentException("bad")));
        assertEquals(1, ExitCodes.of(new ArithmeticException("bug")));
    }
}
