package org.cryoetgan.gan.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;

class TraditionalSimulatorTest {

    private static SimulationSettings clean(TiltScheme tilts) {
        return new SimulationSettings(SimulationMode.TILT_SERIES, tilts, null, Mtf.none(), Double.POSITIVE_INFINITY);
    }

    private static float[] concat(List<Volume> images) {
        int n = 0;
        for (Volume v : images) {
            n += v.size();
        }
        float[] out = new float[n];
        int k = 0;
        for (Volume v : images) {
            System.arraycopy(v.data(), 0, out, k, v.size());
            k += v.size();
        }
        return out;
    }

    @Test
    void fullTiltRangeReconstructionReproducesTheMap() throws IOException {
        Volume map = SimFixtures.proteasome();
        Volume rec = new TraditionalSimulator(clean(new TiltScheme(-90, 88, 2))).simulate(map, new Random(1));
        double c = NoiseModel.correlation(rec.data(), map.data());
        assertTrue(c > 0.97, "correlation " + c);
        assertEquals(map.stats().rms(), rec.stats().rms(), 0.15 * map.stats().rms(), "WBP keeps the scale");
    }

    @Test
    void limitedTiltReconstructionCorrelatesAndLeavesTheWedgeEmpty() throws IOException {
        Volume map = SimFixtures.proteasome();
        Volume rec = new TraditionalSimulator(clean(TiltScheme.standard())).simulate(map, new Random(1));
        double c = NoiseModel.correlation(rec.data(), map.data());
        assertTrue(c > 0.75, "correlation " + c);
        MissingWedge wedge = new MissingWedge(TiltScheme.standard());
        double inside = wedge.wedgePowerRatio(rec, 5, 0.05, 0.45);
        double before = wedge.wedgePowerRatio(map, 5, 0.05, 0.45);
        assertTrue(inside < 0.05, "power per sample inside the wedge / outside = " + inside);
        assertTrue(before > 0.3, "the map itself has power there: " + before);
    }

    @Test
    void missingWedgeElongatesAlongZ() {
        Volume blob = new Volume(32, 32, 32);
        for (int z = 0; z < 32; z++) {
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    double r2 = (x - 16) * (x - 16) + (y - 16) * (y - 16) + (z - 16) * (z - 16);
                    blob.set(x, y, z, (float) Math.exp(-r2 / 4));
                }
            }
        }
        Volume rec = new TraditionalSimulator(clean(TiltScheme.standard())).simulate(blob, new Random(1));
        double alongX = rec.get(19, 16, 16);
        double alongZ = rec.get(16, 16, 19);
        assertTrue(alongZ > 1.5 * alongX, "3 voxels along z " + alongZ + " vs along x " + alongX);
    }

    /**
     * SNR measured from pairs of independent realisations, pooled over {@code pairs} pairs so that the estimate's
     * own statistical error (about 1/(ρ√n)) stays well below the 10% tolerance.
     */
    private static double pooledSnr(java.util.function.IntFunction<float[]> realisation, int pairs) {
        List<Volume> a = new java.util.ArrayList<>();
        List<Volume> b = new java.util.ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            float[] x = realisation.apply(2 * p);
            float[] y = realisation.apply(2 * p + 1);
            a.add(new Volume(x.length, 1, 1, x, org.cryoetgan.gan.volume.Vec3.of(1), org.cryoetgan.gan.volume.Vec3.ZERO));
            b.add(new Volume(y.length, 1, 1, y, org.cryoetgan.gan.volume.Vec3.of(1), org.cryoetgan.gan.volume.Vec3.ZERO));
        }
        return NoiseModel.measuredSnr(concat(a), concat(b));
    }

    @Test
    void tiltSeriesNoiseHasTheRequestedSnr() throws IOException {
        Volume map = SimFixtures.proteasome();
        for (double snr : new double[] {0.5, 0.1}) {
            TraditionalSimulator sim = new TraditionalSimulator(SimulationSettings.paperDefaults().withSnr(snr));
            double measured = pooledSnr(seed -> concat(sim.tiltSeries(map, new Random(seed))), snr < 0.3 ? 4 : 1);
            assertEquals(snr, measured, 0.1 * snr, "SNR " + snr);
        }
    }

    @Test
    void fourierModeHasTheRequestedSnrAndAnEmptyWedge() throws IOException {
        Volume map = SimFixtures.proteasome();
        for (double snr : new double[] {0.5, 0.1}) {
            TraditionalSimulator sim = new TraditionalSimulator(
                    SimulationSettings.paperDefaults().withMode(SimulationMode.FOURIER).withSnr(snr));
            double measured = pooledSnr(seed -> sim.simulate(map, new Random(seed)).data(), snr < 0.3 ? 8 : 2);
            assertEquals(snr, measured, 0.1 * snr, "SNR " + snr);
        }
        Volume a = new TraditionalSimulator(SimulationSettings.paperDefaults().withMode(SimulationMode.FOURIER))
                .simulate(map, new Random(1));
        assertTrue(new MissingWedge(TiltScheme.standard()).wedgePowerRatio(a, 1, 0.05, 0.45) < 1e-6);
    }

    @Test
    void fourierModeWithoutCtfOrNoiseIsTheWedgeFilteredMap() throws IOException {
        Volume map = SimFixtures.proteasome();
        SimulationSettings s = clean(TiltScheme.standard()).withMode(SimulationMode.FOURIER);
        Volume f = new TraditionalSimulator(s).simulate(map, new Random(1));
        Volume wbp = new TraditionalSimulator(clean(TiltScheme.standard())).simulate(map, new Random(1));
        double c = NoiseModel.correlation(f.data(), wbp.data());
        assertTrue(c > 0.9, "the two modes agree without CTF and noise: " + c);
    }

    @Test
    void ctfChangesTheImageButKeepsItCorrelated() throws IOException {
        Volume map = SimFixtures.proteasome();
        SimulationSettings s = SimulationSettings.paperDefaults().withSnr(Double.POSITIVE_INFINITY);
        Volume rec = new TraditionalSimulator(s).simulate(map, new Random(1));
        double c = NoiseModel.correlation(rec.data(), map.data());
        assertTrue(c > 0.2 && c < 0.95, "CTF-filtered reconstruction correlation " + c);
    }
}
