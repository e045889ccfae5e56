package org.fganlab.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One run of a grid: its option assignment and a stable id.
 *
 * <p>The id is the first 16 hex digits of the SHA-256 of the canonical assignment, the lines
 * {@code key=value\n} sorted by key: it depends on the option values only, so reordering the
 * grid's keys or lists does not rename a run. Values are compared as text ({@code 100} and
 * {@code 100.0} are different runs).
 *
 * @param id 16 lower-case hex digits
 * @param options option name → value, sorted by name (unmodifiable)
 */
public record RunSpec(String id, SortedMap<String, String> options) {

    public RunSpec {
        options = Collections.unmodifiableSortedMap(new TreeMap<>(options));
    }

    /** The run of an assignment, with its id. */
    public static RunSpec of(Map<String, String> options) {
        SortedMap<String, String> sorted = new TreeMap<>(options);
        return new RunSpec(idOf(sorted), sorted);
    }

    /** The canonical text of an assignment: {@code key=value} lines sorted by key. */
    public static String canonical(Map<String, String> options) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(options).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    /** The id of an assignment (class comment). */
    public static String idOf(Map<String, String> options) {
        return sha256(canonical(options)).substring(0, 16);
    }

    /** One-line description, {@code key=value} pairs separated by spaces. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        options.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** SHA-256 of UTF-8 text, 64 lower-case hex digits. */
    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
