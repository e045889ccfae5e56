package org.fganlab.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fganlab.density.Normal;
import org.fganlab.divergence.Divergences;
import org.junit.jupiter.api.Test;

/** The read-only parameter accessors used by the saturation and bound-tightness probes. */
class TrainerParametersTest {

    private static TrainingConfig config(int steps) {
        return TrainingConfig.builder(Target.of(new Normal(1, 2)), new Objective.FGan(Divergences.byName("js")))
                .seed(3).steps(steps).batchSize(16).logEvery(1).build();
    }

    @Test
    void accessorsReturnCopiesOfTheLiveParameters() {
        Trainer t = new Trainer(config(3));
        double[] theta = t.generatorParameters();
        assertArrayEquals(new double[] {0.0, 0.0}, theta, 0.0); // μ = 0, log σ = 0 at the start
        theta[0] = 99;
        assertEquals(0.0, t.generatorParameters()[0], 0.0);
        double[] omega = t.criticParameters();
        assertEquals(t.critic().parameterCount(), omega.length);
        omega[0] = 99;
        assertEquals(t.critic().parameterCount(), t.criticParameters().length);
        assertEquals(false, t.criticParameters()[0] == 99);
    }

    @Test
    void afterStepsTheyEqualTheFinalParametersOfAnIdenticalRun() {
        Trainer stepped = new Trainer(config(3));
        for (int s = 0; s < 3; s++) {
            stepped.step();
        }
        TrainingResult ran = new Trainer(config(3)).run(null);
        assertArrayEquals(ran.generatorParams(), stepped.generatorParameters(), 0.0);
        assertArrayEquals(ran.criticParams(), stepped.criticParameters(), 0.0);
    }
}
