package org.fganlab.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.fganlab.density.DensitySpec;
import org.fganlab.divergence.Divergences;
import org.fganlab.nn.Mlp;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The trainer's two critic halves (real batch on the caller, generated batch as a fork-join
 * task) against a one-thread reference computed here with the public {@link Mlp} API: forward
 * both batches, backward passes into two zeroed buffers, summed real + generated. Equality is
 * bit for bit (tolerance 0), repeated over many calls so that both paths of the fork (run by a
 * worker, or taken back by the caller) occur. One buffer receiving both passes in turn (the
 * plain sequential accumulation) agrees to rounding, 1e-15 relative to the largest entry.
 */
class TrainerHalvesTest {

    @ParameterizedTest
    @EnumSource(GeneratorLoss.class)
    void halvesEqualTheOneThreadReferenceBitForBit(GeneratorLoss loss) {
        Target target = Target.of(DensitySpec.parse("0.33*normal(-1,0.25) + 0.67*normal(2,1.415)"));
        int batch = 512;
        TrainingConfig c = TrainingConfig.builder(target, new Objective.FGan(Divergences.byName("kl")))
                .seed(3).loss(loss).batchSize(batch).build();
        Trainer t = new Trainer(c);
        Objective o = c.objective();
        Mlp critic = t.critic();
        Mlp.Workspace ws = critic.workspace(batch);
        double[] xFake = new double[batch];
        double[] v = new double[batch];
        double[] gReal = new double[batch];
        double[] gFake = new double[batch];
        double[] vFake = new double[batch];
        double[] reference = new double[critic.parameterCount()];
        double[] fakePart = new double[critic.parameterCount()];
        Well19937c rng = new Well19937c(17);
        for (int call = 0; call < 60; call++) {
            target.sample(rng, t.realBatch(), batch);
            double[] z = t.latentBatch();
            for (int i = 0; i < z.length; i++) {
                z[i] = rng.nextGaussian();
            }
            double estimate = t.gradients();

            double[] omega = t.omega();
            t.generator().generate(t.theta(), z, batch, xFake);
            double sumReal = 0;
            double sumFake = 0;
            critic.forward(omega, t.realBatch(), batch, ws, v);
            for (int b = 0; b < batch; b++) {
                sumReal += o.realTerm(v[b]);
                gReal[b] = -o.realTermDerivative(v[b]) / batch;
            }
            java.util.Arrays.fill(reference, 0.0);
            critic.backward(omega, gReal, batch, ws, reference, null);
            double[] sequential = reference.clone();
            java.util.Arrays.fill(fakePart, 0.0);
            critic.forward(omega, xFake, batch, ws, vFake);
            for (int b = 0; b < batch; b++) {
                sumFake += o.fakeTerm(vFake[b]);
                gFake[b] = o.fakeTermDerivative(vFake[b]) / batch;
            }
            critic.backward(omega, gFake, batch, ws, fakePart, null);
            critic.backward(omega, gFake, batch, ws, sequential, null);
            double largest = 0;
            for (int k = 0; k < reference.length; k++) {
                reference[k] += fakePart[k];
                largest = Math.max(largest, Math.abs(reference[k]));
            }
            assertArrayEquals(sequential, reference, 1e-15 * largest, "one buffer, in turn");

            assertEquals((sumReal - sumFake) / batch, estimate, 0.0, "F̂ at call " + call);
            assertArrayEquals(reference, t.criticGradient(), "∂(−F)/∂ω at call " + call);
            // move ω a little so that every call sees other parameters
            for (int k = 0; k < omega.length; k++) {
                omega[k] -= 0.01 * reference[k];
            }
        }
    }
}
