package org.fganlab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.fganlab.density.Density;
import org.fganlab.density.DensitySpec;
import org.fganlab.density.Normal;
import org.fganlab.divergence.Divergences;
import org.fganlab.divergence.FDivergence;
import org.fganlab.gan.Objective;
import org.fganlab.gan.Target;
import org.fganlab.gan.Trainer;
import org.fganlab.gan.TrainingConfig;
import org.fganlab.gan.TrainingResult;
import org.fganlab.theory.ExactDivergence;
import org.fganlab.theory.GaussianFit;

/**
 * {@code gaussian-fit}: the protocol of f-GAN §4 (Nowozin et al. 2016). Target
 * P = 0.33·N(−1, 0.25²) + 0.67·N(2, 1.415²); model Q_θ = μ + σz, z ~ N(0,1); critic V an MLP with
 * two hidden layers of 64 tanh units; single-step gradient; batches of 1,024 from P and from Q;
 * Adam with step size 0.01 (β1 = 0.5). For every registered divergence: the exact optimum
 * (μ*, σ*, D_f*) by quadrature beside the trained (μ̂, σ̂, F̂) over several seeds, and the cross
 * table D_g(P‖Q_θ̂_f) of every trained model under every divergence.
 *
 * <p>This class is the compute part: {@link #compute} returns a {@link Result} and writes nothing;
 * {@link GaussianFitSection} renders it.
 */
public final class GaussianFitExperiment implements Experiment {

    /** The f-GAN §4 target. */
    public static final String TARGET = "0.33*normal(-1,0.25) + 0.67*normal(2,1.415)";
    static final int STEPS = 2500;
    static final int QUICK_STEPS = 300;
    static final int SEEDS = 3;
    /** A trained parameter within this distance of the exact optimum counts as converged. */
    static final double TOLERANCE = 0.05;
    /** The divergences whose worst parameter error the headline reports. */
    static final List<String> HEADLINE_DIVERGENCES = List.of("kl", "reverse-kl", "js");

    @Override
    public String name() {
        return "gaussian-fit";
    }

    @Override
    public String title() {
        return "fitting a Gaussian to a mixture with every f-divergence (f-GAN, Nowozin et al. 2016, §4)";
    }

    /** One divergence: its exact optimum and its training runs (failure: why a run stopped, or null). */
    record Row(FDivergence f, GaussianFit.Result optimum, List<TrainingResult> runs, String failure) {
        /** Mean over the finished runs; NaN if none finished. */
        double mean(ToDoubleFunction<TrainingResult> g) {
            return runs.stream().mapToDouble(g).average().orElse(Double.NaN);
        }

        /** N(μ̄, σ̄) with the seed-mean trained parameters; null if no run finished. */
        Normal meanModel() {
            return runs.isEmpty() ? null : new Normal(mean(TrainingResult::mu), mean(TrainingResult::sigma));
        }

        /** Sample standard deviation over the finished runs; NaN below two. */
        double std(ToDoubleFunction<TrainingResult> g) {
            double m = mean(g);
            int n = runs.size();
            if (n < 2) {
                return Double.NaN;
            }
            double s = runs.stream().mapToDouble(r -> (g.applyAsDouble(r) - m) * (g.applyAsDouble(r) - m)).sum();
            return Math.sqrt(s / (n - 1));
        }

        /** |μ̄ − μ*|. */
        double muError() {
            return Math.abs(mean(TrainingResult::mu) - optimum.mu());
        }

        /** |σ̄ − σ*|. */
        double sigmaError() {
            return Math.abs(mean(TrainingResult::sigma) - optimum.sigma());
        }

        /** Some run finished and both parameters are within {@link #TOLERANCE} of the optimum. */
        boolean converged() {
            return !runs.isEmpty() && muError() < TOLERANCE && sigmaError() < TOLERANCE;
        }
    }

    /**
     * A column of the cross table whose minimum is off the diagonal.
     *
     * @param column the divergence measuring (index into the rows)
     * @param argmin the row with the smallest value in that column
     * @param gap cross[column][column] − cross[argmin][column], nats
     * @param sameOptimum whether both divergences have the same exact optimum (to 1e-6)
     */
    record OffDiagonal(int column, int argmin, double gap, boolean sameOptimum) {
    }

    /**
     * The result.
     *
     * @param seeds training runs per divergence
     * @param steps generator steps per run
     * @param rows one per divergence, in registry order
     * @param cross cross[i][j] = D_{g_j}(P‖N(μ̄_i, σ̄_i)), NaN where row i has no trained model
     */
    record Result(int seeds, int steps, List<Row> rows, double[][] cross) {

