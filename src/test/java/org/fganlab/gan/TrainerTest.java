package org.fganlab.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fganlab.density.DensitySpec;
import org.fganlab.density.GaussianMixture2D;
import org.fganlab.divergence.Divergences;
import org.junit.jupiter.api.Test;

class TrainerTest {

    private static final Target FGAN_TARGET =
            Target.of(DensitySpec.parse("0.33*normal(-1,0.25) + 0.67*normal(2,1.415)"));

    private static TrainingConfig small(String div, long seed) {
        return TrainingConfig.builder(FGAN_TARGET, new Objective.FGan(Divergences.byName(div)))
                .seed(seed).steps(200).batchSize(64).logEvery(20).build();
    }

    @Test
    void sameSeedGivesBitIdenticalHistory() {
        TrainingResult a = new Trainer(small("js", 5)).run(null);
        TrainingResult b = new Trainer(small("js", 5)).run(null);
        assertEquals(a.history(), b.history()); // record equality compares doubles bit for bit
        assertArrayEquals(a.criticParams(), b.criticParams());
        TrainingResult c = new Trainer(small("js", 6)).run(null);
        assertNotEquals(a.history(), c.history());
        // the same bits on one thread (how sweep workers run), for both schedules and the penalty
        TrainingResult one = new Trainer(small("js", 5), false).run(null);
        assertEquals(a.history(), one.history());
        assertArrayEquals(a.criticParams(), one.criticParams());
        assertArrayEquals(a.generatorParams(), one.generatorParams());
        TrainingConfig gp = TrainingConfig.modeCoverageBuilder(Target.of(GaussianMixture2D.ring(4, 1, 0.1)),
                Objective.Wasserstein.withGradientPenalty(10)).networks(TrainingConfig.Networks.mlp(2,
                new int[] {8}, new int[] {8})).steps(4).batchSize(16).build();
        TrainingResult forked = new Trainer(gp, true).run(null);
        TrainingResult serial = new Trainer(gp, false).run(null);
        assertArrayEquals(forked.criticParams(), serial.criticParams());
        assertArrayEquals(forked.generatorParams(), serial.generatorParams());
    }

    @Test
    void historyTracksTheExactDivergenceOfTheGaussianGenerator() {
        TrainingResult r = new Trainer(small("kl", 1)).run(null);
        List<HistoryPoint> h = r.history();
        assertEquals(11, h.size()); // step 0 and every 20 steps
        assertEquals(0, h.get(0).step());
        assertEquals(200, h.get(10).step());
        HistoryPoint first = h.get(0);
        assertEquals(0.0, first.mu());
        assertEquals(1.0, first.sigma());
        // KL(P‖N(0,1)) of the f-GAN target, exact (independent: the theory package's quadrature)
        double exact0 = org.fganlab.theory.ExactDivergence.standard().divergence(Divergences.byName("kl"),
                FGAN_TARGET.density(), new org.fganlab.density.Normal(0, 1)).value();
        assertEquals(exact0, first.exact(), 0.0);
        assertTrue(h.get(10).exact() < first.exact(), "training must reduce the divergence");
        // μ̂, σ̂: the mean over the last tenth (20 steps) of the iterates, not the last iterate
        assertEquals(h.get(10).mu(), GaussianGenerator.mu(r.generatorParams()));
        assertEquals(r.mu(), h.get(10).mu(), 0.05);
        assertEquals(org.fganlab.theory.ExactDivergence.standard().divergence(Divergences.byName("kl"),
                FGAN_TARGET.density(), new org.fganlab.density.Normal(r.mu(), r.sigma())).value(), r.exact(), 0.0);
    }

    @Test
    void trainedGaussianIsTheMeanOfTheLastTenthOfTheIterates() {
        TrainingConfig c = small("js", 2).toBuilder().batchSize(64).logEvery(1).build(); // history at every step
        TrainingResult r = new Trainer(c).run(null);
        List<HistoryPoint> h = r.history();
        double mu = 0;
        double sigma = 0;
        for (int s = 181; s <= 200; s++) {
            assertEquals(s, h.get(s).step());
            mu += h.get(s).mu();
            sigma += h.get(s).sigma();
        }
        assertEquals(mu / 20, r.mu(), 1e-15);
        assertEquals(sigma / 20, r.sigma(), 1e-15);
    }

    /**
     * The WGAN recipe (Arjovsky et al. 2017, Algorithm 1): RMSProp at η = 5e-5 with 5 critic
     * steps and clipping at 0.01. RMSProp's first step from v = 0 moves a parameter by
     * η·g/(0.1·|g| + ε) ≈ 10η·sign(g), so the generator's μ moves by 5e-4 in its first step.
     */
    @Test
    void wganRecipeWithRmsPropMovesTheGeneratorByTenLearningRates() {
        TrainingConfig c = TrainingConfig.builder(FGAN_TARGET, new Objective.Wasserstein(0.01))
                .networks(TrainingConfig.Networks.gaussian(8)).optimizer(TrainingConfig.RmsProp.WGAN)
                .learningRate(5e-5).schedule(new Schedule(5)).steps(3).batchSize(64).logEvery(1).build();
        TrainingResult r = new Trainer(c).run(null);
        List<HistoryPoint> h = r.history();
        // up to ε/(0.1·|g|): the clipped critic's gradients are small (|g| ~ 1e-4), so 1e-3
        // relative; Adam's first step would be η = 5e-5, ten times shorter
        assertEquals(5e-4, Math.abs(h.get(1).mu() - h.get(0).mu()), 5e-4 * 1e-3);
        for (double p : r.criticParams()) {
            assertTrue(Math.abs(p) <= 0.01, "clipped critic parameter " + p);
        }
        assertEquals(h, new Trainer(c).run(null).history(), "seeded: bit-identical");
        TrainingConfig adam = c.toBuilder().optimizer(TrainingConfig.Adam.GAN).build();
        assertNotEquals(h, new Trainer(adam).run(null).history());
    }

