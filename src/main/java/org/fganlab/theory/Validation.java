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
 * @param unverified the divergences whose value missed its accuracy goal or exceeds the double
 *     range, as "name: status" (copied): checks on them pass or fail only as far as their
 *     values go (+∞ = +∞ says nothing about two values beyond 1.8e308)
 */
public record Validation(String p, String q, List<IdentityCheck> checks, List<String> skipped,
        List<String> unverified) {

    public Validation {
        checks = List.copyOf(checks);
        skipped = List.copyOf(skipped);
        unverified = List.copyOf(unverified);
    }

    /** Whether every value behind the checks met its accuracy goal and fits in a double. */
    public boolean verified() {
        return unverified.isEmpty();
    }

    /** Whether every check passed. */
    public boolean passed() {
        return checks.stream().allMatch(IdentityCheck::passed);
    }
}
