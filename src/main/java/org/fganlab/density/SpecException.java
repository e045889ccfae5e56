package org.fganlab.density;

/**
 * A malformed density spec (the grammar of {@code docs/architecture.md}). The message is one line of the form
 * {@code bad density spec at position P: <what was found and what was expected>}, naming the
 * offending token in quotes, e.g.
 * {@code bad density spec at position 10: sigma must be positive and finite, got '-1'}.
 */
public final class SpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** 0-based index of the offending token in the spec. */
    private final int position;

    /**
     * @param position 0-based index of the offending token in the spec
     * @param detail what was found and what was expected (one line)
     */
    public SpecException(int position, String detail) {
        super("bad density spec at position " + position + ": " + detail);
        this.position = position;
    }

    /** @return the 0-based index of the offending token in the spec */
    public int position() {
        return position;
    }
}
