package org.fganlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table of strings rendered as GitHub Markdown, as aligned plain text for a terminal, or as
 * CSV (RFC 4180 quoting).
 */
public final class Tables {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param header column names (at least one)
     */
    public Tables(String... header) {
        if (header.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.header = List.of(header);
    }

    /**
     * Adds a row.
     *
     * @throws IllegalArgumentException if the cell count differs from the column count
     */
    public Tables row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has "
                    + header.size() + " columns");
        }
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c instanceof Double d ? number(d) : String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    /** Number of rows. */
    public int size() {
        return rows.size();
    }

    /** Formats a number for tables: 6 significant digits, "+∞"/"−∞" for infinities. */
    public static String number(double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return "+inf";
        }
        if (v == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-4 && a < 1e6) {
            return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+$", "$1")
                    .replaceAll("\\.$", "");
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    /**
     * A number for CSV data: full precision ({@link Double#toString}, "Infinity" for +∞), empty
     * for NaN (a field that does not apply).
     */
    public static String exact(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    /** GitHub Markdown. */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            sb.append("---|");
        }
        sb.append('\n');
        for (List<String> r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return sb.toString();
    }

    /** Aligned plain text for a terminal. */
    public String text() {
        int[] w = new int[header.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = header.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, w);
        for (int i = 0; i < w.length; i++) {
            sb.append("-".repeat(w[i])).append(i + 1 < w.length ? "  " : "\n");
        }
        for (List<String> r : rows) {
            line(sb, r, w);
        }
        return sb.toString();
    }

    /** CSV with a header line; fields with commas, quotes or newlines are quoted. */
    public String csv() {
        StringBuilder sb = new StringBuilder();
        csvLine(sb, header);
        for (List<String> r : rows) {
            csvLine(sb, r);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] w) {
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i);
            sb.append(c).append(" ".repeat(w[i] - c.length()));
            sb.append(i + 1 < w.length ? "  " : "\n");
        }
    }

    private static void csvLine(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
                c = "\"" + c.replace("\"", "\"\"") + "\"";
            }
            sb.append(c).append(i + 1 < cells.size() ? "," : "\n");
        }
    }
}
