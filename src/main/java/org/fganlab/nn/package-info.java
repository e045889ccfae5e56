/**
 * Small neural networks for the f-GAN trainer: multilayer perceptrons with batched forward and
 * backward passes (including the gradient with respect to the input, which the generator's
 * update needs), and first-order optimisers.
 *
 * <p>Lives here: {@link org.fganlab.nn.Activation} (tanh, ReLU, leaky ReLU, linear),
 * {@link org.fganlab.nn.Mlp} (the chain rule, one method per layer and direction) with its
 * caller-owned {@link org.fganlab.nn.Mlp.Workspace} and its loops over rows in
 * {@code MlpKernels},
 * {@link org.fganlab.nn.Optimizer} with {@link org.fganlab.nn.Adam} and
 * {@link org.fganlab.nn.Sgd}.
 *
 * <p>Conventions (EJML's): parameters are one flat {@code double[]} with the layout documented
 * in {@link org.fganlab.nn.Mlp} (w[i*nIn + j] then b[i], layer after layer), so an optimiser, a
 * weight clipper or a checkpoint sees a plain vector; outputs go into caller-owned arrays, each
 * argument is documented "modified" or "not modified" with its aliasing rule; the public methods
 * check lengths and then run unchecked loops; nothing in a training step allocates (a test
 * counts the bytes). Initialisation is deterministic given the generator's state.
 *
 * <p>Implementation (JDK 17 C2): every product-sum of the affine maps and weight gradients is a
 * chain of {@code Math.fma} in a fixed order over rows that are arrays of their own, which C2
 * vectorises; batches run in chunks of 256 samples (a layer's rows stay in L2); the affine map
 * uses a 2×2 register block and the weight gradient outer-product tiles, each inner loop in a
 * small method of its own so that C2 compiles it from its own profile; {@link
 * org.fganlab.nn.Activation#TANH} is a branch-free rational approximation, because
 * {@code Math.tanh} is a native call costing more than the matrix products. No Vector API and no
 * EJML: both were measured and lost on a whole training step (the figures are in
 * {@code docs/performance-notes.md}).
 *
 * <p>May use: the JDK and Hipparchus' {@code RandomGenerator}. Nothing else in fgan-lab; the
 * {@code gan} package builds on this one.
 */
package org.fganlab.nn;
