/**
 * Output: Markdown tables, JSON (Jackson) and CSV writers, PNG plots (XChart), atomic writes (a
 * temporary file in the target folder, then an atomic move, so no half-written file is ever left
 * in place), staged folders (a whole result written beside its target and renamed into place) and
 * the build's commit. The only package that uses Jackson and XChart.
 *
 * <p>Numbers: JSON carries doubles at full precision; infinite values are the strings
 * {@code "Infinity"} / {@code "-Infinity"} ({@code docs/architecture.md}); NaN is never written.
 */
package org.fganlab.report;
