package org.cryoetgan.gan.batch;

import java.util.Random;
import org.cryoetgan.gan.structure.Rotation;
import org.cryoetgan.gan.volume.Vec3;

/**
 * Random pose of one sample: a uniform rotation from SO(3) (or none) and a shift drawn uniformly from the cube
 * [−maxShift, maxShift]³ Å.
 */
public record Augmentation(boolean rotate, double maxShift) {

    /** The rotation and shift of one sample. */
    public Pose draw(Random rng) {
        Rotation r = rotate ? Rotation.random(rng) : Rotation.identity();
        Vec3 s = maxShift > 0
                ? new Vec3(uniform(rng), uniform(rng), uniform(rng))
                : Vec3.ZERO;
        return new Pose(r, s);
    }

    private double uniform(Random rng) {
        return (2 * rng.nextDouble() - 1) * maxShift;
    }

    /** A sample's rotation and shift (Å). */
    public record Pose(Rotation rotation, Vec3 shift) {
    }

    /** A reproducible generator for sample {@code index} of source {@code source}, from a job seed. */
    public static Random rngFor(long seed, int source, int index) {
        long h = seed * 0x9E3779B97F4A7C15L + source * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        return new Random(h ^ (h >>> 31));
    }
}
