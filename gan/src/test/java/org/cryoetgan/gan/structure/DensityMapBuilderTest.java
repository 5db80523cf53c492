package org.cryoetgan.gan.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.cryoetgan.gan.demo.DemoModels;
import org.cryoetgan.gan.sim.NoiseModel;
import org.cryoetgan.gan.sim.VolumeRotation;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;

class DensityMapBuilderTest {

    private static AtomModel atoms(Element e, double... xyz) {
        int n = xyz.length / 3;
        Element[] el = new Element[n];
        String[] ch = new String[n];
        java.util.Arrays.fill(el, e);
        java.util.Arrays.fill(ch, "A");
        return new AtomModel("test", xyz, el, ch, List.of());
    }

    private static double sum(Volume v) {
        double s = 0;
        for (float f : v.data()) {
            s += f;
        }
        return s;
    }

    private static double[] centroid(Volume v) {
        double[] c = new double[3];
        double s = 0;
        for (int z = 0; z < v.nz(); z++) {
            for (int y = 0; y < v.ny(); y++) {
                for (int x = 0; x < v.nx(); x++) {
                    double w = v.get(x, y, z);
                    c[0] += w * x;
                    c[1] += w * y;
                    c[2] += w * z;
                    s += w;
                }
            }
        }
        return new double[] {c[0] / s, c[1] / s, c[2] / s};
    }

    @Test
    void oneAtomIsAGaussianAtTheBoxCentreHoldingItsElectrons() {
        Volume v = new DensityMapBuilder(DensitySettings.of(2, 8, 24)).build(atoms(Element.C, 5, -3, 7));
        assertEquals(6, sum(v), 1e-5, "a carbon contributes exactly its 6 electrons");
        assertEquals(v.stats().max(), v.get(12, 12, 12), 0.0, "the peak is at voxel n/2");
        assertEquals(v.get(11, 12, 12), v.get(13, 12, 12), 1e-6, "symmetric");
        double s = DensityStyle.EMAN2.sigma(8) / 2; // voxels
        assertEquals(Math.exp(-1 / (2 * s * s)), v.get(13, 12, 12) / v.get(12, 12, 12), 1e-5, "Gaussian fall-off");
    }

    @Test
    void situsStyleUsesMassAndItsOwnWidth() {
        Volume v = new DensityMapBuilder(DensitySettings.of(2, 8, 24).withStyle(DensityStyle.SITUS))
                .build(atoms(Element.O, 0, 0, 0));
        assertEquals(15.999, sum(v), 1e-4);
        assertEquals(8 / (2 * Math.sqrt(3)), DensityStyle.SITUS.sigma(8), 1e-12, "exp(-1.5 r²/σ²) with σ = R/2");
        double s = DensityStyle.SITUS.sigma(8) / 2;
        assertEquals(Math.exp(-1 / (2 * s * s)), v.get(13, 12, 12) / v.get(12, 12, 12), 1e-5);
    }

    @Test
    void atomsOutsideTheBoxAreClipped() {
        DensityMapBuilder b = new DensityMapBuilder(DensitySettings.of(2, 8, 24));
        AtomModel carbon = atoms(Element.C, 0, 0, 0);
        assertEquals(0, sum(b.build(carbon, Rotation.identity(), new Vec3(100, 0, 0))), 0, "shifted out of the box");
        double edge = sum(b.build(carbon, Rotation.identity(), new Vec3(22, 0, 0)));
        assertTrue(edge > 2 && edge < 5, "on the last voxel, about half of the Gaussian is cut off: " + edge);
    }

    @Test
    void mapIsCentredOnTheCentreOfMassAndShifts() throws IOException {
        AtomModel m = DemoModels.open("hsp90-sba1");
        DensityMapBuilder b = new DensityMapBuilder(DensitySettings.of(9.4, 20, 40));
        double[] c = centroid(b.build(m));
        for (double v : c) {
            assertEquals(20, v, 0.1);
        }
        double[] shifted = centroid(b.build(m, Rotation.identity(), new Vec3(18.8, 0, -28.2)));
        assertEquals(22, shifted[0], 0.1);
        assertEquals(17, shifted[2], 0.1);
    }

    @Test
    void rotatingTheAtomsMatchesRotatingTheMap() throws IOException {
        AtomModel m = DemoModels.open("hsp90-sba1");
        DensityMapBuilder b = new DensityMapBuilder(DensitySettings.of(9.4, 25, 40));
        Rotation r = Rotation.random(new Random(9));
        Volume direct = b.build(m, r, Vec3.ZERO);
        Volume resampled = VolumeRotation.rotate(b.build(m), r, Vec3.ZERO);
        Volume unrotated = b.build(m);
        double same = NoiseModel.correlation(direct.data(), resampled.data());
        assertTrue(same > 0.97, "correlation " + same);
        assertTrue(NoiseModel.correlation(direct.data(), unrotated.data()) < same - 0.2, "the rotation did something");
    }
}
