package org.cryoetgan.gan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Radial power spectrum: NumPy reference on a non-cubic volume, white noise, a smooth volume, a pure wave. */
class RadialPowerSpectrumTest {

    @Test
    void matchesNumpyOnANonCubicVolume() {
        VolumeShape shape = new VolumeShape(12, 10, 8);
        RadialPowerSpectrum.Spectrum s = RadialPowerSpectrum.of(Fixtures.floats("rps_8x10x12.f32"), shape);
        double[][] expected = Fixtures.matrix("rps_8x10x12_expected.txt");
        assertEquals(7, s.shells());
        for (int i = 0; i < s.shells(); i++) {
            assertEquals(expected[1][i], s.count()[i], 0.0, "count of shell " + i);
            assertEquals(expected[0][i], s.power()[i], 1e-12 * Math.max(1, expected[0][i]), "power of shell " + i);
            assertEquals(i / 12.0, s.frequency()[i], 1e-15);
        }
    }

    @Test
    void whiteNoiseIsFlatAtItsVariance() {
        // sigma = 2: every shell should be near 4. Shell s >= 3 holds >= ~100 voxels (half of them independent),
        // so its mean power has a relative sd of about 0.14 at most; 0.45 is over 3 sd.
        VolumeShape shape = VolumeShape.cube(32);
        Random rng = new Random(5);
        float[] v = new float[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * rng.nextGaussian());
        }
        RadialPowerSpectrum.Spectrum s = RadialPowerSpectrum.of(v, shape);
        double total = 0;
        long voxels = 0;
        for (int i = 3; i < s.shells(); i++) {
            assertEquals(4.0, s.power()[i], 4.0 * 0.45, "shell " + i);
            total += s.power()[i] * s.count()[i];
            voxels += s.count()[i];
        }
        assertEquals(4.0, total / voxels, 4.0 * 0.03);
    }

    @Test
    void aPlaneWaveLandsInItsShell() {
        // cos(2 pi 3 x / 16) on 16^3: all power in kx = +-3, i.e. shell 3: power = 2 (N/2)^2 / N / count.
        VolumeShape shape = VolumeShape.cube(16);
        float[] v = new float[shape.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.cos(2 * Math.PI * 3 * (i % 16) / 16.0);
        }
        RadialPowerSpectrum.Spectrum s = RadialPowerSpectrum.of(v, shape);
        for (int i = 0; i < s.shells(); i++) {
            double expected = i == 3 ? 2.0 * (shape.size() / 2.0) * (shape.size() / 2.0) / shape.size() / s.count()[i] : 0;
            assertEquals(expected, s.power()[i], 1e-6, "shell " + i); // float32 input
        }
    }

    @Test
    void smoothingMovesPowerToLowFrequenciesAndAveragingAverages() {
        VolumeShape shape = VolumeShape.cube(24);
        Random rng = new Random(9);
        float[] noise = new float[shape.size()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) rng.nextGaussian();
        }
        double[] smooth = new double[noise.length];
        for (int i = 0; i < noise.length; i++) {
            smooth[i] = noise[i];
        }
        SeparableFilter.apply(smooth, shape, SsimWindow.gaussian(1.5).kernel(), false);
        float[] smoothF = new float[noise.length];
        for (int i = 0; i < noise.length; i++) {
            smoothF[i] = (float) smooth[i];
        }
        RadialPowerSpectrum.Spectrum s = RadialPowerSpectrum.of(smoothF, shape);
        assertTrue(s.power()[1] > 100 * s.power()[s.shells() - 1], "low " + s.power()[1] + " high "
                + s.power()[s.shells() - 1]);
        RadialPowerSpectrum.Spectrum avg = RadialPowerSpectrum.average(List.of(noise, smoothF), shape);
        RadialPowerSpectrum.Spectrum n = RadialPowerSpectrum.of(noise, shape);
        for (int i = 0; i < avg.shells(); i++) {
            assertEquals((n.power()[i] + s.power()[i]) / 2, avg.power()[i], 1e-12);
        }
    }
}
