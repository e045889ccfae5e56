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
 * <p><b>Implementation chosen, and why</b> (JDK 17 C2, the project's 2-core AMD EPYC with AVX2).
 * All figures are per-thread CPU time, minimum over repeats, measured while other processes
 * loaded the machine; ratios are more reliable than absolutes.
 * <ul>
 *   <li><b>Fused multiply-adds.</b> Every product-sum of the affine map and the weight
 *       gradient is a chain of {@code Math.fma} in a fixed order, which C2 vectorises: 12
 *       multiply-adds per ns at width 64 and 10 at width 256, where the former
 *       multiply-then-add form ran at only 4.4 (that was the unexplained width-256 slowdown).</li>
 *   <li><b>No Vector API here (tried, measured, left out).</b> Register-blocked
 *       {@code jdk.incubator.vector} twins of the two kernels, with the same fused operations in
 *       the same order (so the same bits), ran at 15 multiply-adds per ns (affine map, 4 rows ×
 *       8 samples) and 11.5–12.5 (weight gradient, 4 × 8) against 12 and 7.5 in isolation, but
 *       the whole forward + backward pass at batch 1,024 gained only 8% (1.58 against 1.72 ms)
 *       and the training step nothing (1.8–2.0 ms either way). Worse, inside the trainer C2
 *       kept running parts of them through the API's non-intrinsic fallback: about 2.2 KB
 *       allocated per step, against none for the scalar loops. Written with separate
 *       multiplies and adds they were slower than the scalar code (10 per ns: bound by
 *       instruction issue).</li>
 *   <li><b>Feature-major rows, not EJML.</b> EJML 0.44's {@code CommonOps_DDRM.mult/
 *       multTransA/multTransB} on feature-major {@code DMatrixRMaj} took 3.8–4.3 times as long
 *       ({@code MlpBenchmark.ejmlForwardBackward}): its loops advance two indices into one flat
 *       array, which C2 does not vectorise, and {@code multTransB} is a dot product per entry,
 *       a serial floating-point reduction. Here every row is its own {@code double[]}, every hot
 *       loop indexes all its arrays by the same counter, and C2 emits AVX2 code.</li>
 *   <li><b>Affine map: a 2×2 register block</b> (two output rows, two input rows per pass;
 *       weights in registers): 12 multiply-adds per ns on 64 × 64 × 256, against 9.9 for the
 *       former one-output/four-input pass; 2×4, 1×6 and 1×8 blocks defeat the vectoriser
 *       (3–5 per ns), and so does a loop bound written {@code p + 2 <= n} instead of
 *       {@code p < even} (4.8 per ns). Narrow layers (1 → W, W → 1) run in a separate method so
 *       that their one-trip loops do not shape C2's profile of the wide one.</li>
 *   <li><b>Chunks of 256 samples.</b> A 64-wide layer's rows for 256 samples (128 KiB) stay in
 *       the 512 KiB L2 cache; with rows of 1,024 samples the same kernel ran at 8 per ns.</li>
 *   <li><b>Inner loops in their own small methods</b> ({@code block2x2}, {@code rank4}): called
 *       thousands of times per pass, C2 compiles them from their own profile. Inlined in the
 *       long-running layer loop, the same code ran 2× slower in a cold JVM, depending on which
 *       batch sizes ran first.</li>
 *   <li><b>Weight gradient</b> Σ_b δ_i a_j: outer-product accumulation over 32-sample tiles
 *       transposed into scratch, four rank-one updates per pass, the longer of (inputs + 1) and
 *       outputs innermost (9 per ns); a dot product per entry would be a serial reduction.</li>
 *   <li><b>Input gradient only</b>: {@link org.fganlab.nn.Mlp#backward} with
 *       {@code gradParams == null} skips the weight-gradient products (half a backward pass).</li>
 *   <li><b>Threads</b>: {@link org.fganlab.nn.Mlp#workspace(int, int)} splits a batch's chunks
 *       into contiguous groups run as fork-join tasks, with the weight gradients of the later
 *       groups' chunks kept apart and added in chunk order, so the bits equal one thread's.
 *       Batch 2,048, width 64: 1.96 against 3.52 ms; width 256: 28 against 49 ms.</li>
 * </ul>
 * Net effect, forward + backward with input gradient of the 1-64-64-1 tanh critic at batch
 * 1,024: about 1.6 ms in one thread (2.17 ms before this work); at width 256 and batch 2,048,
 * 48 ms (91.6 ms with the former multiply-then-add kernel).
 *
 * <p><b>tanh</b>: {@code Math.tanh} is a JNI call into fdlibm in JDK 17 (about 30 ns); in the
 * critic it would cost more than all the matrix products. {@link org.fganlab.nn.Activation#TANH}
 * is branch-free and vectorised by C2: clamp, a Cody–Waite rational at x/64, six doublings in
 * homogeneous form, one division; within 10 ulp and 7·10⁻¹⁶ absolute of
 * {@code StrictMath.tanh} (tested on 5·10⁶ arguments), about 2 ns per value in the row kernel,
 * against 9 ns for the former scalar Cody–Waite/{@code Math.exp} version (2 ulp) and 30 ns for
 * {@code Math.tanh}. A single loop with all steps exceeds C2's unrolling limit and runs scalar,
 * so the row kernel runs in three loops.
 *
 * <p>May use: the JDK and Hipparchus' {@code RandomGenerator}. Nothing else in fgan-lab; the
 * {@code gan} package builds on this one.
 */
package org.fganlab.nn;
