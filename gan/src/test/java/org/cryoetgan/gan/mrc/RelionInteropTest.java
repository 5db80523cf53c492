package org.cryoetgan.gan.mrc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with RELION (Debian package {@code relion}): RELION reads the files we write with the same
 * size, voxel size and statistics, and we read the files RELION writes. Skipped, with a message, where
 * {@code relion_image_handler} is not installed.
 */
class RelionInteropTest {
    private static final Pattern STATS = Pattern.compile("\\(x,y,z,n\\)= (\\d+) x (\\d+) x (\\d+) x 1 ; avg= (\\S+) "
            + "stddev= (\\S+) minval= (\\S+) maxval= (\\S+); angpix = (\\S+)");

    private static boolean relionPresent() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "relion_image_handler"))) {
                return true;
            }
        }
        return false;
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "relion_image_handler timed out");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static Volume sample() {
        int nx = 12;
        int ny = 10;
        int nz = 8;
        float[] v = new float[nx * ny * nz];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i * 0.37) * 3 + 1;
        }
        return new Volume(nx, ny, nz, v, Vec3.of(9.4), Vec3.ZERO);
    }

    @Test
    void relionReadsOurFilesWithTheSameStatistics(@TempDir Path tmp) throws Exception {
        assumeTrue(relionPresent(), "relion_image_handler not installed (apt-get install relion): skipped");
        Path f = tmp.resolve("ours.mrc");
        Volume v = sample();
        MrcWriter.write(f, v);
        Matcher m = STATS.matcher(run(List.of("relion_image_handler", "--i", f.toString(), "--stats")));
        assertTrue(m.find(), "unexpected RELION output");
        assertEquals(12, Integer.parseInt(m.group(1)));
        assertEquals(10, Integer.parseInt(m.group(2)));
        assertEquals(8, Integer.parseInt(m.group(3)));
        var stats = v.stats();
        assertEquals(stats.mean(), Double.parseDouble(m.group(4)), 1e-4);
        assertEquals(stats.rms(), Double.parseDouble(m.group(5)), 1e-4);
        assertEquals(stats.min(), Double.parseDouble(m.group(6)), 1e-4);
        assertEquals(stats.max(), Double.parseDouble(m.group(7)), 1e-4);
        assertEquals(9.4, Double.parseDouble(m.group(8)), 1e-4);
    }

    @Test
    void weReadFilesRelionWrites(@TempDir Path tmp) throws Exception {
        assumeTrue(relionPresent(), "relion_image_handler not installed (apt-get install relion): skipped");
        Path in = tmp.resolve("in.mrc");
        Path out = tmp.resolve("relion.mrc");
        Volume v = sample();
        MrcWriter.write(in, v);
        run(List.of("relion_image_handler", "--i", in.toString(), "--o", out.toString(), "--multiply_constant", "2"));
        Volume r = MrcReader.readVolume(out);
        assertEquals(v.nx(), r.nx());
        assertEquals(v.ny(), r.ny());
        assertEquals(v.nz(), r.nz());
        assertEquals(9.4, r.voxelSize().x(), 1e-3);
        for (int i = 0; i < v.size(); i++) {
            assertEquals(2 * v.data()[i], r.data()[i], 1e-5, "voxel " + i);
        }
    }
}
