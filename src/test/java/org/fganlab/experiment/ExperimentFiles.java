package org.fganlab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Checks on the files an experiment writes. */
final class ExperimentFiles {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ExperimentFiles() {
    }

    /**
     * Runs the experiment with --quick sizes into dir and checks that every named plot is linked
     * from the section and is a valid PNG.
     *
     * @return the outcome, for further checks
     */
    static Experiment.Outcome runQuickAndCheckPlots(Experiment e, Path dir, long seed, String... pngs)
            throws IOException {
        Experiment.Outcome o = e.run(new Experiment.Context(dir, Experiment.Size.QUICK, seed, s -> { }, dir.resolveSibling("sweeps")));
        String section = o.section().apply("");
        for (String png : pngs) {
            assertTrue(section.contains("(" + png + ")"), png + " is not linked from the section");
            assertPng(dir.resolve(png));
        }
        return o;
    }

    /** The file starts with the PNG signature and decodes to a non-empty image. */
    static void assertPng(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, 8), png + " has no PNG signature");
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " does not decode");
        assertTrue(image.getWidth() > 100 && image.getHeight() > 100, png + " is too small");
    }
}
