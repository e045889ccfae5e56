package org.fganlab.divergence;

import jdk.incubator.vector.DoubleVector;

/**
 * Whether the discrete kernels take their JDK Vector API path ({@link VectorKernels}) or the
 * scalar one ({@link FusedKernels}). The rule, decided once when this class is initialised:
 * {@link #ENABLED} is true only when
 * <ol>
 *   <li>the module {@code jdk.incubator.vector} is in {@code ModuleLayer.boot()} (the JVM was
 *       started with {@code --add-modules jdk.incubator.vector}, as {@code ./fganlab}, the tests
 *       and the JMH forks do; {@code java -jar fgan-lab.jar} and the notebooks do not),</li>
 *   <li>the system property {@code fganlab.vector} is not {@code off}, and</li>
 *   <li>{@code DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256} (AVX2, AVX-512, SVE of
 *       256 bits or more): the kernels use the fixed species {@code DoubleVector.SPECIES_256}, so
 *       their results are the same bits on every machine that passes this test.</li>
 * </ol>
 * The third test sits in a nested class that is loaded only after the first has passed, so a JVM
 * without the module never loads a class of {@code jdk.incubator.vector} (nor
 * {@link VectorKernels}, which is reached only through {@code ENABLED}).
 */
final class VectorSupport {

    /** True when the vector path runs (rule in the class comment). */
    static final boolean ENABLED = detect();

    private VectorSupport() {
    }

    private static boolean detect() {
        if ("off".equals(System.getProperty("fganlab.vector"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return Probe.wideEnough();
        } catch (LinkageError e) {
            return false;                            // the module is present but unusable: scalar path
        }
    }

    /** Touches the vector classes; loaded only when the module is present. */
    private static final class Probe {
        static boolean wideEnough() {
            return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
        }
    }
}
