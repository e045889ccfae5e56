package org.fganlab.divergence;

import java.util.List;

/**
 * Thrown by {@link Divergences#byName(String)} for a name that is not registered. The message
 * names the rejected string and lists every accepted name.
 */
public final class UnknownDivergenceException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The name as passed in. */
    private final String rejectedName;

    /**
     * @param rejectedName the name as passed in
     * @param acceptedNames the names that would have been accepted, listed in the message
     */
    public UnknownDivergenceException(String rejectedName, List<String> acceptedNames) {
        super("unknown divergence '" + rejectedName + "'; accepted (case-insensitive): "
                + String.join(", ", acceptedNames)
                + " (A: a finite real other than 0 and 1, e.g. alpha:0.5)");
        this.rejectedName = rejectedName;
    }

    /** The name as passed in. */
    public String rejectedName() {
        return rejectedName;
    }
}
