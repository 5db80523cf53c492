import java.nio.ByteOrder;
import java.nio.file.Path;
import org.cryoetgan.gan.mrc.MrcMode;
import org.cryoetgan.gan.mrc.MrcWriteOptions;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;

/**
 * Writes MRC files with the Java writer in every mode and byte order it supports, for tools/mrc_interop_check.py.
 * Run from the repository root after building gan:
 *   java -cp gan/target/classes tools/WriteMrcSamples.java OUTDIR
 * Each volume is 7×6×5 with v(x, y, z) = sin(x) + 0.5 y − 0.25 z, voxel (9.4, 9.5, 9.6) Å, origin (−5, 6, 7.5) Å.
 */
public class WriteMrcSamples {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Volume v = new Volume(7, 6, 5, new float[210], new Vec3(9.4, 9.5, 9.6), new Vec3(-5, 6, 7.5));
        for (int z = 0; z < 5; z++) {
            for (int y = 0; y < 6; y++) {
                for (int x = 0; x < 7; x++) {
                    v.set(x, y, z, (float) (Math.sin(x) + 0.5 * y - 0.25 * z));
                }
            }
        }
        for (MrcMode mode : new MrcMode[] {MrcMode.FLOAT32, MrcMode.FLOAT16}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                String name = "java_mode" + mode.code() + (order == ByteOrder.LITTLE_ENDIAN ? "_le" : "_be") + ".mrc";
                MrcWriter.write(out.resolve(name), v, MrcWriteOptions.defaults().withMode(mode).withByteOrder(order));
            }
        }
        MrcWriter.write(out.resolve("java_mode2_le.mrc.gz"), v);
        MrcWriter.write(out.resolve("java_image_stack.mrc"), v, MrcWriteOptions.defaults().withIspg(0));
    }
}
