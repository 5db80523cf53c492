package org.cryoetgan.gan.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;

class InputSimulationTest {
    private static Volume cube(int n) {
        float[] v = new float[n * n * n];
        for (int z = n / 4; z < 3 * n / 4; z++) {
            for (int y = n / 4; y < 3 * n / 4; y++) {
                for (int x = n / 4; x < 3 * n / 4; x++) {
                    v[(z * n + y) * n + x] = 1;
                }
            }
        }
        return new Volume(n, n, n, v, Vec3.of(9.4), Vec3.ZERO);
    }

    @Test
    void aSimulationIsAFunctionOfItsSeedAlone() {
        InputSimulation sim = InputSimulation.defaults();
        Volume map = cube(16);
        float[] a = sim.simulate(map, 3).data();
        assertArrayEquals(a, sim.simulate(map, 3).data(), 0f);
        assertFalse(Arrays.equals(a, sim.simulate(map, 4).data()), "another seed, other noise and defocus");
        assertEquals(map.voxelSize(), sim.simulate(map, 3).voxelSize());
    }

    @Test
    void theNoiseFollowsTheSnr() {
        Volume map = cube(16);
        InputSimulation clean = InputSimulation.defaults();
        clean.snr = 1e6;
        InputSimulation noisy = InputSimulation.defaults();
        noisy.snr = 0.05;
        double spreadClean = spreadBetweenSeeds(clean, map);
        double spreadNoisy = spreadBetweenSeeds(noisy, map);
        assertTrue(spreadNoisy > 10 * spreadClean, "two draws differ by the noise: " + spreadClean + " at SNR 1e6, "
                + spreadNoisy + " at SNR 0.05");
    }

    /** Mean squared difference of two draws that share their defocus range but not their noise, relative. */
    private static double spreadBetweenSeeds(InputSimulation sim, Volume map) {
        sim.defocusMinUm = -4;
        sim.defocusMaxUm = -4;
        float[] a = sim.simulate(map, 1).data();
        float[] b = sim.simulate(map, 2).data();
        double diff = 0;
        double power = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            power += a[i] * a[i];
        }
        return diff / power;
    }

    @Test
    void problemsNameTheOptions() {
        InputSimulation s = InputSimulation.defaults();
        assertTrue(s.problems().isEmpty());
        s.perMap = 0;
        s.snr = -1;
        s.defocusMinUm = -2;
        s.defocusMaxUm = -6;
        List<String> p = s.problems();
        assertEquals(3, p.size());
        assertTrue(p.get(0).startsWith("--input-per-map"));
        assertTrue(p.get(1).startsWith("--input-snr"));
        assertTrue(p.get(2).startsWith("--input-defocus"));
    }
}
