/**
 * The {@code fganlab} command line (picocli): {@code divergences}, {@code divergence},
 * {@code validate}, {@code fit}, {@code reproduce}. The only package that prints or calls
 * {@code System.exit}; every computation it triggers is a library method. The commands' JSON
 * documents ({@code JsonDocuments}) and the files of {@code train --out} ({@code TrainingReport})
 * are defined here, next to the commands, and written with {@code report}'s generic writers.
 *
 * <p>Exit codes ({@link org.fganlab.cli.ExitCodes}): 0 ok, 1 a check failed (or an internal
 * error), 2 bad input (usage errors, bad specs, unknown divergences, out-of-range values, an
 * unusable {@code --out}) with a one-line message on standard error and no file written, 3
 * accuracy not reached, 4 I/O failure.
 */
package org.fganlab.cli;
