package org.fganlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The job-array script: one shard per task, absolute quoted paths, an exit record per task. */
class SlurmScriptTest {

    @Test
    void taskIRunsShardIOfKByAbsolutePaths() {
        String s = Slurm.script(List.of("/opt/fgan lab/fganlab"), Path.of("/data/it's grid.json"), Path.of("/shared/sweep"),
                new Slurm.Resources(7, 2, "short", "1:00:00"));
        assertTrue(s.startsWith("#!/bin/bash\n"), s);
        for (String line : new String[] {"#SBATCH --array=1-7", "#SBATCH --cpus-per-task=2", "#SBATCH --partition=short",
                "#SBATCH --time=1:00:00", "#SBATCH --output=/shared/sweep/logs/%A_%a.out"}) {
            assertTrue(s.contains(line + "\n"), "missing " + line + " in\n" + s);
        }
        assertTrue(s.contains("'/opt/fgan lab/fganlab' sweep run '/data/it'\\''s grid.json' --out '/shared/sweep'"
                + " --workers 2 --shard \"$SLURM_ARRAY_TASK_ID/7\" || status=$?\n"), s);
        assertTrue(s.contains("echo \"$status\" > '/shared/sweep/logs'\"/${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}.exit\"\n"), s);
        assertTrue(s.endsWith("exit \"$status\"\n"), s);
        String plain = Slurm.script(List.of("/x/fganlab"), Path.of("/g.json"), Path.of("/d"), new Slurm.Resources(1, 1, null, null));
        assertTrue(!plain.contains("--partition") && !plain.contains("--time"), plain);
    }

    @Test
    void badResourcesAreRefused() {
        assertEquals("--tasks must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new Slurm.Resources(0, 1, null, null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Slurm.Resources(1, 0, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Slurm.Resources(1, 1, "a;rm -rf", null));
        assertThrows(IllegalArgumentException.class, () -> new Slurm.Resources(1, 1, null, "1 hour"));
    }
}
