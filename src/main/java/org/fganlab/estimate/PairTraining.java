package org.fganlab.estimate;

import org.fganlab.nn.Activation;
import org.fganlab.nn.Adam;
import org.fganlab.nn.Mlp;
import org.hipparchus.random.RandomGenerator;

/**
 * Trains a network V on two samples to minimise L(V) = mean_P ℓ_P(V(x)) + mean_Q ℓ_Q(V(y)),
 * and evaluates the trained V on held-out points. Shared by the classifier (logistic loss) and
 * the critic (negative f-GAN objective). Inputs are standardised by the pooled mean and standard
 * deviation of the training points, per coordinate.
 */
final class PairTraining {

    /** A per-point loss ℓ(v) on the raw output v and its derivative ℓ'(v). */
    interface PointLoss {
        double value(double v);

        double derivative(double v);
    }

    private static final int EVAL_BLOCK = 1024;

    private final Mlp mlp;
    private final double[] params;
    private final double[] shift;
    private final double[] scale;
    private final int d;

    private PairTraining(Mlp mlp, double[] params, double[] shift, double[] scale) {
        this.mlp = mlp;
        this.params = params;
        this.shift = shift;
        this.scale = scale;
        this.d = shift.length;
    }

    /**
     * Trains on p and q: the last fifth of each (at least one point) validates, the rest trains.
     *
     * @param p training points of P (≥ 2)
     * @param q training points of Q (≥ 2), same dimension
     * @param lossP ℓ_P
     * @param lossQ ℓ_Q
     * @param settings network and optimiser
     * @param rng initialisation and mini-batches
     */
    static PairTraining train(Samples p, Samples q, PointLoss lossP, PointLoss lossQ,
            NetworkSettings settings, RandomGenerator rng) {
        int d = p.dimension();
        int valP = Math.max(1, p.size() / 5);
        int valQ = Math.max(1, q.size() / 5);
        Samples pTrain = p.range(0, p.size() - valP);
        Samples qTrain = q.range(0, q.size() - valQ);
        Samples pVal = p.range(p.size() - valP, p.size());
        Samples qVal = q.range(q.size() - valQ, q.size());
        double[] shift = new double[d];
        double[] scale = new double[d];
        standardisation(pTrain, qTrain, shift, scale);
        int[] hidden = settings.hidden();
        int[] widths = new int[hidden.length + 2];
        widths[0] = d;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = 1;
        Mlp mlp = new Mlp(widths, Activation.TANH, Activation.LINEAR);
        double[] params = new double[mlp.parameterCount()];
        mlp.initialize(params, rng);
        PairTraining net = new PairTraining(mlp, params, shift, scale);

        int bp = Math.min(settings.batch(), pTrain.size());
        int bq = Math.min(settings.batch(), qTrain.size());
        int batch = bp + bq;
        Mlp.Workspace ws = mlp.workspace(Math.max(batch, EVAL_BLOCK));
        double[] x = new double[batch * d];
        double[] out = new double[batch];
        double[] gradOut = new double[batch];
        double[] grad = new double[params.length];
        Adam adam = new Adam(params.length, settings.learningRate());
        double[] best = params.clone();
        double bestLoss = net.loss(pVal, qVal, lossP, lossQ, ws);
        int sinceBest = 0;
        double[] rawP = pTrain.raw();
        double[] rawQ = qTrain.raw();
        for (int step = 1; step <= settings.maxSteps(); step++) {
            for (int b = 0; b < bp; b++) {
                net.standardise(rawP, rng.nextInt(pTrain.size()), x, b);
            }
            for (int b = 0; b < bq; b++) {
                net.standardise(rawQ, rng.nextInt(qTrain.size()), x, bp + b);
            }
            mlp.forward(params, x, batch, ws, out);
            for (int b = 0; b < bp; b++) {
                gradOut[b] = lossP.derivative(out[b]) / bp;
            }
            for (int b = 0; b < bq; b++) {
                gradOut[bp + b] = lossQ.derivative(out[bp + b]) / bq;
            }
            java.util.Arrays.fill(grad, 0.0);
            mlp.backward(params, gradOut, batch, ws, grad, null);
            adam.step(params, grad);
            if (step % settings.checkEvery() == 0) {
                double l = net.loss(pVal, qVal, lossP, lossQ, ws);
                if (l < bestLoss) {
                    bestLoss = l;
                    System.arraycopy(params, 0, best, 0, params.length);
                    sinceBest = 0;
                } else if (++sinceBest >= settings.patience()) {
                    break;
                }
            }
        }
        System.arraycopy(best, 0, params, 0, params.length);
        return net;
    }

    /** V at every point of s, in order. */
    double[] outputs(Samples s) {
        return outputs(s, mlp.workspace(EVAL_BLOCK));
    }

    private double[] outputs(Samples s, Mlp.Workspace ws) {
        int n = s.size();
        double[] raw = s.raw();
        double[] v = new double[n];
        double[] x = new double[EVAL_BLOCK * d];
        double[] out = new double[EVAL_BLOCK];
        for (int start = 0; start < n; start += EVAL_BLOCK) {
            int len = Math.min(EVAL_BLOCK, n - start);
            for (int b = 0; b < len; b++) {
                standardise(raw, start + b, x, b);
            }
            mlp.forward(params, x, len, ws, out);
            System.arraycopy(out, 0, v, start, len);
        }
        return v;
    }

    private double loss(Samples p, Samples q, PointLoss lossP, PointLoss lossQ, Mlp.Workspace ws) {
        double lp = 0;
        for (double v : outputs(p, ws)) {
            lp += lossP.value(v);
        }
        double lq = 0;
        for (double v : outputs(q, ws)) {
            lq += lossQ.value(v);
        }
        double l = lp / p.size() + lq / q.size();
        return Double.isNaN(l) ? Double.POSITIVE_INFINITY : l;
    }

    private void standardise(double[] raw, int i, double[] x, int row) {
        for (int k = 0; k < d; k++) {
            x[row * d + k] = (raw[i * d + k] - shift[k]) / scale[k];
        }
    }

    private static void standardisation(Samples p, Samples q, double[] shift, double[] scale) {
        int d = p.dimension();
        int n = p.size() + q.size();
        for (int k = 0; k < d; k++) {
            double s = 0;
            for (int i = 0; i < p.size(); i++) {
                s += p.get(i, k);
            }
            for (int i = 0; i < q.size(); i++) {
                s += q.get(i, k);
            }
            double mean = s / n;
            double ss = 0;
            for (int i = 0; i < p.size(); i++) {
                ss += (p.get(i, k) - mean) * (p.get(i, k) - mean);
            }
            for (int i = 0; i < q.size(); i++) {
                ss += (q.get(i, k) - mean) * (q.get(i, k) - mean);
            }
            double sd = Math.sqrt(ss / n);
            shift[k] = mean;
            scale[k] = sd > 0 ? sd : 1.0;
        }
    }

    /** A random half of s (first) and the rest (second), by a seeded permutation. */
    static Samples[] split(Samples s, RandomGenerator rng) {
        int[] perm = Seeds.permutation(s.size(), rng);
        int half = s.size() / 2;
        return new Samples[] {s.select(java.util.Arrays.copyOfRange(perm, 0, half)),
            s.select(java.util.Arrays.copyOfRange(perm, half, s.size()))};
    }
}
