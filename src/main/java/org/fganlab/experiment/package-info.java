/**
 * Named, seeded, reproducible experiments behind {@code fganlab reproduce}. Each experiment
 * writes {@code <out>/<name>/}: summary.json, CSV data, PNG plots and a README.md section;
 * {@link org.fganlab.experiment.Reproduce} indexes them in {@code <out>/REPORT.md} with the run's
 * seed, git commit, JVM and wall time. The same seed gives the same numbers bit for bit.
 *
 * <p>May use every other package.
 */
package org.fganlab.experiment;
