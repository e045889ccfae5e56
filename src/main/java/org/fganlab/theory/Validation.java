package org.fganlab.theory;

import java.util.List;

/**
 * The outcome of {@link IdentityChecks#run}: every check made on a pair, and the checks that did
 * not apply, each with the reason.
 *
 * @param p spec of the data density
 * @param q spec of the model density
 * @param checks the checks made, in order (copied)
 * @param skipped the checks that did not apply, as "name: reason" (copied)
 */
public record Validation(String p, String q, List<IdentityCheck> checks, List<String> skipped) {

    public Validation {
        checks = List.copyOf(checks);
        skipped = List.copyOf(skipped);
    }

    /** Whether every check passed. */
    public boolean passed() {
        return checks.stream().allMatch(IdentityCheck::passed);
    }
}
