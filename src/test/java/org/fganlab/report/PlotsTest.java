package org.fganlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    private static Plots.Panel panel(String title) {
        return new Plots.Panel(title, "x", "y", List.of(
                new Plots.Series("cloud", new double[] {0, 1, 5, Double.NaN}, new double[] {0, 1, 0, 1}, Plots.Style.POINTS),
                new Plots.Series("modes", new double[] {-1, 1}, new double[] {0, 0}, Plots.Style.MARKERS)),
                new double[] {-2, 2, -2, 2});
    }

    @Test
    void panelsAreLaidOutRowByRowInOneValidPng(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("grid.png");
        Plots.panels(png, "three panels", List.of(panel("a"), panel("b"), panel("c")), 2, 300, 200);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "not a readable PNG");
        // 2 columns × 2 rows of 300×200 under a 40-pixel title strip
        assertEquals(600, image.getWidth());
        assertEquals(440, image.getHeight());
        // the empty fourth slot stays white
        assertEquals(0xFFFFFF, image.getRGB(450, 340) & 0xFFFFFF);
    }

    @Test
    void badPanelsAndWindowsAreRejected(@TempDir Path dir) {
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> new Plots.Panel("p", "x", "y", List.of(), new double[] {1, 0, 0, 1}));
        assertTrue(w.getMessage().contains("xMin < xMax"), w.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plots.panels(dir.resolve("x.png"), "t", List.of(), 2, 10, 10));
        assertThrows(IllegalArgumentException.class,
                () -> Plots.panels(dir.resolve("x.png"), "t", List.of(panel("a")), 0, 10, 10));
    }

    @Test
    void octaveLabelsAreTheAbscissaeThemselves() {
        assertEquals("1", Plots.octaveLabel(0));
        assertEquals("0.5", Plots.octaveLabel(-1));
        assertEquals("1.41", Plots.octaveLabel(0.5));
        assertEquals("0.707", Plots.octaveLabel(-0.5));
        assertEquals("10", Plots.octaveLabel(Math.log(10) / Math.log(2)));
        assertEquals("64", Plots.octaveLabel(6));
    }

    /** Whether some pixel of the image has exactly colour c. */
    private static boolean hasPixel(BufferedImage image, java.awt.Color c) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aSeriesTakesItsOwnColourOrThatOfItsPosition(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("colours.png");
        // a narrow log-x range (the log2 axis) with a curve in the colour of position 0 and a
        // marker that borrows the colour of position 3 instead of its own (position 1)
        Plots.xy(png, "t", "x", "y", List.of(
                new Plots.Series("curve", new double[] {0.5, 1, 2}, new double[] {1, 2, 3}, Plots.Style.LINE),
                new Plots.Series("end", new double[] {2}, new double[] {3}, Plots.Style.MARKERS, Plots.colour(3))),
                400, 300, new Plots.Options(true, false, false, List.of(new Plots.VerticalLine(1.0, "x = 1")), List.of()));
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(hasPixel(image, Plots.colour(0)));
        assertTrue(hasPixel(image, Plots.colour(3)));
        assertTrue(!hasPixel(image, Plots.colour(1)), "the marker kept the colour of its position");
    }
}
