package org.fganlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReproduceTest {

    /** Regression: a headline with |x| broke the REPORT.md index table. */
    @Test
    void headlinePipesAreEscapedOnceInTheIndexTable() {
        assertEquals("max \\|a − b\\| = 1", Reproduce.tableCell("max |a − b| = 1"));
        assertEquals("already \\|x\\|", Reproduce.tableCell("already \\|x\\|"));
    }

    @Test
    void selectionResolvesNamesAndRejectsUnknownOnes() {
        assertEquals(Reproduce.names(), Reproduce.select(List.of()).stream().map(Experiment::name).toList());
        assertEquals(List.of("gaussian-fit"),
                Reproduce.select(List.of("Gaussian-Fit")).stream().map(Experiment::name).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reproduce.select(List.of("nope")));
        assertTrue(e.getMessage().contains("'nope'") && e.getMessage().contains("gan-theorem"), e.getMessage());
    }
}
