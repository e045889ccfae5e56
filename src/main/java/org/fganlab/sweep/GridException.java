package org.fganlab.sweep;

/** A malformed grid: the message names the grid key (or the run) and what is wrong with it. */
public final class GridException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key the offending grid key, or null when no single key is to blame
     * @param message one line naming the key, the bad value and what is accepted
     */
    public GridException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** The offending grid key, or null. */
    public String key() {
        return key;
    }
}
