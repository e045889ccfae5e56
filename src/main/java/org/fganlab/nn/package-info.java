/**
 * Small neural networks for the f-GAN trainer: multilayer perceptrons with batched forward and
 * backward passes (including the gradient with respect to the input, which the generator's
 * update needs), and first-order optimisers.
 *
 * <p>Lives here: {@link org.fganlab.nn.Activation} (tanh, ReLU, leaky ReLU, linear),
 * {@link org.fganlab.nn.Mlp} with its caller-owned {@link org.fganlab.nn.Mlp.Workspace},
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
 * <p><b>Plain arrays, not EJML</b> (measured; {@code benchmarks/.../MlpBenchmark}, JDK 17 C2 on
 * the project's 2-core AMD EPYC machine, forward + backward with input gradient of a 1-W-W-1
 * tanh critic): EJML 0.44's {@code CommonOps_DDRM.mult/multTransA/multTransB} on feature-major
 * {@code DMatrixRMaj} took 3.5 to 4 times as long as the loops here at every size measured
 * (batch 256 and 2,048, W = 64 and 256; figures in the README of the benchmarks run). Two
 * reasons: EJML's inner loops advance two indices into one flat array, which C2 in JDK 17 does
 * not vectorise, and the weight gradient D·Aᵀ is {@code multTransB}, a dot product per entry,
 * i.e. a serial floating-point reduction. Here every activation row is its own {@code double[]}
 * (feature-major: one row per unit, one entry per sample), every hot loop indexes all its arrays
 * by the same counter, so C2 emits AVX2 code (measured 3× over scalar for the 4-row
 * multiply-add), and the weight gradient is an outer-product accumulation over 32-sample tiles
 * transposed into scratch, with the long dimension innermost. The weight matrix is read as
 * scalars kept in registers, four input rows per pass.
 *
 * <p><b>tanh</b>: {@code Math.tanh} is a JNI call into fdlibm in JDK 17 (27–33 ns); on the f-GAN
 * critic it cost more than all the matrix products together. {@link org.fganlab.nn.Activation#TANH}
 * uses Cody and Waite's rational form below ln(3)/2 and the intrinsic {@code Math.exp} above,
 * within 2 ulp of {@code Math.tanh} (tested over 10⁶ arguments), about 3× faster.
 *
 * <p>May use: the JDK and Hipparchus' {@code RandomGenerator}. Nothing else in fgan-lab; the
 * {@code gan} package builds on this one.
 */
package org.fganlab.nn;
