package org.fganlab.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shard I of N (numbered from 1): the runs at positions p ≡ I − 1 (mod N) of the grid's runs
 * sorted by id. Deterministic (the same grid gives the same split on every machine), the N
 * shards are disjoint and cover the grid, and their sizes differ by at most one.
 *
 * @param index I, in [1, count]
 * @param count N, ≥ 1
 */
public record Shard(int index, int count) {

    /** The whole grid. */
    public static final Shard ALL = new Shard(1, 1);

    /**
     * @throws IllegalArgumentException unless 1 ≤ index ≤ count
     */
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard must be I/N with 1 <= I <= N, got " + index + "/" + count);
        }
    }

    /**
     * Parses {@code I/N}.
     *
     * @throws IllegalArgumentException naming the text unless it is I/N with 1 ≤ I ≤ N
     */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--shard '" + text + "': " + e.getMessage());
        }
        throw new IllegalArgumentException("--shard '" + text + "' must be I/N with 1 <= I <= N, e.g. 2/4");
    }

    /** This shard's runs, in id order. */
    public List<RunSpec> select(List<RunSpec> runs) {
        List<RunSpec> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparing(RunSpec::id));
        List<RunSpec> mine = new ArrayList<>();
        for (int p = index - 1; p < sorted.size(); p += count) {
            mine.add(sorted.get(p));
        }
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
