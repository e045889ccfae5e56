package org.fganlab.gan;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.fganlab.nn.Activation;
import org.fganlab.nn.Mlp;
import org.hipparchus.random.RandomGenerator;

/**
 * An MLP generator G(z) = MLP_θ(z), z ~ N(0, I_k), with a linear output layer. Keeps the
 * workspace of its last forward pass for {@link #backward} (not thread-safe).
 */
public final class MlpGenerator implements Generator {

    private final Mlp mlp;
    private final Mlp.Workspace workspace;

    /**
     * @param latentDimension k ≥ 1
     * @param hidden hidden widths (each ≥ 1; may be empty for an affine map)
     * @param outputDimension d ≥ 1
     * @param activation hidden activation
     * @param maxBatch largest batch generate will be called with
     * @throws IllegalArgumentException for a non-positive size
     */
    public MlpGenerator(int latentDimension, int[] hidden, int outputDimension, Activation activation,
            int maxBatch) {
        int[] widths = new int[hidden.length + 2];
        widths[0] = latentDimension;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = outputDimension;
        this.mlp = new Mlp(widths, activation, Activation.LINEAR);
        this.workspace = mlp.workspace(maxBatch);
    }

    /** The network (its parameter layout documents θ). */
    public Mlp network() {
        return mlp;
    }

    @Override
    public int latentDimension() {
        return mlp.inputSize();
    }

    @Override
    public int outputDimension() {
        return mlp.outputSize();
    }

    @Override
    public int parameterCount() {
        return mlp.parameterCount();
    }

    @Override
    public void initialize(double[] params, RandomGenerator rng) {
        mlp.initialize(params, rng);
    }

    @Override
    public void generate(double[] params, double[] z, int batch, double[] x) {
        mlp.forward(params, z, batch, workspace, x);
    }

    @Override
    public void backward(double[] params, double[] z, int batch, double[] gradX, double[] gradParams) {
        mlp.backward(params, gradX, batch, workspace, gradParams, null);
    }

    @Override
    public String describe() {
        return "mlp " + Arrays.stream(mlp.widths()).mapToObj(Integer::toString)
                .collect(Collectors.joining("-"));
    }
}
