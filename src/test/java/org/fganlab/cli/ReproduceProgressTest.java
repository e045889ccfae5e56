package org.fganlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.fganlab.experiment.Experiment;
import org.junit.jupiter.api.Test;

/** The progress lines of {@code reproduce}, on a clock the test moves. */
class ReproduceProgressTest {

    private record Named(String name) implements Experiment {
        @Override
        public String title() {
            return "title of " + name;
        }

        @Override
        public Outcome run(Context context) {
            ObjectNode none = null;
            return new Outcome(none, "", p -> "");
        }
    }

    @Test
    void startsEndsAndStatusSayWhatIsRunningAndForHowLong() {
        long[] now = {0};
        StringWriter text = new StringWriter();
        ReproduceProgress p = new ReproduceProgress(new PrintWriter(text), () -> now[0]);
        Experiment a = new Named("gan-theorem");
        Experiment b = new Named("mode-coverage");
        p.status(); // nothing running yet: silent
        p.started(1, 3, a);
        now[0] = 2_000_000_000L;
        p.started(2, 3, b);
        p.progress(2, 3, b, "3/12 training runs");
        now[0] = 65_000_000_000L;
        p.status();
        p.finished(1, 3, a, 65.0);
        now[0] = 125_400_000_000L;
        p.status();
        p.finished(2, 3, b, 123.4);
        assertEquals(List.of(
                "[1/3] gan-theorem: started: title of gan-theorem",
                "[2/3] mode-coverage: started: title of mode-coverage",
                "[2/3] mode-coverage: 3/12 training runs",
                "... 1 min 05 s elapsed; running: gan-theorem (1 min 05 s), mode-coverage (1 min 03 s);"
                        + " 0 of 3 finished",
                "[1/3] gan-theorem: done in 1 min 05 s (1 of 3 finished; running: mode-coverage)",
                "... 2 min 05 s elapsed; running: mode-coverage (2 min 03 s); 1 of 3 finished",
                "[2/3] mode-coverage: done in 2 min 03 s (2 of 3 finished)"),
                text.toString().lines().toList());
        assertEquals("9.9 s", ReproduceProgress.duration(9.94));
    }
}