    /**
     * The linear decay: factor 1 until the last D = round(decay·S) steps, then (S − s + 1)/D; a
     * run whose decay covers all steps moves the Gaussian's μ by less than a constant-rate run
     * whose first step is the same, and decay 0 is the constant-rate run bit for bit.
     */
    @Test
    void learningRateDecaysLinearlyOverTheLastFraction() {
        TrainingConfig.Optimization o = new TrainingConfig.Optimization(TrainingConfig.Adam.GAN, 0.01, 8, 0.5);
        assertEquals(1.0, o.rateFactor(1, 10));
        assertEquals(1.0, o.rateFactor(5, 10));
        assertEquals(1.0, o.rateFactor(6, 10));
        assertEquals(0.8, o.rateFactor(7, 10), 1e-15);
        assertEquals(0.2, o.rateFactor(10, 10), 1e-15);
        assertEquals(1.0, new TrainingConfig.Optimization(TrainingConfig.Adam.GAN, 0.01, 8, 0).rateFactor(10, 10));
        TrainingConfig constant = small("kl", 4).toBuilder().steps(40).logEvery(1).build();
        List<HistoryPoint> plain = new Trainer(constant).run(null).history();
        assertEquals(plain, new Trainer(constant.toBuilder().decay(0).build()).run(null).history());
        List<HistoryPoint> decayed = new Trainer(constant.toBuilder().decay(1).build()).run(null).history();
        assertEquals(plain.get(1).mu(), decayed.get(1).mu(), 0.0, "the first step is at the full rate");
        assertNotEquals(plain.get(plain.size() - 1).mu(), decayed.get(decayed.size() - 1).mu());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> constant.toBuilder().decay(1.5).build());
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }

    @Test
    void alternatingScheduleAndWassersteinClipRun() {
        TrainingConfig c = small("gan", 3).toBuilder().loss(GeneratorLoss.NON_SATURATING)
                .schedule(new Schedule(3)).steps(30).build();
        TrainingResult r = new Trainer(c).run(null);
        assertTrue(Double.isFinite(r.finalEstimate()));
        TrainingConfig w = TrainingConfig.builder(FGAN_TARGET, new Objective.Wasserstein(0.05))
                .networks(TrainingConfig.Networks.gaussian(8)).schedule(new Schedule(5)).steps(20)
                .batchSize(32).logEvery(10).build();
        TrainingResult wr = new Trainer(w).run(null);
        for (double p : wr.criticParams()) {
            assertTrue(Math.abs(p) <= 0.05, "clipped critic parameter " + p);
        }
        assertTrue(Double.isFinite(wr.exact()), "W1 of the trained model is tracked");
    }

    @Test
    void mlpGeneratorOnTwoDimensionalTarget() {
        TrainingConfig c = TrainingConfig.builder(Target.of(GaussianMixture2D.ring(8, 2, 0.02)),
                new Objective.FGan(Divergences.byName("js"))).loss(GeneratorLoss.NON_SATURATING)
                .networks(TrainingConfig.Networks.mlp(2, new int[] {16}, new int[] {16}))
                .steps(20).batchSize(32).learningRate(0.001).logEvery(10).build();
        TrainingResult r = new Trainer(c).run(null);
        assertTrue(Double.isNaN(r.mu()) && Double.isNaN(r.exact()), "no Gaussian parameters, no exact tracking in 2-D");
        assertTrue(Double.isFinite(r.finalEstimate()));
    }

    @Test
    void trainerRunsOnce() {
        Trainer t = new Trainer(small("kl", 1).toBuilder().steps(1).build());
        t.run(null);
        assertThrows(IllegalStateException.class, () -> t.run(null));
    }

    @Test
    void configRejectsBadValuesWithTheValue() {
        Target ring = Target.of(GaussianMixture2D.ring(8, 2, 0.02));
        IllegalArgumentException twoD = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.gaussianFit(ring, new Objective.FGan(Divergences.byName("kl")), 1));
        assertTrue(twoD.getMessage().contains("dimension 2"), twoD.getMessage());
        IllegalArgumentException steps = assertThrows(IllegalArgumentException.class, () -> small("kl", 1).toBuilder().steps(0).build());
        assertTrue(steps.getMessage().contains("got 0"), steps.getMessage());
        IllegalArgumentException lr = assertThrows(IllegalArgumentException.class, () -> small("kl", 1).toBuilder().learningRate(-1).build());
        assertTrue(lr.getMessage().contains("learning rate"), lr.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Objective.Wasserstein(0));
    }

    @Test
    void schedulesAndLossesParse() {
        assertEquals(Schedule.SINGLE_STEP, Schedule.parse("single-step"));
        assertEquals(5, Schedule.parse("alternating:5").criticSteps());
        assertEquals("alternating:5", Schedule.parse("Alternating:5").cliName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.parse("alternating:0"));
        assertTrue(e.getMessage().contains("'0'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Schedule.parse("sometimes"));
        assertEquals(GeneratorLoss.NON_SATURATING, GeneratorLoss.parse("non-saturating"));
        assertThrows(IllegalArgumentException.class, () -> GeneratorLoss.parse("hinge"));
    }
}
