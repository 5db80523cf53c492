package org.cryoetgan.gan.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Random;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;

class ProjectorTest {

    @Test
    void zeroDegreeProjectionIsTheSumAlongZ() {
        Random rng = new Random(1);
        Volume v = new Volume(7, 5, 6);
        for (int i = 0; i < v.size(); i++) {
            v.data()[i] = (float) rng.nextGaussian();
        }
        Volume p = Projector.project(v, 0);
        assertEquals(1, p.nz());
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                double s = 0;
                for (int z = 0; z < 6; z++) {
                    s += v.get(x, y, z);
                }
                assertEquals(s, p.get(x, y, 0), 1e-5);
            }
        }
    }

    @Test
    void tiltedProjectionsKeepTheMassOfACentredObject() throws IOException {
        Volume map = SimFixtures.proteasome();
        double total = 0;
        for (float f : map.data()) {
            total += f;
        }
        for (double a : new double[] {-60, -27, 45, 90}) {
            double s = 0;
            for (float f : Projector.project(map, a).data()) {
                s += f;
            }
            assertEquals(total, s, 0.01 * total, "angle " + a);
        }
    }

    @Test
    void ninetyDegreesIsTheSumAlongX() {
        Volume v = new Volume(6, 3, 6);
        v.set(1, 2, 4, 1f); // u = (z - c) sin 90 = 4 - 3 = 1 → detector column 3 + 1 = 4
        Volume p = Projector.project(v, 90);
        assertEquals(1f, p.get(4, 2, 0), 1e-6);
    }
}
