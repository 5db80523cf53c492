package org.cryoetgan.gan.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cryoetgan.gan.structure.Rotation;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;

class VolumeRotationTest {

    @Test
    void quarterTurnAboutZMovesXToY() {
        Volume v = new Volume(9, 9, 9);
        v.set(6, 4, 4, 1f);
        Volume r = VolumeRotation.rotate(v, Rotation.aboutAxis(0, 0, 1, 90), Vec3.ZERO);
        assertEquals(1f, r.get(4, 6, 4), 1e-6);
        assertEquals(0f, r.get(6, 4, 4), 1e-6);
    }

    @Test
    void shiftIsInAngstrom() {
        Volume v = new Volume(8, 8, 8, new float[512], Vec3.of(2), Vec3.ZERO);
        v.set(4, 4, 4, 1f);
        Volume r = VolumeRotation.rotate(v, Rotation.identity(), new Vec3(4, 0, -2));
        assertEquals(1f, r.get(6, 4, 3), 1e-6);
    }
}
