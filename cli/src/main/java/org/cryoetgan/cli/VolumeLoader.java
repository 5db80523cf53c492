package org.cryoetgan.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.cryoetgan.gan.metrics.VolumeShape;

/**
 * How commands read a volume file: voxels (x fastest) and their shape. Commands take a loader so that tests can
 * hand them volumes without files.
 */
@FunctionalInterface
interface VolumeLoader {

    /**
     * A volume read from a file.
     *
     * @param voxels the voxel values, x fastest, then y, then z
     * @param shape  the extents
     */
    record Loaded(float[] voxels, VolumeShape shape) {
    }

    /** Reads the volume in {@code path}. */
    Loaded load(Path path) throws IOException;

    /** The loader for MRC2014 files, the format of every volume the command line reads. */
    static VolumeLoader mrc() {
        return path -> {
            org.cryoetgan.gan.volume.Volume v = org.cryoetgan.gan.mrc.MrcReader.readVolume(path);
            return new Loaded(v.data(), new VolumeShape(v.nx(), v.ny(), v.nz()));
        };
    }
}
