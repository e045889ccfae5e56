/**
 * Sweeps: grids of training runs. A {@link org.fganlab.sweep.Grid} (JSON: option name → list of
 * values, optional {@code "exclude"}) expands to {@link org.fganlab.sweep.RunSpec}s with stable
 * ids; {@link org.fganlab.sweep.SweepRunner} runs them (or a deterministic
 * {@link org.fganlab.sweep.Shard}) on single-threaded local workers into resumable, atomic,
 * checksummed run files ({@link org.fganlab.sweep.RunFiles}); {@link org.fganlab.sweep.Slurm}
 * writes and follows the same sweep as a SLURM job array; {@link org.fganlab.sweep.Collector}
 * gathers the run files into per-cell statistics over seeds.
 *
 * <p>The package is generic over what one run is: a {@link org.fganlab.sweep.Runner} maps an
 * option assignment to a JSON document (the {@code cli} supplies {@code train}'s). May use
 * {@code gan} and what it uses, and {@code report}; {@code experiment} and {@code cli} use it,
 * never the reverse. Prints nothing.
 */
package org.fganlab.sweep;
