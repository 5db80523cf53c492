package org.cryoetgan.gan.mrc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;

/**
 * What makes a readable MRC file unusable as input: NaN or infinite voxels (one NaN turns every filter, FFT and
 * normalisation result into NaN), a voxel size that is not a positive number, a non-finite origin. {@code inspect}
 * lists them, and also data beyond what the header describes; every command that reads a volume refuses them.
 */
public final class VolumeDefects {

    private VolumeDefects() {
    }

    /** The defects of a volume as read, each a short phrase; empty when it is usable. */
    public static List<String> of(Volume v) {
        List<String> out = new ArrayList<>();
        long nan = 0;
        long inf = 0;
        for (float x : v.data()) {
            if (Float.isNaN(x)) {
                nan++;
            } else if (Float.isInfinite(x)) {
                inf++;
            }
        }
        if (nan > 0) {
            out.add(nan + " NaN voxel" + (nan == 1 ? "" : "s"));
        }
        if (inf > 0) {
            out.add(inf + " infinite voxel" + (inf == 1 ? "" : "s"));
        }
        Vec3 s = v.voxelSize();
        if (!(s.x() > 0 && s.y() > 0 && s.z() > 0) || !finite(s)) {
            out.add("voxel size " + fmt(s) + " Å is not positive (cell dimensions CELLA / sampling MX, MY, MZ)");
        }
        if (!finite(v.origin())) {
            out.add("origin " + fmt(v.origin()) + " is not finite");
        }
        return out;
    }

    /** {@link #of(Volume)} plus, for an uncompressed file, bytes after the data the header describes. */
    public static List<String> of(Path file, MrcData data) throws IOException {
        List<String> out = new ArrayList<>(of(data.volume()));
        MrcHeader h = data.header();
        long voxels = (long) h.nx() * h.ny() * h.nz();
        long described = MrcHeader.SIZE + (long) h.nsymbt()
                + h.dataMode().map(m -> voxels * m.bytesPerVoxel()).orElse(0L);
        long size = Files.size(file);
        if (!MrcReader.isGzip(file) && size > described) {
            out.add((size - described) + " bytes after the data the header describes (" + described
                    + " bytes): the header may be wrong");
        }
        return out;
    }

    /** Throws naming the file and every defect when the volume read from it is unusable. */
    public static Volume require(Path file, Volume v) throws MrcFormatException {
        List<String> defects = of(v);
        if (!defects.isEmpty()) {
            throw new MrcFormatException(file, String.join("; ", defects) + " (not usable as input; see `inspect`)");
        }
        return v;
    }

    private static boolean finite(Vec3 v) {
        return Double.isFinite(v.x()) && Double.isFinite(v.y()) && Double.isFinite(v.z());
    }

    private static String fmt(Vec3 v) {
        return String.format(Locale.ROOT, "%.4g × %.4g × %.4g", v.x(), v.y(), v.z());
    }
}
