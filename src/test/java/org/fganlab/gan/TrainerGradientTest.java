package org.fganlab.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fganlab.density.DensitySpec;
import org.fganlab.density.GaussianMixture2D;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.divergence.SpecialFunctions;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Central finite-difference checks of the trainer's gradients (issue 3): ∂F/∂ω through g_f∘V and
 * f*∘g_f∘V, and ∂L_G/∂θ through the critic's input gradient and the generator, for every
 * divergence, both losses, the Gaussian and the MLP generator, and the Wasserstein critic with
 * clipping and with the gradient penalty (its ω-gradient through the critic's input gradient).
 */
class TrainerGradientTest {

    static Stream<Arguments> cases() {
        List<Objective> objectives = new ArrayList<>();
        for (FDivergence f : Divergences.all()) {
            objectives.add(new Objective.FGan(f));
        }
        objectives.add(new Objective.Wasserstein(0.5));
        objectives.add(Objective.Wasserstein.withGradientPenalty(0.7));
        List<Arguments> out = new ArrayList<>();
        for (Objective o : objectives) {
            for (GeneratorLoss loss : GeneratorLoss.values()) {
                out.add(Arguments.of(o, loss, TrainingConfig.GeneratorKind.GAUSSIAN));
                out.add(Arguments.of(o, loss, TrainingConfig.GeneratorKind.MLP));
            }
        }
        return out.stream();
    }

    static Trainer trainer(Objective o, GeneratorLoss loss, TrainingConfig.GeneratorKind kind) {
        Target target = kind == TrainingConfig.GeneratorKind.GAUSSIAN
                ? Target.of(DensitySpec.parse("0.5*normal(-1,0.5) + 0.5*normal(1,0.7)"))
                : Target.of(GaussianMixture2D.ring(4, 1.0, 0.3));
        TrainingConfig.Networks networks = kind == TrainingConfig.GeneratorKind.GAUSSIAN
                ? TrainingConfig.Networks.gaussian(6, 5) : TrainingConfig.Networks.mlp(2, new int[] {4}, new int[] {6, 5});
        TrainingConfig c = TrainingConfig.builder(target, o).loss(loss).networks(networks)
                .steps(1).batchSize(7).seed(42).logEvery(1).build();
        Trainer t = new Trainer(c);
        Well19937c rng = new Well19937c(7);
        target.sample(rng, t.realBatch(), 7);
        double[] z = t.latentBatch();
        for (int i = 0; i < z.length; i++) {
            z[i] = rng.nextGaussian();
        }
        // perturb θ off its symmetric start so every path carries gradient
        double[] theta = t.theta();
        for (int i = 0; i < theta.length; i++) {
            theta[i] += 0.3 * rng.nextGaussian();
        }
        return t;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void gradientsMatchCentralDifferences(Objective o, GeneratorLoss loss, TrainingConfig.GeneratorKind kind) {
        Trainer t = trainer(o, loss, kind);
        t.gradients();
        if (o.gradientPenalty() > 0) {
            // the critic's loss gains λ·mean(‖∇_x V(x̂)‖ − 1)² at interpolates held fixed below
            t.drawInterpolates();
            t.penaltyGradient(t.criticGradient());
        }
        double[] gradCritic = t.criticGradient().clone();
        double[] gradGenerator = t.generatorGradient().clone();
        double[] omega = t.omega();
        double h = 1e-6;
        for (int i = 0; i < omega.length; i++) {
            double keep = omega[i];
            omega[i] = keep + h;
            double plus = t.criticLoss();
            omega[i] = keep - h;
            double minus = t.criticLoss();
            omega[i] = keep;
            double fd = (plus - minus) / (2 * h);
            assertEquals(fd, gradCritic[i], 1e-6 * Math.max(1.0, Math.abs(fd)),
                    o.name() + " ∂(−F)/∂ω[" + i + "]");
        }
        double[] theta = t.theta();
        boolean nonZero = false;
        for (int j = 0; j < theta.length; j++) {
            double keep = theta[j];
            theta[j] = keep + h;
            double plus = t.generatorLoss();
            theta[j] = keep - h;
            double minus = t.generatorLoss();
            theta[j] = keep;
            double fd = (plus - minus) / (2 * h);
            assertEquals(fd, gradGenerator[j], 1e-6 * Math.max(1.0, Math.abs(fd)),
                    o.name() + " " + loss + " ∂L_G/∂θ[" + j + "]");
            nonZero |= Math.abs(fd) > 1e-8;
        }
        assertTrue(nonZero, "the generator gradient must not vanish identically");
    }

    /**
     * The GAN row with the minimax loss is Goodfellow's GAN: F = E_P[log D] + E_Q[log(1 − D)]
     * with D = σ(V) (docs/math.md, trap 3), to rounding.
     */
    @Test
    void ganRowIsGoodfellowsValueFunction() {
        Trainer t = trainer(new Objective.FGan(Divergences.byName("gan")), GeneratorLoss.MINIMAX,
                TrainingConfig.GeneratorKind.GAUSSIAN);
        double f = t.evaluate();
        int n = 7;
        double[] vReal = new double[n];
        double[] vFake = new double[n];
        double[] xFake = new double[n];
        t.generator().generate(t.theta(), t.latentBatch(), n, xFake);
        t.critic().forward(t.omega(), t.realBatch(), n, t.critic().workspace(n), vReal);
        t.critic().forward(t.omega(), xFake, n, t.critic().workspace(n), vFake);
        double v = 0;
        for (int b = 0; b < n; b++) {
            double dReal = 1 / (1 + Math.exp(-vReal[b]));
            double dFake = 1 / (1 + Math.exp(-vFake[b]));
            v += Math.log(dReal) / n + Math.log(1 - dFake) / n;
        }
        assertEquals(v, f, 1e-14);
        // and the non-saturating generator loss is −E_Q[log D]
        Trainer ns = trainer(new Objective.FGan(Divergences.byName("gan")), GeneratorLoss.NON_SATURATING,
                TrainingConfig.GeneratorKind.GAUSSIAN);
        double expected = 0;
        for (int b = 0; b < n; b++) {
            expected += -SpecialFunctions.logSigmoid(vFake[b]) / n;
        }
        assertEquals(expected, ns.generatorLoss(), 1e-14);
    }
}
