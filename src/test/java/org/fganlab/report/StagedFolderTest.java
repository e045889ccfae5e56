package org.fganlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staged folders and atomic files: a folder never mixes two runs and nothing temporary outlives a run. */
class StagedFolderTest {

    /** A process id no process can have (far above any kernel's pid_max). */
    private static final String ENDED_PID = "999999999999";

    /** Every regular file under root, relative path to content. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(), Files.readString(f));
            }
        }
        return out;
    }

    /** Names in folder that start with a dot (staging folders, set-aside results, temporary files). */
    private static long hiddenEntries(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).count();
        }
    }

    private static void previousRun(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("summary.json"), "old summary");
        Files.writeString(dir.resolve("README.md"), "old readme");
        Files.writeString(dir.resolve("sub/old.csv"), "old data");
        // a temporary file an earlier build's killed write left beside its target
        Files.writeString(dir.resolve(".summary.json8364526153.tmp"), "half");
    }

    @Test
    void commitReplacesTheWholePreviousFolder(@TempDir Path parent) throws IOException {
        Path dir = parent.resolve("run");
        previousRun(dir);
        try (StagedFolder staged = StagedFolder.create(dir)) {
            assertEquals(parent.toAbsolutePath(), staged.path().getParent());
            assertTrue(staged.path().getFileName().toString().startsWith(".run.staging-"));
            AtomicFiles.writeString(staged.path().resolve("checks.csv"), "new checks");
            AtomicFiles.writeString(staged.path().resolve("summary.json"), "new summary");
            // nothing of the new run is visible before the commit
            assertEquals("old summary", Files.readString(dir.resolve("summary.json")));
            assertFalse(Files.exists(dir.resolve("checks.csv")));
            staged.commit();
        }
        assertEquals(Map.of("checks.csv", "new checks", "summary.json", "new summary"), tree(dir));
        assertEquals(0, hiddenEntries(parent), "staging or old folder left beside the target");
        assertEquals(0, hiddenEntries(dir), "temporary file left in the target");
    }

    @Test
    void failureBeforeTheCommitLeavesThePreviousFolderIntact(@TempDir Path parent) throws IOException {
        Path dir = parent.resolve("run");
        previousRun(dir);
        Map<String, String> before = tree(dir);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            try (StagedFolder staged = StagedFolder.create(dir)) {
                AtomicFiles.writeString(staged.path().resolve("checks.csv"), "new checks");
                throw new IllegalStateException("experiment failed half-way");
            }
        });
        assertEquals("experiment failed half-way", e.getMessage());
        assertEquals(before, tree(dir));
        assertEquals(0, hiddenEntries(parent), "staging folder left after a failure");
    }

    @Test
    void firstRunCreatesTheTargetAndItsParents(@TempDir Path root) throws IOException {
        Path dir = root.resolve("a/b/run");
        try (StagedFolder staged = StagedFolder.create(dir)) {
            AtomicFiles.writeString(staged.path().resolve("x.txt"), "x");
            staged.commit();
            assertThrows(IllegalStateException.class, staged::commit);
        }
        assertEquals(Map.of("x.txt", "x"), tree(dir));
    }

    @Test
    void whatAnEndedRunLeftIsRemovedAndASetAsideResultRestored(@TempDir Path out) throws IOException {
        // killed while writing: a staging folder and a temporary file of an ended process
        Path staging = out.resolve(".gan-theorem.staging-" + ENDED_PID + "-k3x");
        Files.createDirectories(staging);
        Files.writeString(staging.resolve("checks.csv"), "new");
        Files.writeString(out.resolve(".REPORT.md." + ENDED_PID + "-a1.tmp"), "half");
        Files.writeString(out.resolve("REPORT.md"), "report");
        Files.writeString(out.resolve(".REPORT.md4411.tmp"), "half, written by an earlier build");
        // killed between the two renames of a commit: the previous result is aside, its target gone
        Path aside = out.resolve(".saturation.old-" + ENDED_PID + "-z9");
        Files.createDirectories(aside);
        Files.writeString(aside.resolve("summary.json"), "previous");
        // killed after the commit, while deleting the previous result
        Files.createDirectories(out.resolve("fit"));
        Files.createDirectories(out.resolve(".fit.old-" + ENDED_PID + "-q"));
        // entries of a live process (this one) and files that are not ours stay
        Path live = out.resolve(".landscape.staging-" + ProcessHandle.current().pid() + "-live");
        Files.createDirectories(live);
        Files.writeString(out.resolve(".notes5.tmp"), "a user's file");

        StagedFolder.removeStale(out);

        assertEquals(Map.of("REPORT.md", "report", "saturation/summary.json", "previous",
                ".notes5.tmp", "a user's file"), tree(out));
        assertTrue(Files.isDirectory(live), "a live process's staging folder was removed");
        assertTrue(Files.isDirectory(out.resolve("fit")));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(5, s.count(), "left: REPORT.md, saturation, fit, the live staging, .notes5.tmp");
        }
    }

    @Test
    void creatingAStagingFolderClearsOnlyThatTargetsLeftovers(@TempDir Path parent) throws IOException {
        Path mine = parent.resolve(".run.staging-" + ENDED_PID + "-a");
        Path other = parent.resolve(".other.staging-" + ENDED_PID + "-b");
        Files.createDirectories(mine);
        Files.createDirectories(other);
        try (StagedFolder staged = StagedFolder.create(parent.resolve("run"))) {
            assertFalse(Files.exists(mine));
            assertTrue(Files.exists(other), "another target's leftovers are not this run's to judge");
        }
    }

    @Test
    void atomicWriteLeavesNoTemporaryFileAndNamesItsProcess(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("summary.json");
        AtomicFiles.writeString(target, "one");
        AtomicFiles.writeString(target, "two");
        assertEquals(Map.of("summary.json", "two"), tree(dir));
        assertTrue(AtomicFiles.isStale(dir.resolve(".summary.json." + ENDED_PID + "-x1.tmp")));
        assertFalse(AtomicFiles.isStale(dir.resolve(".summary.json." + ProcessHandle.current().pid() + "-x1.tmp")));
        // an earlier build's name: NAME + digits, recognised only beside its target
        assertTrue(AtomicFiles.isStale(dir.resolve(".summary.json77.tmp")));
        assertFalse(AtomicFiles.isStale(dir.resolve(".other.json77.tmp")));
        Files.writeString(dir.resolve("a.csv2"), "");
        assertTrue(AtomicFiles.isStale(dir.resolve(".a.csv2123.tmp")), "a target name ending in digits");
    }

    @Test
    void writeIntoAFolderThatIsAFileFailsAsAnIoError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("file"), "x");
        assertThrows(java.io.UncheckedIOException.class,
                () -> AtomicFiles.writeString(dir.resolve("file/summary.json"), "y"));
    }

    @Test
    void buildCommitIsAHashOrUnknown() {
        assertEquals("unknown", BuildInfo.commitOrUnknown("${buildNumber}"));
        assertEquals("unknown", BuildInfo.commitOrUnknown(null));
        assertEquals("b0f384c", BuildInfo.commitOrUnknown("b0f384c"));
    }
}
