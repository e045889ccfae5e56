package org.fganlab.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.fganlab.experiment.Experiment;
import org.fganlab.experiment.Reproduce;

/**
 * The progress lines of {@code reproduce} on standard error: each experiment's start (with its
 * title), its own progress lines, its end with its wall time and what is still running, and, from
 * a timer, a status line saying what is running and for how long, so that a long experiment never
 * leaves the terminal silent.
 */
final class ReproduceProgress implements Reproduce.Listener {

    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private final long start;
    /** Running experiments by name, with their start times (insertion order = start order). */
    private final Map<String, Long> running = new LinkedHashMap<>();
    private int done;
    private int total;

    /**
     * @param err where the lines go
     * @param nanoClock the clock (System::nanoTime outside tests)
     */
    ReproduceProgress(PrintWriter err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    @Override
    public synchronized void started(int index, int total, Experiment e) {
        this.total = total;
        running.put(e.name(), nanoClock.getAsLong());
        line(tag(index, total, e) + "started: " + e.title());
    }

    @Override
    public synchronized void progress(int index, int total, Experiment e, String text) {
        line(tag(index, total, e) + text);
    }

    @Override
    public synchronized void finished(int index, int total, Experiment e, double seconds) {
        running.remove(e.name());
        done++;
        String rest = running.isEmpty() ? "" : "; running: " + String.join(", ", running.keySet());
        line(tag(index, total, e) + "done in " + duration(seconds) + " (" + done + " of " + total
                + " finished" + rest + ")");
    }

    /** One status line: elapsed time, what is running and for how long, how many finished. */
    synchronized void status() {
        if (running.isEmpty()) {
            return;
        }
        long now = nanoClock.getAsLong();
        StringBuilder sb = new StringBuilder("... " + duration((now - start) * 1e-9) + " elapsed; running: ");
        String sep = "";
        for (Map.Entry<String, Long> r : running.entrySet()) {
            sb.append(sep).append(r.getKey()).append(" (").append(duration((now - r.getValue()) * 1e-9))
                    .append(')');
            sep = ", ";
        }
        sb.append("; ").append(done).append(" of ").append(total).append(" finished");
        line(sb.toString());
    }

    private static String tag(int index, int total, Experiment e) {
        return "[" + index + "/" + total + "] " + e.name() + ": ";
    }

    /** "12.3 s" below a minute, "4 min 05 s" above. */
    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }

    private void line(String text) {
        err.println(text);
        err.flush();
    }
}
