package org.fganlab.estimate;

import java.util.stream.IntStream;
import org.hipparchus.special.Gamma;

/**
 * The k-nearest-neighbour estimator of KL(P‖Q) in R^d (Wang, Kulkarni &amp; Verdú 2009, IEEE
 * Trans. Inf. Theory 55(5), eq. (5) and its bias-corrected generalisation, Theorem 2; Pérez-Cruz
 * 2008):
 * <pre>
 *   D̂ = (1/n) Σ_i [ d·log(ν_{l_i}(i) / ρ_{k_i}(i)) + ψ(k_i) − ψ(l_i) ] + log(m / (n − 1))
 * </pre>
 * for n points x_i from P and m from Q, ρ_k(i) the distance from x_i to its k-th nearest
 * neighbour among the other points of P, ν_l(i) the distance to its l-th nearest neighbour in Q,
 * ψ the digamma function. It follows from the k-NN density estimates
 * log p̂(x_i) = ψ(k) − log(n − 1) − log(c_d ρ_k^d) and log q̂(x_i) = ψ(l) − log m − log(c_d ν_l^d),
 * c_d the volume of the unit ball, which cancels.
 *
 * <p><b>Properties.</b> Consistent (mean-square, WKV Theorems 1–2) for fixed k when p and q are
 * continuous with KL &lt; ∞; biased at finite n, with a bias that grows with d and with how fast
 * p/q varies over a k-NN ball (for distant Gaussians the estimate is typically low at small n).
 * It is not a bound in either direction. Distances are Euclidean, so the estimate is invariant
 * under rotations and translations of both samples, not under anisotropic rescaling.
 *
 * <p><b>Tie policy.</b> A point at distance exactly 0 from x_i (a duplicate; x_i itself in P) is
 * not a neighbour: ρ_{k_i}(i) is the k-th smallest <em>positive</em> distance, whose rank among
 * the other points of P is k_i = k + (number of duplicates of x_i in P other than itself), and
 * likewise ν_{l_i}(i) with l_i = k + (number of copies of x_i in Q). This is WKV's estimator with
 * point-dependent k_i, l_i, their digamma correction included, so duplicates give finite terms
 * and, without duplicates, k_i = l_i = k and the digamma terms cancel (the usual fixed-k form).
 * If P holds fewer than k points distinct from some x_i, or Q fewer than k points distinct from
 * it, the estimate is undefined and an {@link IllegalArgumentException} says so.
 *
 * <p><b>k.</b> Given, or {@link #defaultK}: k = 3. The estimator is
 * consistent for every fixed k; a larger k lowers the variance but raises the finite-n bias,
 * which dominates the error where P has mass in Q's tails: for N(0, I₂) against N(1, I₂)
 * (KL = 1) at n = m = 8,000 the mean over four seeds is 0.959, 0.947 and 0.919 for k = 1, 3, 10,
 * and at n = 128,000 it is 1.001, 0.996 and 0.987 (the bias falls roughly as n^(−1/2)).
 *
 * <p>Queries run in parallel over fixed blocks of points; the per-point terms are summed in point
 * order with compensated summation, so the result does not depend on the thread count.
 */
public final class KnnKl {

    /** What this estimator is, for {@link Estimate#properties()}. */
    public static final String PROPERTIES = "consistent (fixed k, WKV 2009); biased at finite n,"
            + " the bias growing with d; not a bound";

    /** The default neighbour rank. */
    public static final int DEFAULT_K = 3;

    private static final int BLOCK = 512;

    private KnnKl() {
    }

    /**
     * The delete-half jackknife interval widened by the estimator's extrapolated finite-n bias,
     * a bias-aware interval [low − |r|, high + |r|]. The jackknife measures the sampling spread
     * only; the k-NN estimate is biased at finite n, its bias b(n) shrinking like n^(−α) (for
     * densities bounded on a compact set α = 1/d, slower where P has mass in Q's tails), and in 2
     * or more dimensions at n = 10³ that bias is of the order of the spread, so the jackknife
     * interval alone covers KL less often than 95% (84 of 100 seeds for N(0,I₂) against
     * N((0.6,−0.3), diag(1.3², 0.8²)) in {@code IntervalCoverageTest}). The drift D = estimate −
     * mean of the half-sample estimates has E[D] = b(n) − b(n/2) = −(2^α − 1)·b(n), so
     * r = D/(2^α − 1), with α = 1/d, estimates the bias (in 1-D r = D). D is noisy (its standard
     * deviation is about twice its mean in that example), so both ends move out by |r| rather
     * than one end by r. The point estimate is not changed (it is still the WKV estimator, as the
     * SciPy peer computes it).
     *
     * @param jackknife the delete-half jackknife interval
     * @param drift the estimate minus the mean of its half-sample replicates
     * @param dimension d ≥ 1
     * @return the widened interval
     */
    public static Bootstrap.Interval withBiasReach(Bootstrap.Interval jackknife, double drift, int dimension) {
        double reach = Math.abs(drift) / (Math.pow(2.0, 1.0 / dimension) - 1.0);
        return new Bootstrap.Interval(jackknife.low() - reach, jackknife.high() + reach);
    }

