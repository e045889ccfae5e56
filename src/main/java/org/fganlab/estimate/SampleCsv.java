package org.fganlab.estimate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads samples from CSV: one sample per row, d comma-separated numeric columns, an optional
 * header row. The first row is a header if none of its cells is empty or a number (a row mixing names
 * and numbers is a malformed data row); then at least one
 * data row must follow. Cells are trimmed; a number is a finite decimal such as {@code -1.5},
 * {@code 2}, {@code .5e-3} ({@code NaN}, {@code Infinity}, hexadecimal and Java suffixes are
 * rejected). Blank lines are allowed only at the end. Line endings {@code \n} or {@code \r\n}.
 *
 * <p>Every defect is an {@link IllegalArgumentException} whose message is one line,
 * {@code NAME:LINE:COLUMN: what is wrong (what is accepted)}, lines and columns counted from 1.
 */
public final class SampleCsv {

    private static final Pattern DECIMAL = Pattern.compile(
            "[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private SampleCsv() {
    }

    /**
     * @param reader the CSV text (read to the end, not closed)
     * @param name the file name used in messages ({@code -} is shown as {@code <stdin>})
     * @return the samples, dimension = the number of columns
     * @throws IllegalArgumentException for an empty input, a header without data, a row with a
     *     different number of cells than the first, an empty, non-numeric or non-finite cell,
     *     or a blank line before the last row
     * @throws UncheckedIOException if reading fails
     */
    public static Samples read(Reader reader, String name) {
        String file = "-".equals(name) ? "<stdin>" : name;
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader br = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
            for (String line = br.readLine(); line != null; line = br.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).isBlank()) {
            last--;
        }
        if (last == 0) {
            throw new IllegalArgumentException(file + ":1:1: empty file (expected one sample per"
                    + " row, d numeric columns, optional header)");
        }
        int first = 0;
        String[] head = cells(lines.get(0));
        if (isHeader(head)) {
            first = 1;
            if (last == 1) {
                throw new IllegalArgumentException(file + ":2:1: header but no samples (expected"
                        + " one sample per row after the header)");
            }
        }
        int d = first == 1 ? head.length : cells(lines.get(0)).length;
        double[] data = new double[(last - first) * d];
        for (int r = first; r < last; r++) {
            int lineNo = r + 1;
            String line = lines.get(r);
            if (line.isBlank()) {
                throw new IllegalArgumentException(file + ":" + lineNo + ":1: blank line between"
                        + " samples (expected " + d + " numeric column" + (d == 1 ? "" : "s") + ")");
            }
            String[] cs = cells(line);
            if (cs.length != d) {
                throw new IllegalArgumentException(file + ":" + lineNo + ":" + (Math.min(cs.length, d) + 1)
                        + ": row has " + cs.length + " column" + (cs.length == 1 ? "" : "s")
                        + ", expected " + d + " (as line " + (first + 1) + ")");
            }
            for (int c = 0; c < d; c++) {
                data[(r - first) * d + c] = number(cs[c], file, lineNo, c + 1);
            }
        }
        return new Samples(data, d);
    }

    /**
     * Checks that q has p's dimension.
     *
     * @throws IllegalArgumentException naming q's file, line 1 and the first extra or missing
     *     column, if the dimensions differ
     */
    public static void checkSameDimension(Samples p, String pName, Samples q, String qName) {
        if (p.dimension() != q.dimension()) {
            throw new IllegalArgumentException(display(qName) + ":1:"
                    + (Math.min(p.dimension(), q.dimension()) + 1) + ": " + q.dimension()
                    + " column" + (q.dimension() == 1 ? "" : "s") + ", but " + display(pName)
                    + " has " + p.dimension() + " (both samples must have the same dimension)");
        }
    }

    /**
     * Checks that the sample has at least {@code needed} rows.
     *
     * @throws IllegalArgumentException naming the file and the line after the last row
     */
    public static void checkSize(Samples s, String name, int needed, String why) {
        if (s.size() < needed) {
            throw new IllegalArgumentException(display(name) + ":" + (s.size() + 1) + ":1: only "
                    + s.size() + " sample" + (s.size() == 1 ? "" : "s") + ", " + why
                    + " needs at least " + needed);
        }
    }

    private static String display(String name) {
        return "-".equals(name) ? "<stdin>" : name;
    }

    private static String[] cells(String line) {
        String[] cs = line.split(",", -1);
        for (int i = 0; i < cs.length; i++) {
            cs[i] = cs[i].trim();
        }
        return cs;
    }

    private static boolean isHeader(String[] cells) {
        for (String c : cells) {
            if (c.isEmpty() || DECIMAL.matcher(c).matches() || isNonFiniteWord(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNonFiniteWord(String c) {
        String s = c.replaceFirst("^[+-]", "").toLowerCase(java.util.Locale.ROOT);
        return s.equals("nan") || s.equals("inf") || s.equals("infinity");
    }

    private static double number(String cell, String file, int line, int column) {
        String where = file + ":" + line + ":" + column + ": ";
        if (cell.isEmpty()) {
            throw new IllegalArgumentException(where + "empty cell (expected a finite decimal number)");
        }
        if (isNonFiniteWord(cell)) {
            throw new IllegalArgumentException(where + "'" + cell + "' is not finite (expected a"
                    + " finite decimal number)");
        }
        if (!DECIMAL.matcher(cell).matches()) {
            throw new IllegalArgumentException(where + "'" + abbreviate(cell) + "' is not a number"
                    + " (expected a finite decimal number such as -1.5 or 2e-3)");
        }
        double v = Double.parseDouble(cell);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(where + "'" + abbreviate(cell) + "' overflows a"
                    + " double (expected a finite number of magnitude below 1.8e308)");
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
