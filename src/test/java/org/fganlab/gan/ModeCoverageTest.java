package org.fganlab.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fganlab.density.GaussianMixture2D;
import org.junit.jupiter.api.Test;

/** Mode counting, high-quality fraction and KL(histogram‖uniform) on constructed samples. */
class ModeCoverageTest {

    private static final GaussianMixture2D RING = GaussianMixture2D.ring(8, 2, 0.02);
    private static final GaussianMixture2D GRID = GaussianMixture2D.grid(5, 2, 0.05);

    /** copies samples of each mode, with mode j's samples at (c_j + dx, c_j + dy). */
    private static double[] atModes(GaussianMixture2D m, int[] perMode, double dx, double dy) {
        List<Double> xy = new ArrayList<>();
        for (int j = 0; j < perMode.length; j++) {
            for (int c = 0; c < perMode[j]; c++) {
                xy.add(m.modeX(j) + dx);
                xy.add(m.modeY(j) + dy);
            }
        }
        return xy.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int[] filled(int k, int v) {
        int[] a = new int[k];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void uniformSamplesExactlyAtTheModesCoverEveryModeWithKlZero() {
        ModeCoverage.Result r = ModeCoverage.evaluate(RING, atModes(RING, filled(8, 25), 0, 0));
        assertEquals(8, r.modeCount());
        assertEquals(200, r.sampleCount());
        assertArrayEquals(filled(8, 25), r.counts());
        assertEquals(8, r.modesCovered());
        assertEquals(1.0, r.highQualityFraction());
        assertEquals(0.0, r.klFromUniform(), 1e-15);
    }

    @Test
    void allSamplesOnOneModeGiveKlLogK() {
        int[] one = new int[8];
        one[3] = 100;
        ModeCoverage.Result r = ModeCoverage.evaluate(RING, atModes(RING, one, 0, 0));
        assertEquals(1, r.modesCovered());
        assertEquals(1.0, r.highQualityFraction());
        assertEquals(100, r.counts()[3]);
        assertEquals(Math.log(8), r.klFromUniform(), 1e-14);
        int[] oneOfGrid = new int[25];
        oneOfGrid[12] = 40;
        assertEquals(Math.log(25), ModeCoverage.evaluate(GRID, atModes(GRID, oneOfGrid, 0, 0)).klFromUniform(), 1e-14);
    }

    @Test
    void qualityRadiusIsThreeSigmaOnEitherSide() {
        double s = RING.sigma();
        // 2.9σ along x is high quality, 3.1σ is not; 2.9σ along the diagonal too (distance, not coordinate)
        int[] ten = filled(8, 10);
        assertEquals(1.0, ModeCoverage.evaluate(RING, atModes(RING, ten, 2.9 * s, 0)).highQualityFraction());
        assertEquals(0.0, ModeCoverage.evaluate(RING, atModes(RING, ten, 3.1 * s, 0)).highQualityFraction());
        double d = 2.9 * s / Math.sqrt(2);
        assertEquals(1.0, ModeCoverage.evaluate(RING, atModes(RING, ten, d, -d)).highQualityFraction());
        double e = 3.1 * s / Math.sqrt(2);
        assertEquals(0.0, ModeCoverage.evaluate(RING, atModes(RING, ten, -e, e)).highQualityFraction());
        // the grid's σ is 0.05: 0.14 (2.8σ) is inside, 0.16 (3.2σ) outside
        assertEquals(1.0, ModeCoverage.evaluate(GRID, atModes(GRID, filled(25, 1), 0.14, 0)).highQualityFraction());
        assertEquals(0.0, ModeCoverage.evaluate(GRID, atModes(GRID, filled(25, 1), 0, 0.16)).highQualityFraction());
    }

    @Test
    void highQualityFractionCountsMissesAndFarPoints() {
        // 8 modes × 20 samples at the modes, plus 40 points at the origin (2 from every mode) → 160/200
        double[] hq = atModes(RING, filled(8, 20), 0, 0);
        double[] xy = java.util.Arrays.copyOf(hq, hq.length + 80);
        ModeCoverage.Result r = ModeCoverage.evaluate(RING, xy);
        assertEquals(200, r.sampleCount());
        assertEquals(0.8, r.highQualityFraction(), 1e-15);
        assertEquals(160, r.highQuality());
        assertEquals(8, r.modesCovered());
        assertEquals(0.0, r.klFromUniform(), 1e-15);
    }

    @Test
    void aModeNeedsTwentyHighQualitySamplesToBeCovered() {
        int[] counts = {20, 19, 0, 0, 21, 0, 0, 100};
        ModeCoverage.Result r = ModeCoverage.evaluate(RING, atModes(RING, counts, 0.01, 0.01));
        assertArrayEquals(counts, r.counts());
        assertEquals(3, r.modesCovered());
        // PacGAN's rule, one high-quality sample: the 19 counts too; 100 only mode 7
        assertEquals(4, r.modesCovered(1));
        assertEquals(3, r.modesCovered(ModeCoverage.MIN_SAMPLES_PER_MODE));
        assertEquals(1, r.modesCovered(22));
        assertThrows(IllegalArgumentException.class, () -> r.modesCovered(0));
        // KL(h‖u) = Σ h log(8h) by hand, h = counts/160
        double kl = 0;
        for (int c : counts) {
            if (c > 0) {
                double h = c / 160.0;
                kl += h * Math.log(8 * h);
            }
        }
        assertEquals(kl, r.klFromUniform(), 1e-14);
    }

    @Test
    void klOfTwoEqualModesOutOfEightIsLogFour() {
        // h = (½, ½, 0, …): KL = log 8 − H(h) = log 8 − log 2 = log 4
        assertEquals(Math.log(4), ModeCoverage.klFromUniform(new int[] {0, 7, 0, 0, 0, 7, 0, 0}), 1e-14);
        assertEquals(Double.POSITIVE_INFINITY, ModeCoverage.klFromUniform(new int[8]));
    }

    @Test
    void noHighQualitySampleGivesInfiniteKlAndNothingCovered() {
        ModeCoverage.Result r = ModeCoverage.evaluate(RING, new double[] {0, 0, 10, 10, -1, 1});
        assertEquals(0, r.modesCovered());
        assertEquals(0.0, r.highQualityFraction());
        assertEquals(Double.POSITIVE_INFINITY, r.klFromUniform());
    }

    @Test
    void samplesAreAssignedToTheirNearestMode() {
        // a point near grid mode (i=3, j=1) at (2, -2): counts only there
        double[] xy = {2.03, -1.96, 2.0, -2.0};
        ModeCoverage.Result r = ModeCoverage.evaluate(GRID, xy);
        int[] expected = new int[25];
        expected[3 * 5 + 1] = 2;
        assertArrayEquals(expected, r.counts());
        assertEquals(2.0, GRID.modeX(3 * 5 + 1));
        assertEquals(-2.0, GRID.modeY(3 * 5 + 1));
    }

    @Test
    void inputIsNotModifiedAndBadInputIsRejected() {
        double[] xy = atModes(RING, filled(8, 3), 0.001, 0);
        double[] copy = xy.clone();
        ModeCoverage.evaluate(RING, xy);
        assertArrayEquals(copy, xy);
        IllegalArgumentException odd = assertThrows(IllegalArgumentException.class,
                () -> ModeCoverage.evaluate(RING, new double[] {1, 2, 3}));
        assertTrue(odd.getMessage().contains("length 3"), odd.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModeCoverage.evaluate(RING, new double[0]));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> ModeCoverage.evaluate(RING, new double[] {0, 0, 1, Double.NaN}));
        assertTrue(nan.getMessage().contains("sample 1") && nan.getMessage().contains("index 3"), nan.getMessage());
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class,
                () -> ModeCoverage.klFromUniform(new int[] {1, -1}));
        assertTrue(neg.getMessage().contains("counts[1] = -1"), neg.getMessage());
    }
}
