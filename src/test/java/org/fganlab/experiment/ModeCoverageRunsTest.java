package org.fganlab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fganlab.experiment.ModeCoverageExperiment.Case;
import org.fganlab.experiment.ModeCoverageExperiment.Player;
import org.fganlab.experiment.ModeCoverageExperiment.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full protocol's sweep path gives the runs of direct training, bit for bit, and resumes. */
class ModeCoverageRunsTest {

    private static final int STEPS = 30;

    @Test
    void sweepRunsEqualDirectRunsAndAreNotRecomputed(@TempDir Path dir) throws Exception {
        List<Case> cases = List.of(ModeCoverageExperiment.CASES.get(0));
        List<Player> players = List.of(ModeCoverageExperiment.PLAYERS.get(0), ModeCoverageExperiment.PLAYERS.get(6));
        long[] seeds = {11, 12};
        List<String> lines = new ArrayList<>();
        List<Run> swept = ModeCoverageRuns.sweep(dir, cases, players, seeds, STEPS, lines::add);
        assertEquals(4, swept.size());
        int k = 0;
        for (Player p : players) {
            for (long seed : seeds) {
                Run direct = ModeCoverageExperiment.train(cases.get(0), p, seed, STEPS);
                Run back = swept.get(k++);
                assertEquals(direct.player().label(), back.player().label());
                assertEquals(direct.seed(), back.seed());
                assertEquals(direct.failure(), back.failure());
                assertEquals(direct.metrics().highQualityFraction(), back.metrics().highQualityFraction(), 0.0);
                assertEquals(direct.metrics().klFromUniform(), back.metrics().klFromUniform(), 0.0);
                assertArrayEquals(direct.metrics().counts(), back.metrics().counts());
                assertEquals(direct.metrics().modesCovered(), back.metrics().modesCovered());
                assertEquals(direct.curve().size(), back.curve().size());
                for (int i = 0; i < direct.curve().size(); i++) {
                    assertEquals(direct.curve().get(i).step(), back.curve().get(i).step());
                    assertArrayEquals(direct.curve().get(i).coverage().counts(), back.curve().get(i).coverage().counts());
                    assertEquals(direct.curve().get(i).coverage().klFromUniform(),
                            back.curve().get(i).coverage().klFromUniform(), 0.0);
                }
                if (seed == seeds[0]) {
                    assertArrayEquals(direct.samples(), back.samples(), 0.0);
                } else {
                    assertNull(back.samples());
                }
            }
        }
        assertTrue(lines.get(0).contains("4 runs, 0 already finished, 4 to run"), lines.get(0));

        // a second invocation reads the four run files back instead of training again
        Path anyRun;
        try (var files = Files.list(dir.resolve("runs"))) {
            anyRun = files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        long modified = Files.getLastModifiedTime(anyRun).toMillis();
        lines.clear();
        List<Run> again = ModeCoverageRuns.sweep(dir, cases, players, seeds, STEPS, lines::add);
        assertEquals(List.of("sweep " + dir + ": 4 runs, 4 already finished, 0 to run"), lines);
        assertEquals(modified, Files.getLastModifiedTime(anyRun).toMillis());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(swept.get(i).metrics().counts(), again.get(i).metrics().counts());
        }
    }
}
