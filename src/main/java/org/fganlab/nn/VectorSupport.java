package org.fganlab.nn;

/**
 * Whether {@link VectorKernels} (JDK Vector API) runs instead of the scalar loops. True only
 * when all of these hold at class initialisation:
 * <ul>
 *   <li>the module {@code jdk.incubator.vector} is in the boot layer (the {@code fganlab}
 *       launcher, the tests and the JMH forks add it with {@code --add-modules
 *       jdk.incubator.vector}; a plain {@code java -jar} or a notebook kernel does not);</li>
 *   <li>the system property {@code fganlab.vector} is not {@code off};</li>
 *   <li>256-bit double vectors are native ({@code DoubleVector.SPECIES_PREFERRED} has at least
 *       256 bits; on narrower hardware the API would be emulated, far slower than scalar).</li>
 * </ul>
 * The module test comes first, so a JVM without the module never loads a class that refers to
 * it. Both paths give bit-identical results ({@link VectorKernels}), so this switch changes
 * speed only.
 */
final class VectorSupport {

    static final boolean ENABLED = detect();

    private VectorSupport() {
    }

    private static boolean detect() {
        if ("off".equals(System.getProperty("fganlab.vector"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        return VectorKernels.nativeWidth();
    }
}
