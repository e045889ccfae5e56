/**
 * Output, generic over what is written: Markdown tables, JSON (Jackson) and CSV writers, PNG
 * plots (XChart), atomic writes (a temporary file in the target folder, then an atomic move, so
 * no half-written file is ever left in place), staged folders (a whole result written beside its
 * target and renamed into place) and the build's commit. Uses no other package of the lab: the
 * mapping of results onto documents lives with what defines them (the CLI's JSON contract in
 * {@code cli}, each experiment's files in {@code experiment}). The only package that configures
 * Jackson (parsing, writing, the number policy below) and the only one that uses XChart;
 * {@code ArchitectureTest} checks both.
 *
 * <p>Numbers: JSON carries doubles at full precision; infinite values are the strings
 * {@code "Infinity"} / {@code "-Infinity"} ({@code docs/architecture.md}); NaN is never written.
 */
package org.fganlab.report;
