package org.fganlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The size options of {@code reproduce}. */
class ReproduceCommandTest {

    @Test
    void quickAndFullTogetherAreOneLineUsageErrorAndWriteNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("never-written");
        CliTest.Run r = CliTest.run("reproduce", "gan-theorem", "--quick", "--full", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(1, lines.length, r.err());
        assertTrue(lines[0].startsWith("fganlab: ") && lines[0].contains("--quick")
                && lines[0].contains("--full"), lines[0]);
        assertEquals("", r.out());
        assertFalse(Files.exists(out), "nothing may be written on bad input");
    }

    @Test
    void helpNamesFullAndWhatItMeansForExperimentsWithoutALargerVariant() {
        CliTest.Run h = CliTest.run("reproduce", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--full") && h.out().contains("no larger variant"), h.out());
    }
}
