package org.fganlab.gan;

/**
 * The mode coverage of the generator after some generator steps (a point of the
 * steps-versus-quality curve), measured on the run's own coverage stream: the same
 * {@value Trainer#COVERAGE_SAMPLES} latent draws at every point.
 *
 * @param step generator steps done
 * @param coverage the {@link ModeCoverage} of those samples
 */
public record CoveragePoint(int step, ModeCoverage.Result coverage) {
}
