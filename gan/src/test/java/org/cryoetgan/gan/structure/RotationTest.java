package org.cryoetgan.gan.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RotationTest {

    private static double det(double[] m) {
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
    }

    @Test
    void randomRotationsAreProperAndOrthonormal() {
        Random rng = new Random(3);
        for (int i = 0; i < 100; i++) {
            Rotation r = Rotation.random(rng);
            assertEquals(1, det(r.matrix()), 1e-12);
            assertArrayEquals(Rotation.identity().matrix(), r.times(r.inverse()).matrix(), 1e-12);
        }
    }

    @Test
    void randomRotationsAreUniformOnSo3() {
        Random rng = new Random(11);
        int n = 20000;
        double[] meanAxis = new double[3];
        double zz = 0;
        double angle = 0;
        for (int i = 0; i < n; i++) {
            double[] m = Rotation.random(rng).matrix();
            double[] v = {m[2], m[5], m[8]};
            for (int k = 0; k < 3; k++) {
                meanAxis[k] += v[k] / n;
            }
            zz += v[2] * v[2] / n;
            angle += Math.acos(Math.max(-1, Math.min(1, (m[0] + m[4] + m[8] - 1) / 2))) / n;
        }
        for (double c : meanAxis) {
            assertEquals(0, c, 0.02, "a rotated axis points anywhere on the sphere");
        }
        assertEquals(1.0 / 3, zz, 0.01);
        // Haar measure: the rotation angle has density (1 - cos t) / pi, mean pi/2 + 2/pi = 2.2074.
        assertEquals(Math.PI / 2 + 2 / Math.PI, angle, 0.02);
    }

    @Test
    void eulerAnglesRoundTrip() {
        Random rng = new Random(5);
        for (int i = 0; i < 200; i++) {
            Rotation r = Rotation.random(rng);
            double[] e = r.toEuler();
            assertArrayEquals(r.matrix(), Rotation.fromEuler(e[0], e[1], e[2]).matrix(), 1e-9);
        }
        double[] e = Rotation.fromEuler(30, 40, 50).toEuler();
        assertArrayEquals(new double[] {30, 40, 50}, e, 1e-9);
    }

    @Test
    void aboutAxisRotatesByTheAngle() {
        double[] v = Rotation.aboutAxis(0, 0, 1, 90).apply(1, 0, 0);
        assertArrayEquals(new double[] {0, 1, 0}, v, 1e-12);
        assertTrue(Math.abs(Rotation.aboutAxis(0, 1, 0, 90).apply(0, 0, 1)[0] - 1) < 1e-12);
    }
}
