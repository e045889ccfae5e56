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
}
