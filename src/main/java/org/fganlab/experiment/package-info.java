/**
 * Named, seeded, reproducible experiments behind {@code fganlab reproduce}. Each experiment
 * writes {@code <out>/<name>/}: summary.json, CSV data, PNG plots and a README.md section;
 * {@link org.fganlab.experiment.Reproduce} runs them and indexes them in {@code <out>/REPORT.md}
 * with the run's seed, size, git commit, JVM and wall time, from the results in memory (experiments
 * of earlier runs from their summary.json). The same seed gives the same numbers bit for bit.
 *
 * <p>Each experiment is a compute part, which returns records and writes nothing, and a render
 * part ({@code XxxSection}), which writes the CSV, PNG and JSON files and holds the prose of the
 * Markdown section.
 *
 * <p>May use every other package.
 */
package org.fganlab.experiment;
