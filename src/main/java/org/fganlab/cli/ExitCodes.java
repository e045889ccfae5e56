package org.fganlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of {@code fganlab}, in one place: the commands return them, {@link Main} maps
 * exceptions to them, and every command's help lists them ({@link #HELP}); README's "Exit codes"
 * section says the same.
 */
final class ExitCodes {

    /** The command did what was asked. */
    static final int OK = 0;
    /** A check failed ({@code validate}), or an internal error. */
    static final int CHECK_FAILED = 1;
    /** Bad input: a usage error, a bad spec, an unknown name, a value out of range, a bad --out. */
    static final int USAGE = 2;
    /** A quadrature did not reach its accuracy goal; the values printed carry their achieved error. */
    static final int ACCURACY_NOT_REACHED = 3;
    /** Reading or writing a file failed after the input was accepted (disk full, permissions). */
    static final int IO_FAILURE = 4;

    /** Code and meaning, as listed under "Exit codes" in every command's help. */
    static final Map<String, String> HELP = help();

    private ExitCodes() {
    }

    private static Map<String, String> help() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(" " + OK, "ok");
        m.put(" " + CHECK_FAILED, "a check failed (or an internal error)");
        m.put(" " + USAGE, "bad input: one line on stderr names it; nothing is written");
        m.put(" " + ACCURACY_NOT_REACHED, "accuracy not reached: the results say which and how far");
        m.put(" " + IO_FAILURE, "I/O failure: a file could not be read or written");
        return m;
    }

    /**
     * The code for an exception that ended a command: {@link #IO_FAILURE} when it is or wraps an
     * I/O exception, {@link #USAGE} for an IllegalArgumentException, else {@link #CHECK_FAILED}.
     */
    static int of(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException || t instanceof IOException) {
                return IO_FAILURE;
            }
        }
        return ex instanceof IllegalArgumentException ? USAGE : CHECK_FAILED;
    }
}