    /**
     * The per-point terms and the constant of the estimator: D̂ = constant + mean(terms).
     *
     * @param terms t_i = d·log(ν_{l_i}(i)/ρ_{k_i}(i)) + ψ(k_i) − ψ(l_i), one per point of P
     * @param constant log(m/(n − 1))
     * @param k the neighbour rank used
     */
    public record Terms(double[] terms, double constant, int k) {
        /** The estimate constant + mean(terms), in nats. */
        public double value() {
            return constant + Bootstrap.mean(terms);
        }
    }

    /**
     * The default k: {@value #DEFAULT_K}, whatever the sample sizes (smaller samples are an
     * error of {@link #terms}, not a silently smaller k).
     */
    public static int defaultK() {
        return DEFAULT_K;
    }

    /**
     * The estimate of KL(P‖Q) in nats.
     *
     * @param p n ≥ k + 1 points from P
     * @param q m ≥ k points from Q, same dimension
     * @param k the neighbour rank, ≥ 1
     * @return D̂, finite
     * @throws IllegalArgumentException as {@link #terms}
     */
    public static double estimate(Samples p, Samples q, int k) {
        return terms(p, q, k).value();
    }

    /**
     * The per-point terms, for the estimate and its bootstrap.
     *
     * @param p n ≥ k + 1 points from P
     * @param q m ≥ k points from Q, same dimension
     * @param k the neighbour rank, ≥ 1
     * @return the terms and constant
     * @throws IllegalArgumentException if k &lt; 1, the dimensions differ, n &lt; k + 1, m &lt; k,
     *     or for some x_i P or Q holds fewer than k points distinct from it (the tie policy)
     */
    public static Terms terms(Samples p, Samples q, int k) {
        if (p.dimension() != q.dimension()) {
            throw new IllegalArgumentException("P and Q samples must have the same dimension, got "
                    + p.dimension() + " and " + q.dimension());
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        int n = p.size();
        int m = q.size();
        checkSizes(n, m, k);
        int d = p.dimension();
        KdTree treeP = new KdTree(p);
        KdTree treeQ = new KdTree(q);
        double[] x = p.raw();
        double[] terms = new double[n];
        String[] failure = new String[1];
        int blocks = (n + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            KdTree.Query qp = treeP.new Query(k);
            KdTree.Query qq = treeQ.new Query(k);
            int end = Math.min(n, (b + 1) * BLOCK);
            for (int i = b * BLOCK; i < end; i++) {
                double rho = qp.kthPositiveDistance(x, i * d, k);
                int ki = k + qp.zeros() - 1;
                double nu = qq.kthPositiveDistance(x, i * d, k);
                int li = k + qq.zeros();
                if (rho == Double.POSITIVE_INFINITY || nu == Double.POSITIVE_INFINITY) {
                    synchronized (failure) {
                        if (failure[0] == null) {
                            failure[0] = (rho == Double.POSITIVE_INFINITY ? "P" : "Q")
                                    + " holds fewer than k = " + k + " points distinct from P's point "
                                    + i + "; the k-NN estimate needs k distinct neighbours";
                        }
                    }
                    return;
                }
                double t = d * Math.log(nu / rho);
                if (ki != li) {
                    t += Gamma.digamma(ki) - Gamma.digamma(li);
                }
                terms[i] = t;
            }
        });
        if (failure[0] != null) {
            throw new IllegalArgumentException(failure[0]);
        }
        return new Terms(terms, Math.log((double) m / (n - 1)), k);
    }

    private static void checkSizes(int n, int m, int k) {
        if (n < k + 1 || m < k) {
            throw new IllegalArgumentException("k-NN KL with k = " + k + " needs at least "
                    + (k + 1) + " samples from P and " + k + " from Q, got " + n + " and " + m);
        }
    }
}
