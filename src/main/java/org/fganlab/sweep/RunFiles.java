package org.fganlab.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.fganlab.report.AtomicFiles;
import org.fganlab.report.Json;

/**
 * The run files of a sweep folder DIR: {@code DIR/runs/<id>.json} and, for a finished run, its
 * history {@code DIR/runs/<id>.history.csv}. Each is written atomically, the history first, so
 * a killed sweep leaves either a complete run or none.
 *
 * <p>A run file is {@code {"id", "options": {…}, "status": "finished" | "failed",
 * "result": {the run's document} | "error": "…", "history_sha256": "…", "sha256": "…"}}, where
 * {@code sha256} is the SHA-256 of the file's own JSON text without that field. A run file is
 * trusted only if it parses, its id and options are the run's, its checksum matches and (finished
 * runs) its history file's checksum matches; anything else is {@link State#CORRUPT} and the run is
 * done again.
 */
public final class RunFiles {

    /** What a run's files say. */
    public enum State {
        /** No run file. */
        ABSENT,
        /** A run file that cannot be trusted (partial, edited, or another run's). */
        CORRUPT,
        /** A finished run. */
        FINISHED,
        /** A run that threw; its error is recorded. */
        FAILED
    }

    /**
     * A run's files as read back.
     *
     * @param spec the run
     * @param state what was found
     * @param result the run's document (FINISHED), else null
     * @param error the recorded error (FAILED), or why the file is not trusted (CORRUPT), else null
     */
    public record Entry(RunSpec spec, State state, JsonNode result, String error) {
    }

    private RunFiles() {
    }

    /** {@code DIR/runs}. */
    public static Path runsDir(Path dir) {
        return dir.resolve("runs");
    }

    /** {@code DIR/runs/<id>.json}. */
    public static Path runFile(Path dir, String id) {
        return runsDir(dir).resolve(id + ".json");
    }

    /** {@code DIR/runs/<id>.history.csv}. */
    public static Path historyFile(Path dir, String id) {
        return runsDir(dir).resolve(id + ".history.csv");
    }

    /**
     * Writes a finished run (history, then run file; each atomically).
     *
     * @throws UncheckedIOException if a file cannot be written
     */
    public static void writeFinished(Path dir, RunSpec spec, Runner.Output output) {
        AtomicFiles.writeString(historyFile(dir, spec.id()), output.historyCsv());
        ObjectNode o = header(spec, "finished");
        o.set("result", output.document());
        o.put("history_sha256", RunSpec.sha256(output.historyCsv()));
        seal(dir, spec, o);
    }

    /**
     * Writes a failed run with its error (one line: the exception's class and message).
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void writeFailed(Path dir, RunSpec spec, String error) {
        ObjectNode o = header(spec, "failed");
        o.put("error", error);
        seal(dir, spec, o);
    }

    private static ObjectNode header(RunSpec spec, String status) {
        ObjectNode o = Json.object().put("id", spec.id());
        ObjectNode options = o.putObject("options");
        spec.options().forEach(options::put);
        o.put("status", status);
        return o;
    }

    private static void seal(Path dir, RunSpec spec, ObjectNode o) {
        o.put("sha256", RunSpec.sha256(Json.toText(o)));
        Json.write(runFile(dir, spec.id()), o);
    }

    /**
     * Reads and checks a run's files (class comment).
     *
     * @throws UncheckedIOException if an existing file cannot be read
     */
    public static Entry read(Path dir, RunSpec spec) {
        String text;
        try {
            text = Files.readString(runFile(dir, spec.id()));
        } catch (NoSuchFileException e) {
            return new Entry(spec, State.ABSENT, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + runFile(dir, spec.id()) + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = Json.parse(text);
        } catch (IllegalArgumentException e) {
            return corrupt(spec, "not valid JSON");
        }
        if (!(root instanceof ObjectNode o) || !o.path("sha256").isTextual()) {
            return corrupt(spec, "no checksum");
        }
        String sha = o.remove("sha256").textValue();
        if (!sha.equals(RunSpec.sha256(Json.toText(o)))) {
            return corrupt(spec, "checksum mismatch");
        }
        if (!spec.id().equals(o.path("id").asText()) || !spec.options().equals(options(o.path("options")))) {
            return corrupt(spec, "id or options differ from the grid's run");
        }
        String status = o.path("status").asText();
        if (status.equals("failed")) {
            return new Entry(spec, State.FAILED, null, o.path("error").asText());
        }
        if (!status.equals("finished") || !o.path("result").isObject()) {
            return corrupt(spec, "unknown status '" + status + "'");
        }
        String history;
        try {
            history = Files.readString(historyFile(dir, spec.id()));
        } catch (NoSuchFileException e) {
            return corrupt(spec, "history file missing");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + historyFile(dir, spec.id()) + ": " + e.getMessage(), e);
        }
        if (!RunSpec.sha256(history).equals(o.path("history_sha256").asText())) {
            return corrupt(spec, "history checksum mismatch");
        }
        return new Entry(spec, State.FINISHED, o.get("result"), null);
    }

    private static Entry corrupt(RunSpec spec, String why) {
        return new Entry(spec, State.CORRUPT, null, why);
    }

    private static SortedMap<String, String> options(JsonNode node) {
        SortedMap<String, String> m = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }
}
