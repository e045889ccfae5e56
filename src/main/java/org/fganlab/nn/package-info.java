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
 * <p><b>Plain arrays, not EJML</b>, measured ({@code MlpBenchmark}'s methods; JDK 17 C2, the
 * project's 2-core AMD EPYC machine; forward + backward with input gradient of a 1-W-W-1 tanh
 * critic; median thread CPU time, as the shared machine made wall times noisy; JMH's wall times
 * give the same ratios): EJML 0.44's {@code CommonOps_DDRM.mult/multTransA/multTransB} on
 * feature-major {@code DMatrixRMaj} (its favourable layout, same tanh) took 3.8–4.3 times as
 * long at every size measured (batch 256/1,024/2,048, W = 64/256; e.g. 8.4 ms against 2.0 ms at
 * batch 1,024, W = 64). Two reasons: EJML's inner loops advance two indices into one flat array,
 * which C2 in JDK 17 does not vectorise, and the weight gradient D·Aᵀ is {@code multTransB}, a
 * dot product per entry, i.e. a serial floating-point reduction. Here every activation row is
 * its own {@code double[]} (feature-major: one row per unit, one entry per sample) and every hot
 * loop indexes all its arrays by the same counter, so C2 emits AVX2 code (3× the scalar loop);
 * the weights are scalars in registers, four input rows per pass (two output rows or eight input
 * rows per pass defeat the vectoriser); the weight gradient is an outer-product accumulation over
 * 32-sample tiles transposed into scratch, with the longer dimension innermost. The kernels run
 * at about 8 multiply-adds per ns.
 *
 * <p><b>tanh</b>: {@code Math.tanh} is a JNI call into fdlibm in JDK 17 (about 30 ns); in the
 * critic it would cost more than all the matrix products. {@link org.fganlab.nn.Activation#TANH}
 * uses Cody and Waite's rational form below ln(3)/2 and the intrinsic {@code Math.exp} above,
 * within 2 ulp of {@code Math.tanh} (tested over 10⁶ arguments), 3.3–4.7 times faster.
 *
 * <p>May use: the JDK and Hipparchus' {@code RandomGenerator}. Nothing else in fgan-lab; the
 * {@code gan} package builds on this one.
 */
package org.fganlab.nn;
