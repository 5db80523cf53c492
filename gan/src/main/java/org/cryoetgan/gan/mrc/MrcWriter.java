package org.cryoetgan.gan.mrc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.cryoetgan.gan.volume.VolumeStats;
import org.cryoetgan.nn.io.AtomicFiles;

/**
 * Writes a {@link Volume} as an MRC2014 file in mode 2 (float32) or mode 12 (float16), readable by IMOD, ChimeraX,
 * RELION and {@code mrcfile}: axis order 1,2,3, MX/MY/MZ = NX/NY/NZ (MZ = 1 for image stacks), CELLA = size × voxel
 * size, CELLB = 90°, DMIN/DMAX/DMEAN/RMS of the values as stored (after float16 rounding), ORIGIN = the volume's
 * origin, NXSTART = 0, NVERSION 20141, {@code MAP } and the machine stamp of the chosen byte order.
 *
 * <p>The file is written to a temporary sibling and renamed into place, so a reader never sees half a file. A name
 * ending in {@code .gz} is gzip-compressed.
 */
public final class MrcWriter {

    private MrcWriter() {
    }

    /** Write float32, little-endian. */
    public static void write(Path file, Volume volume) throws IOException {
        write(file, volume, MrcWriteOptions.defaults());
    }

    /** Write with the given options. */
    public static void write(Path file, Volume volume, MrcWriteOptions options) throws IOException {
        float[] stored = options.mode() == MrcMode.FLOAT16 ? roundToHalf(volume.data()) : volume.data();
        MrcHeader header = headerFor(volume, VolumeStats.of(stored), options);
        boolean gz = file.getFileName().toString().endsWith(".gz");
        AtomicFiles.write(file, raw -> {
            if (gz) {
                GZIPOutputStream out = new GZIPOutputStream(raw, 1 << 16);
                out.write(header.encode());
                writeData(out, stored, options);
                out.finish();
            } else {
                raw.write(header.encode());
                writeData(raw, stored, options);
            }
        });
    }

    /** The header this writer produces for a volume with the given statistics. */
    static MrcHeader headerFor(Volume v, VolumeStats s, MrcWriteOptions o) {
        Vec3 vox = v.voxelSize();
        int mz = o.ispg() == MrcHeader.ISPG_IMAGE_STACK ? 1 : v.nz();
        return new MrcHeader(v.nx(), v.ny(), v.nz(), o.mode().code(),
                0, 0, 0,
                v.nx(), v.ny(), mz,
                new Vec3(v.nx() * vox.x(), v.ny() * vox.y(), mz * vox.z()), new Vec3(90, 90, 90),
                1, 2, 3,
                (float) s.min(), (float) s.max(), (float) s.mean(),
                o.ispg(), 0, "", 20141,
                0, 0,
                v.origin(), "MAP ", MrcHeader.stampFor(o.byteOrder()), (float) s.rms(),
                List.of(o.label()), o.byteOrder(), true);
    }


    private static void writeData(OutputStream out, float[] data, MrcWriteOptions o) throws IOException {
        int bytes = o.mode().bytesPerVoxel();
        int chunk = 1 << 14;
        ByteBuffer buf = ByteBuffer.allocate(chunk * bytes).order(o.byteOrder());
        for (int start = 0; start < data.length; start += chunk) {
            buf.clear();
            int end = Math.min(data.length, start + chunk);
            for (int i = start; i < end; i++) {
                if (o.mode() == MrcMode.FLOAT16) {
                    buf.putShort(Half.fromFloat(data[i]));
                } else {
                    buf.putFloat(data[i]);
                }
            }
            out.write(buf.array(), 0, buf.position());
        }
    }

    private static float[] roundToHalf(float[] data) {
        float[] out = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = Half.round(data[i]);
        }
        return out;
    }
}
