package org.fganlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.fganlab.report.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner and collector over a runner whose results are known in closed form: failures are
 * recorded without stopping the others, resumption skips finished runs, and the statistics
 * match independent computations.
 */
class SweepRunnerTest {

    /** result x = seed · scale; "scale" = 0 throws; counts its runs. */
    static final class Fake implements Runner {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public Set<String> optionNames() {
            return Set.of("seed", "scale");
        }

        @Override
        public void check(SortedMap<String, String> options) {
            if (Double.parseDouble(options.get("scale")) < 0) {
                throw new IllegalArgumentException("scale must be >= 0, got " + options.get("scale"));
            }
        }

        @Override
        public Output run(SortedMap<String, String> options) {
            runs.incrementAndGet();
            double scale = Double.parseDouble(options.get("scale"));
            if (scale == 0) {
                throw new ArithmeticException("scale 0 is not allowed at run time");
            }
            double x = Integer.parseInt(options.get("seed")) * scale;
            ObjectNode doc = Json.object().put("seed", Integer.parseInt(options.get("seed")));
            doc.put("x", x);
            doc.putObject("nested").put("y", -x);
            return new Output(doc, "step,x\n0," + x + "\n");
        }

        @Override
        public Set<String> configurationFields() {
            return Set.of("seed");
        }
    }

    private static final SweepRunner.Listener QUIET = new SweepRunner.Listener() {
        @Override
        public void planned(int total, int skipped, int toRun) {
        }

        @Override
        public void finished(RunFiles.Entry entry, int done, int toRun, double seconds) {
        }
    };

    @Test
    void failedRunsAreRecordedAndTheOthersFinishThenCollectListsThem(@TempDir Path dir) throws IOException {
        Grid grid = Grid.parse("{\"seed\": [1, 2, 3, 4], \"scale\": [0, 0.5, 2]}");
        Fake fake = new Fake();
        SweepRunner.Summary s = SweepRunner.run(grid, fake, dir, Shard.ALL, 3, QUIET);
        assertEquals(new SweepRunner.Summary(12, 0, 8, 4), s);
        Collector.Collection c = Collector.collect(dir, null, fake.configurationFields());
        assertEquals(List.of("scale"), c.by());
        assertEquals(4, c.failed().size());
        c.failed().forEach(e -> assertTrue(e.error().startsWith("ArithmeticException: scale 0"), e.error()));
        assertEquals(List.of("x", "nested.y"), c.metrics());
        Collector.Cell half = c.cells().stream().filter(x -> x.assignment().get("scale").equals("0.5")).findFirst().orElseThrow();
        Collector.Stat x = half.stats().get(0);
        // x = 0.5, 1, 1.5, 2: mean 1.25, sample sd sqrt(5/12)
        assertEquals(1.25, x.mean(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 12.0), x.sd(), 1e-15);
        assertTrue(x.lower() >= 0.5 && x.lower() < 1.25 && x.upper() > 1.25 && x.upper() <= 2, x.toString());
        assertEquals(-1.25, half.stats().get(1).mean(), 1e-15);
        assertTrue(SummaryFiles.markdown(c).contains("## Failed runs"));

        // resume: the 8 finished runs are skipped, the 4 failed ones run (and fail) again
        fake.runs.set(0);
        assertEquals(new SweepRunner.Summary(12, 8, 0, 4), SweepRunner.run(grid, fake, dir, Shard.ALL, 2, QUIET));
        assertEquals(4, fake.runs.get());

        // a deleted run is missing for collect, and only it is run again
        Files.delete(RunFiles.runFile(dir, grid.runs().get(5).id()));
        Collector.Collection partial = Collector.collect(dir, List.of("seed"), fake.configurationFields());
        assertEquals(1, partial.missing().size());
        assertEquals(List.of("seed"), partial.by());
        fake.runs.set(0);
        SweepRunner.run(grid, fake, dir, Shard.ALL, 1, QUIET);
        assertEquals(5, fake.runs.get());
    }

    @Test
    void aBadValueFailsBeforeAnyRunNamingItsKey(@TempDir Path dir) {
        Fake fake = new Fake();
        GridException e = assertThrows(GridException.class, () -> SweepRunner.run(
                Grid.parse("{\"seed\": [1, 2], \"scale\": [1, -3]}"), fake, dir.resolve("out"), Shard.ALL, 1, QUIET));
        assertEquals("scale", e.key(), e.getMessage());
        assertTrue(e.getMessage().contains("-3"), e.getMessage());
        assertEquals(0, fake.runs.get());
        assertTrue(!Files.exists(dir.resolve("out")), "nothing written");
        GridException unknown = assertThrows(GridException.class, () -> Grid.parse("{\"sead\": [1]}").validate(fake));
        assertEquals("sead", unknown.key());
    }

    @Test
    void statisticsOfFewOrInfiniteValuesAreNotInvented() {
        Collector.Stat one = Collector.stat("m", new double[] {3});
        assertEquals(3, one.mean());
        assertTrue(Double.isNaN(one.sd()) && Double.isNaN(one.lower()));
        Collector.Stat inf = Collector.stat("m", new double[] {1, Double.POSITIVE_INFINITY});
        assertEquals(Double.POSITIVE_INFINITY, inf.mean());
        assertEquals(1, inf.nonFinite());
        assertTrue(Double.isNaN(inf.sd()));
        Collector.Stat same = Collector.stat("m", new double[] {0.1, 0.1, 0.1});
        assertEquals(0, same.sd(), 1e-17);
    }
}
