package org.fganlab.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleCsvTest {

    private static Samples read(String text) {
        return SampleCsv.read(new StringReader(text), "s.csv");
    }

    @Test
    void readsRowsWithAndWithoutHeader() {
        Samples a = read("x,y\n1,2\r\n-3.5, .5e1\n\n\n");
        assertEquals(2, a.dimension());
        assertEquals(2, a.size());
        assertArrayEquals(new double[] {1, 2, -3.5, 5}, a.data());
        Samples b = read("1e-3\n+2\n");
        assertEquals(1, b.dimension());
        assertArrayEquals(new double[] {1e-3, 2}, b.data());
    }

    /** Every defect: one line, file:line:column. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|s.csv:1:1: empty file",
        "'\n\n'|s.csv:1:1: empty file",
        "'x,y\n'|s.csv:2:1: header but no samples",
        "'1,2\n3\n'|s.csv:2:2: row has 1 column, expected 2",
        "'1,2\n3,4,5\n'|s.csv:2:3: row has 3 columns, expected 2",
        "'x,y\n1,2\n3,abc\n'|s.csv:3:2: 'abc' is not a number",
        "'1\nNaN\n'|s.csv:2:1: 'NaN' is not finite",
        "'1\n-Infinity\n'|s.csv:2:1: '-Infinity' is not finite",
        "'1\n1e999\n'|s.csv:2:1: '1e999' overflows",
        "'1,,3\n'|s.csv:1:2: empty cell",
        "'1\n\n2\n'|s.csv:2:1: blank line between samples",
        "'1\n0x1p3\n'|s.csv:2:1: '0x1p3' is not a number",
        "'1,abc\n'|s.csv:1:2: 'abc' is not a number",
    })
    void defectsNameFileLineAndColumn(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(text));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void stdinIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleCsv.read(new StringReader("1\nx\n"), "-"));
        assertTrue(e.getMessage().startsWith("<stdin>:2:1:"), e.getMessage());
    }

    @Test
    void dimensionAndSizeChecksNameTheFile() {
        Samples one = read("1\n2\n");
        Samples two = read("1,2\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleCsv.checkSameDimension(one, "p.csv", two, "q.csv"));
        assertTrue(e.getMessage().startsWith("q.csv:1:2: 2 columns, but p.csv has 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SampleCsv.checkSize(one, "p.csv", 4, "k-NN KL with k = 3"));
        assertTrue(e.getMessage().startsWith("p.csv:3:1: only 2 samples, k-NN KL with k = 3 needs at least 4"),
                e.getMessage());
    }
}
