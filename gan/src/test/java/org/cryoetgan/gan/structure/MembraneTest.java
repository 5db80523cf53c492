package org.cryoetgan.gan.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;

class MembraneTest {

    @Test
    void flatBilayerHasTwoHeadGroupPeaksThicknessApart() {
        MembraneSettings s = MembraneSettings.flat(2, 48, 6).withThickness(40);
        Volume v = new Membrane(s).build(Rotation.identity(), 0);
        float[] profile = new float[48];
        for (int z = 0; z < 48; z++) {
            profile[z] = v.get(24, 24, z);
            assertEquals(profile[z], v.get(3, 40, z), 1e-6, "constant within a plane normal to z");
        }
        int first = 0;
        for (int z = 1; z < 24; z++) {
            if (profile[z] > profile[first]) {
                first = z;
            }
        }
        int second = 24;
        for (int z = 25; z < 48; z++) {
            if (profile[z] > profile[second]) {
                second = z;
            }
        }
        assertEquals(20, second - first, 1, "peaks 40 Å = 20 voxels apart");
        assertTrue(profile[24] < 0.7 * profile[first], "the hydrocarbon core is less dense than the head groups");
        assertTrue(profile[24] > 0.2 * profile[first], "but denser than the solvent");
        assertTrue(profile[0] < 0.01 * profile[first], "solvent far from the membrane is empty");
    }

    @Test
    void orientationFollowsTheRotatedNormal() {
        MembraneSettings s = MembraneSettings.flat(2, 32, 6);
        Volume v = new Membrane(s).build(Rotation.aboutAxis(0, 1, 0, 90), 0);
        assertEquals(v.get(10, 0, 0), v.get(10, 31, 31), 1e-6, "normal along x: constant in y and z");
    }

    @Test
    void curvedPatchBends() {
        MembraneSettings s = MembraneSettings.flat(2, 40, 6).withCurvatureRadius(60);
        Volume v = new Membrane(s).build(Rotation.identity(), 0);
        assertTrue(Math.abs(v.get(20, 20, 20) - v.get(0, 20, 20)) > 0.05, "not constant within the plane z = n/2");
    }
}
