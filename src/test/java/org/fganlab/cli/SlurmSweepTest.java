package org.fganlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep submit --engine slurm --wait} on a real SLURM cluster (issue 15): the job array's
 * sweep collects into exactly the table of a local {@code sweep run}. Runs when {@code sinfo}
 * answers (e.g. after {@code scripts/slurm-local start}); when FGANLAB_SLURM=1 (CI starts the
 * cluster and sets it) a silent cluster is a failure, not a skip.
 */
class SlurmSweepTest {

    static boolean sinfoAnswers() {
        try {
            Path out = Files.createTempFile("sinfo", ".txt");
            Process p = new ProcessBuilder("sinfo", "-h", "-o", "%t").redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            boolean answered = p.waitFor(15, TimeUnit.SECONDS) && p.exitValue() == 0;
            p.destroyForcibly();
            boolean nodes = !Files.readString(out).isBlank();
            Files.delete(out);
            return answered && nodes;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aJobArrayCollectsIntoTheTableOfALocalRun(@TempDir Path dir) throws IOException {
        boolean answers = sinfoAnswers();
        if ("1".equals(System.getenv("FGANLAB_SLURM"))) {
            assertTrue(answers, "FGANLAB_SLURM=1 but 'sinfo' does not answer: the cluster CI started is down");
        } else {
            assumeTrue(answers, "no SLURM cluster answers 'sinfo' (start one with scripts/slurm-local start)");
        }
        Path g = SweepCommandTest.write(dir, "grid.json", SweepCommandTest.grid(150));
        Path cluster = dir.resolve("slurm");
        CliTest.Run submit = SweepCommandTest.sweep("submit", g.toString(), "--out", cluster.toString(),
                "--engine", "slurm", "--tasks", "3", "--wait");
        assertEquals(0, submit.code(), submit.out() + submit.err());
        assertTrue(submit.out().strip().lines().findFirst().orElse("").matches("\\d+"), "job id first: " + submit.out());
        assertTrue(Files.readString(cluster.resolve("sweep.sbatch")).contains("#SBATCH --array=1-3"));
        Path local = dir.resolve("local");
        assertEquals(0, SweepCommandTest.sweep("run", g.toString(), "--out", local.toString()).code());
        assertEquals(SweepCommandTest.runFiles(local), SweepCommandTest.runFiles(cluster));
        assertEquals(0, SweepCommandTest.sweep("collect", cluster.toString()).code());
        assertEquals(0, SweepCommandTest.sweep("collect", local.toString()).code());
        for (String f : new String[] {"summary.md", "summary.csv", "summary.json"}) {
            assertEquals(Files.readString(local.resolve("summary").resolve(f)),
                    Files.readString(cluster.resolve("summary").resolve(f)), f);
        }
    }
}
