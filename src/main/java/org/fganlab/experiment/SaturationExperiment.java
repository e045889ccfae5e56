package org.fganlab.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.density.Normal;
import org.fganlab.density.StandardNormal;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.divergence.SpecialFunctions;
import org.fganlab.gan.GaussianGenerator;
import org.fganlab.gan.GeneratorLoss;
import org.fganlab.gan.Objective;
import org.fganlab.gan.Schedule;
import org.fganlab.gan.Target;
import org.fganlab.gan.Trainer;
import org.fganlab.gan.TrainingConfig;
import org.fganlab.theory.ExactDivergence;
import org.fganlab.theory.GeneratorGradients;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * {@code saturation}: why the non-saturating generator loss exists (Goodfellow et al. 2014, §3;
 * Arjovsky &amp; Bottou 2017, §2.2). Three parts:
 * <ol>
 *   <li>analytic: with D = σ(v) the slopes |∂/∂v log(1 − D)| = D (minimax) and
 *       |∂/∂v [−log D]| = 1 − D (non-saturating), read off the GAN row of {@link FDivergence}
 *       (b' = (f*∘g_f)' and a' = g_f'), over D ∈ [10⁻⁶, 1 − 10⁻⁶];</li>
 *   <li>measured: a GAN (objective {@code gan}) with a Gaussian generator started at N(0, 1)
 *       against P = N(4, 0.5²) and a strong discriminator (K critic steps per generator step);
 *       after every generator step the generator gradient |∂L/∂θ| of both losses at the same
 *       (ω, θ) on the same fresh latent batch, and the mean D(G(z));</li>
 *   <li>identities: Arjovsky &amp; Bottou 2017, Thm 2.5, over a grid of Gaussian generators
 *       against the gaussian-fit target, by {@link GeneratorGradients} (score-function integral
 *       against a five-point difference of exact divergences), in μ and in σ.</li>
 * </ol>
 *
 * <p>This class is the compute part: {@link #compute} returns a {@link Result} and writes nothing;
 * {@link SaturationSection} renders it.
 */
public final class SaturationExperiment implements Experiment {

    /** The data distribution of part 2, far from the generator's start N(0, 1). */
    static final String TRAIN_TARGET = "normal(4,0.5)";
    /** Critic steps per generator step in part 2 (a strong discriminator). */
    static final int CRITIC_STEPS = 50;
    static final int STEPS = 150;
    static final int QUICK_STEPS = 20;
    static final int BATCH = 128;
    static final int PROBE_BATCH = 1024;
    /** Hidden widths of the critic of part 2 (tanh). */
    static final int[] CRITIC_HIDDEN = {32, 32};
    /** D values of the part-1 table. */
    static final double[] TABLE_D = {0.5, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6};
    static final double[] GRID_MU = {-2, -1, 0, 1, 2, 3, 4};
    static final double[] GRID_SIGMA = {0.5, 1, 1.5, 2};
    static final double[] QUICK_GRID_MU = {-1, 2};
    static final double[] QUICK_GRID_SIGMA = {0.5, 1.5};

    private static final FDivergence GAN = Divergences.byName("gan");

    @Override
    public String name() {
        return "saturation";
    }

    @Override
    public String title() {
        return "why the non-saturating generator loss exists: gradients of log(1 − D) and −log D";
    }

    /**
     * |∂/∂v| of the two generator losses at discriminator output D = σ(v), from the GAN row of
     * the divergence registry: minimax log(1 − D) = −f*(g_f(v)) has slope −(f*∘g_f)'(v) = −D;
     * non-saturating −log D = −g_f(v) has slope −g_f'(v) = −(1 − D).
     *
     * @param v the discriminator logit, finite
     * @return {|∂/∂v log(1 − D)|, |∂/∂v (−log D)|}
     */
    static double[] logitSlopes(double v) {
        return new double[] {Math.abs(GAN.conjugateOfActivationDerivative(v)),
            Math.abs(GAN.outputActivationDerivative(v))};
    }

    /** logit(D) = log(D/(1 − D)), for D in (0, 1). */
    static double logit(double d) {
        return Math.log(d) - Math.log1p(-d);
    }

    /** One logged generator step of part 2. */
    record Probe(int step, double mu, double sigma, double meanD, double minimaxNorm,
            double nonSaturatingNorm) {
    }

    /** One point of part 3. */
    record IdentityRow(double mu, double sigma, GeneratorGradients.Parameter parameter,
            GeneratorGradients.Result result) {
        double residual(boolean nonSaturating) {
            GeneratorGradients.Sides s = nonSaturating ? result.nonSaturating() : result.saturating();
            return s.scoreGradient() - s.finiteDifference();
        }

        double tolerance(boolean nonSaturating) {
            GeneratorGradients.Sides s = nonSaturating ? result.nonSaturating() : result.saturating();
            return s.scoreError() + s.finiteDifferenceError();
        }
    }

    /**
     * The two slopes at one discriminator output (part 1).
     *
     * @param d D = σ(v)
     * @param v the logit
     * @param minimax |∂/∂v log(1 − D)| = D
     * @param nonSaturating |∂/∂v (−log D)| = 1 − D
     */
    record Slopes(double d, double v, double minimax, double nonSaturating) {
        static Slopes atLogit(double v) {
            double[] s = logitSlopes(v);
            return new Slopes(SpecialFunctions.sigmoid(v), v, s[0], s[1]);
        }

        static Slopes atD(double d) {
            double v = logit(d);
            double[] s = logitSlopes(v);
            return new Slopes(d, v, s[0], s[1]);
        }
    }

    /**
     * One run of part 2.
     *
     * @param loss the generator loss it was trained with
     * @param probes one per generator step
     */
    record TrainingRun(GeneratorLoss loss, List<Probe> probes) {
        Probe first() {
            return probes.get(0);
        }

        Probe last() {
            return probes.get(probes.size() - 1);
        }

        /** ‖∇ minimax‖ / ‖∇ non-saturating‖ after the first generator step. */
        double firstRatio() {
            return first().minimaxNorm() / first().nonSaturatingNorm();
        }

        double minMeanD() {
            return probes.stream().mapToDouble(Probe::meanD).min().orElseThrow();
        }

        double medianRatio() {
            return median(probes.stream().mapToDouble(p -> p.minimaxNorm() / p.nonSaturatingNorm()).toArray());
        }
    }

    /**
     * The worst agreement of one identity in one parameter over the grid (part 3).
     *
     * @param nonSaturating which identity
     * @param parameter μ or σ
     * @param maxResidual max |score − difference|
     * @param maxGradient max |finite difference|
     * @param maxRatio max |residual| / error estimate
     * @param points grid points
     */
    record IdentityStat(boolean nonSaturating, GeneratorGradients.Parameter parameter, double maxResidual,
            double maxGradient, double maxRatio, int points) {
    }

    /**
     * The result.
     *
     * @param steps generator steps of part 2
     * @param table the slopes at {@link #TABLE_D}
     * @param curve the slopes on {@link #logitGrid()}
     * @param runs part 2, in {@link GeneratorLoss} order (minimax first)
     * @param identities part 3, every grid point and parameter
     * @param stats part 3 per identity (minimax first) and parameter
     */
    record Result(int steps, List<Slopes> table, List<Slopes> curve, List<TrainingRun> runs,
            List<IdentityRow> identities, List<IdentityStat> stats) {

        /** The slopes at D = 10⁻⁶. */
        Slopes atOneInAMillion() {
            return Slopes.atD(1e-6);
        }

        double worstResidual() {
            return stats.stream().mapToDouble(IdentityStat::maxResidual).reduce(0, Math::max);
        }

        double worstRatio() {
            return stats.stream().mapToDouble(IdentityStat::maxRatio).reduce(0, Math::max);
        }

        /** Distinct values of a grid coordinate of part 3. */
        long distinct(ToDoubleFunction<IdentityRow> coordinate) {
            return identities.stream().mapToDouble(coordinate).distinct().count();
        }
    }

    @Override
    public Outcome run(Context ctx) {
        return SaturationSection.render(this, compute(ctx.size(), ctx.seed(), ctx.progress()), ctx.dir());
    }

    /**
     * All three parts (QUICK: {@link #QUICK_STEPS} and the small grid; FULL is STANDARD).
     *
     * @param size the sizes
     * @param seed the seed of both training runs
     * @param progress receives a line per part
     * @return the slopes, runs and identities
     */
    static Result compute(Size size, long seed, Consumer<String> progress) {
        boolean quick = size == Size.QUICK;
        int steps = quick ? QUICK_STEPS : STEPS;
        progress.accept("part 2: two GAN runs of " + steps + " generator steps");
        List<TrainingRun> runs = IntStream.range(0, 2).parallel()
                .mapToObj(i -> new TrainingRun(GeneratorLoss.values()[i], train(GeneratorLoss.values()[i], steps, seed)))
                .toList();
        progress.accept("part 3: generator-gradient identities");
        List<IdentityRow> identities = identities(quick);
        List<Slopes> table = Arrays.stream(TABLE_D).mapToObj(Slopes::atD).toList();
        List<Slopes> curve = Arrays.stream(logitGrid()).mapToObj(Slopes::atLogit).toList();
        return new Result(steps, table, curve, runs, identities, identityStats(identities));
    }

    /** Part 2: one run trained with {@code loss}, both losses' gradients probed every step. */
    static List<Probe> train(GeneratorLoss loss, int steps, long seed) {
        Target target = Target.of(DensitySpec.parse(TRAIN_TARGET));
        TrainingConfig c = TrainingConfig.builder(target, new Objective.FGan(GAN)).loss(loss)
                .networks(TrainingConfig.Networks.gaussian(CRITIC_HIDDEN))
                .schedule(new Schedule(CRITIC_STEPS)).steps(steps).batchSize(BATCH)
                .learningRate(0.01).seed(seed).logEvery(1).build();
        Trainer trainer = new Trainer(c);
        CriticProbe probe = new CriticProbe(c.objective(), trainer.critic(), PROBE_BATCH);
        RandomGenerator rng = new Well19937c(DerivedSeeds.mix(seed, 0, 0x5A7L));
        double[] z = new double[PROBE_BATCH];
        List<Probe> out = new ArrayList<>();
        for (int s = 1; s <= steps; s++) {
            trainer.step();
            double[] omega = trainer.criticParameters();
            double[] theta = trainer.generatorParameters();
            StandardNormal.fill(rng, z, z.length);
            double meanD = 0;
            for (double v : probe.fakeOutputs(omega, theta, z)) {
                meanD += SpecialFunctions.sigmoid(v);
            }
            meanD /= z.length;
            out.add(new Probe(s, GaussianGenerator.mu(theta), GaussianGenerator.sigma(theta), meanD,
                    probe.generatorGradient(omega, theta, z, GeneratorLoss.MINIMAX).norm(),
                    probe.generatorGradient(omega, theta, z, GeneratorLoss.NON_SATURATING).norm()));
        }
        return out;
    }

    /** Part 3: both identities in μ and σ over the grid, against the gaussian-fit target. */
    static List<IdentityRow> identities(boolean quick) {
        Density p = DensitySpec.parse(GaussianFitExperiment.TARGET);
        GeneratorGradients g = new GeneratorGradients(ExactDivergence.standard());
        List<IdentityRow> rows = new ArrayList<>();
        for (double sigma : quick ? QUICK_GRID_SIGMA : GRID_SIGMA) {
            for (double mu : quick ? QUICK_GRID_MU : GRID_MU) {
                for (GeneratorGradients.Parameter par : GeneratorGradients.Parameter.values()) {
                    GeneratorGradients.Result r = g.at(p, new Normal(mu, sigma), par);
                    if (r != null) {
                        rows.add(new IdentityRow(mu, sigma, par, r));
                    }
                }
            }
        }
        return rows;
    }

    /** Part 3 per identity (minimax first) and parameter. */
    private static List<IdentityStat> identityStats(List<IdentityRow> ids) {
        List<IdentityStat> out = new ArrayList<>();
        for (boolean nsId : new boolean[] {false, true}) {
            for (GeneratorGradients.Parameter par : GeneratorGradients.Parameter.values()) {
                List<IdentityRow> sel = ids.stream().filter(r -> r.parameter() == par).toList();
                double maxRes = sel.stream().mapToDouble(r -> Math.abs(r.residual(nsId))).max().orElse(0);
                double maxGrad = sel.stream().mapToDouble(r -> Math.abs(nsId
                        ? r.result().nonSaturating().finiteDifference()
                        : r.result().saturating().finiteDifference())).max().orElse(0);
                double maxRatio = sel.stream().mapToDouble(r -> Math.abs(r.residual(nsId))
                        / r.tolerance(nsId)).max().orElse(0);
                out.add(new IdentityStat(nsId, par, maxRes, maxGrad, maxRatio, sel.size()));
            }
        }
        return out;
    }

    /** 401 logits, uniform in v, spanning D = σ(v) ∈ [10⁻⁶, 1 − 10⁻⁶]. */
    static double[] logitGrid() {
        double l = -logit(1e-6);
        double[] v = new double[401];
        for (int i = 0; i < v.length; i++) {
            v[i] = -l + 2 * l * i / (v.length - 1);
        }
        return v;
    }

    /** The median (mean of the two middle values for an even count). */
    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }
}
