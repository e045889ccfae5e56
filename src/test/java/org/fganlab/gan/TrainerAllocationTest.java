package org.fganlab.gan;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.junit.jupiter.api.Test;

/**
 * A training step allocates nothing on the calling thread (regression: Hipparchus's
 * {@code nextGaussian} allocated about 32 KiB per step of 2,048 draws). The bound is 64 bytes
 * per step rather than 0 because joining the generated half may park the thread, and the JDK
 * may allocate a few bytes when it does; a per-sample allocation would be ≥ 16 KiB per step.
 */
class TrainerAllocationTest {

    @Test
    void stepsAllocateNothingPerSample() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "HotSpot allocation counter");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled());
        Target target = Target.of(DensitySpec.parse("0.33*normal(-1,0.25) + 0.67*normal(2,1.415)"));
        for (GeneratorLoss loss : GeneratorLoss.values()) {
            Trainer trainer = new Trainer(TrainingConfig.gaussianFit(target,
                    new Objective.FGan(Divergences.byName("kl")), 3).with(loss, Schedule.SINGLE_STEP)
                    .with(512, 0.01, 50));
            for (int k = 0; k < 300; k++) {
                trainer.step(); // warm up: class loading and the interpreter's first calls allocate
            }
            long id = Thread.currentThread().getId();
            long before = counter.getThreadAllocatedBytes(id);
            int steps = 100;
            for (int k = 0; k < steps; k++) {
                trainer.step();
            }
            double perStep = (double) (counter.getThreadAllocatedBytes(id) - before) / steps;
            assertTrue(perStep < 64, loss + ": " + perStep + " bytes allocated per step");
        }
    }
}
