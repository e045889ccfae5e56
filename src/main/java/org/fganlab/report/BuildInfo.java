package org.fganlab.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Facts fixed when the jar was built: the commit of the sources, written into
 * {@code org/fganlab/build.properties} by the Maven build (git rev-parse HEAD, through antrun), so that a
 * result records the code that produced it, not the repository the command happens to run in.
 */
public final class BuildInfo {

    /** The value recorded when the build had no git checkout (or no git) to ask. */
    public static final String UNKNOWN = "unknown";

    private static final String RESOURCE = "/org/fganlab/build.properties";

    private static final String COMMIT = load();

    private BuildInfo() {
    }

    /**
     * The short hash of the commit the running code was built from, or {@value #UNKNOWN} when the
     * build ran outside a git checkout (or the classes were not built by Maven).
     */
    public static String commit() {
        return COMMIT;
    }

    private static String load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            return commitOrUnknown(p.getProperty("commit"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** A hexadecimal hash as written by the build; anything else (an unfiltered placeholder) is unknown. */
    static String commitOrUnknown(String value) {
        return value != null && value.matches("[0-9a-f]{7,40}") ? value : UNKNOWN;
    }
}
