package org.fganlab.gan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 3: no NaN for any divergence over 5,000 steps. The f-GAN §4 setting (critic 1-64-64-1,
 * Adam 0.01, single-step) with batches of 64 instead of 1,024, so that the suite stays fast;
 * smaller batches are the noisier, harsher case for the objective's numerics.
 */
class LongRunTest {

    static Stream<Objective> objectives() {
        return Stream.concat(Divergences.all().stream().map(Objective.FGan::new),
                Stream.of(new Objective.Wasserstein(0.01)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objectives")
    void fiveThousandStepsWithoutNaN(Objective o) {
        Target target = Target.of(DensitySpec.parse("0.33*normal(-1,0.25) + 0.67*normal(2,1.415)"));
        for (GeneratorLoss loss : GeneratorLoss.values()) {
            TrainingConfig c = TrainingConfig.builder(target, o).seed(11).loss(loss)
                    .batchSize(64).logEvery(500).build();
            TrainingResult r = new Trainer(c).run(null); // throws if F̂ or θ stops being finite
            assertTrue(Double.isFinite(r.finalEstimate()), o.name() + " " + loss);
            for (HistoryPoint h : r.history()) {
                assertTrue(!Double.isNaN(h.meanCriticReal()) && !Double.isNaN(h.meanCriticFake()),
                        o.name() + " " + loss + " critic output NaN at step " + h.step());
                assertTrue(!Double.isNaN(h.exact()), o.name() + " exact divergence NaN at step " + h.step());
            }
            assertTrue(r.sigma() > 0.1 && r.sigma() < 10, o.name() + " " + loss + " sigma " + r.sigma());
        }
    }
}