        /** max |θ̂ − θ*| over μ and σ of {@link #HEADLINE_DIVERGENCES}. */
        double worstGaussianError() {
            double worst = 0;
            for (Row r : rows) {
                if (!r.runs().isEmpty() && HEADLINE_DIVERGENCES.contains(r.f().name())) {
                    worst = Math.max(worst, Math.max(r.muError(), r.sigmaError()));
                }
            }
            return worst;
        }

        /** Names of the divergences not within {@link #TOLERANCE} (diverged included), in row order. */
        List<String> notConverged() {
            return rows.stream().filter(r -> !r.converged()).map(r -> r.f().name()).toList();
        }

        /** The columns of the cross table whose minimum is off the diagonal, in column order. */
        List<OffDiagonal> offDiagonal() {
            List<OffDiagonal> out = new ArrayList<>();
            for (int j = 0; j < rows.size(); j++) {
                int argmin = -1;
                for (int i = 0; i < rows.size(); i++) {
                    if (!Double.isNaN(cross[i][j]) && (argmin < 0 || cross[i][j] < cross[argmin][j])) {
                        argmin = i;
                    }
                }
                if (argmin != j && argmin >= 0) {
                    GaussianFit.Result a = rows.get(j).optimum();
                    GaussianFit.Result b = rows.get(argmin).optimum();
                    boolean same = Math.abs(a.mu() - b.mu()) < 1e-6 && Math.abs(a.sigma() - b.sigma()) < 1e-6;
                    out.add(new OffDiagonal(j, argmin, cross[j][j] - cross[argmin][j], same));
                }
            }
            return out;
        }
    }

    @Override
    public Outcome run(Context ctx) {
        return GaussianFitSection.render(this, compute(ctx.size(), ctx.seed(), ctx.progress()), ctx.dir());
    }

    /**
     * Trains every divergence (QUICK: one seed, {@link #QUICK_STEPS}; FULL is STANDARD) and fits
     * its exact optimum. Runs in parallel; each run has its own seed.
     *
     * @param size the sizes
     * @param seed the base seed (run s of every divergence uses seed + s)
     * @param progress receives a line every five training runs
     * @return the rows and the cross table
     */
    static Result compute(Size size, long seed, Consumer<String> progress) {
        Density p = DensitySpec.parse(TARGET);
        Target target = Target.of(p);
        List<FDivergence> fs = Divergences.all();
        int seeds = size == Size.QUICK ? 1 : SEEDS;
        int steps = size == Size.QUICK ? QUICK_STEPS : STEPS;
        AtomicInteger done = new AtomicInteger();
        int total = fs.size() * seeds;
        // every (divergence, seed) run is independent and seeded: run them in parallel
        TrainingResult[][] results = new TrainingResult[fs.size()][seeds];
        String[] failures = new String[fs.size()];
        IntStream.range(0, total).parallel().forEach(k -> {
            int i = k / seeds;
            int s = k % seeds;
            TrainingConfig c = TrainingConfig.builder(target, new Objective.FGan(fs.get(i)))
                    .seed(DerivedSeeds.replicate(seed, s)).steps(steps).build();
            try {
                results[i][s] = new Trainer(c).run(null);
            } catch (IllegalStateException e) {
                failures[i] = e.getMessage();
            }
            int n = done.incrementAndGet();
            if (n % 5 == 0 || n == total) {
                progress.accept(n + "/" + total + " training runs");
            }
        });
        List<Row> rows = rows(p, fs, results, failures);
        return new Result(seeds, steps, rows, crossTable(p, rows));
    }

    private static List<Row> rows(Density p, List<FDivergence> fs, TrainingResult[][] results,
            String[] failures) {
        GaussianFit fitter = GaussianFit.standard();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < fs.size(); i++) {
            List<TrainingResult> ok = new ArrayList<>();
            for (TrainingResult r : results[i]) {
                if (r != null) {
                    ok.add(r);
                }
            }
            rows.add(new Row(fs.get(i), fitter.fit(fs.get(i), p), ok, failures[i]));
        }
        return rows;
    }

    /** cross[i][j] = D_{g_j}(P‖N(μ̄_i, σ̄_i)), θ̄_i the seed-mean of divergence i's trained model. */
    private static double[][] crossTable(Density p, List<Row> rows) {
        double[][] cross = new double[rows.size()][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Normal q = r.meanModel();
            for (int j = 0; j < rows.size(); j++) {
                cross[i][j] = q == null ? Double.NaN
                        : ExactDivergence.standard().divergence(rows.get(j).f(), p, q).value();
            }
        }
        return cross;
    }
}
