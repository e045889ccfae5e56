package org.fganlab.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import java.util.SortedMap;

/**
 * What one run of a sweep is: an option assignment (option name → value, as the command line
 * would give them) checked and then run into a JSON document and a history table.
 */
public interface Runner {

    /**
     * Options a grid may set, without leading dashes.
     */
    Set<String> optionNames();

    /**
     * Checks an assignment without running it (cheap: parsing and configuration only).
     *
     * @param options option name → value, keys among {@link #optionNames()}
     * @throws GridException naming the option when the runner knows which one is bad
     * @throws IllegalArgumentException for any other bad value or combination
     */
    void check(SortedMap<String, String> options);

    /**
     * Runs an assignment on the calling thread (plus forked tasks of the calling thread's
     * fork-join pool, if it is one); the same options give a bit-identical output.
     *
     * @param options a checked assignment
     * @return the run's document and history
     * @throws RuntimeException whatever the run throws (recorded as a failed run)
     */
    Output run(SortedMap<String, String> options);

    /**
     * Fields of the document that echo the configuration (e.g. the seed) rather than results:
     * {@link Collector} does not average them.
     */
    Set<String> configurationFields();

    /**
     * A run's output.
     *
     * @param document the run's JSON document (what the single-run command prints with --json)
     * @param historyCsv its history as CSV text (header line first)
     */
    record Output(ObjectNode document, String historyCsv) {
    }
}
