package org.fganlab.gan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.fganlab.testing.Allocations;
import org.junit.jupiter.api.Test;

/**
 * A training step allocates nothing on the calling thread or the common pool's workers (regression: Hipparchus's
 * {@code nextGaussian} allocated about 32 KiB per step of 2,048 draws). The bound is 64 bytes
 * per step rather than 0 because joining the generated half may park the thread, and the JDK
 * may allocate a few bytes when it does; a per-sample allocation would be ≥ 16 KiB per step.
 */
class TrainerAllocationTest {

    @Test
    void stepsAllocateNothingPerSample() {
        Target target = Target.of(DensitySpec.parse("0.33*normal(-1,0.25) + 0.67*normal(2,1.415)"));
        for (GeneratorLoss loss : GeneratorLoss.values()) {
            Trainer trainer = new Trainer(TrainingConfig.builder(target,
                    new Objective.FGan(Divergences.byName("kl"))).seed(3).loss(loss).batchSize(512).build());
            int steps = 100;
            double perStep = (double) Allocations.bytesAllocatedWithCommonPoolBy(300, steps, trainer::step) / steps;
            assertTrue(perStep < 64, loss + ": " + perStep + " bytes allocated per step");
        }
    }
}
