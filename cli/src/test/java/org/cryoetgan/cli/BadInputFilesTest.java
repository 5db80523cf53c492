package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder where a file is expected, or a truncated gzip, gives one line that names the file. */
class BadInputFilesTest {

    @TempDir
    Path dir;

    @Test
    void aTruncatedGzippedModelIsNamed() throws Exception {
        StringBuilder pdb = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            pdb.append(String.format("ATOM  %5d  CA  ALA A %3d    %8.3f%8.3f%8.3f  1.00  0.00           C%n", i, i,
                    i * 1.0, 0.0, 0.0));
        }
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(z)) {
            gz.write(pdb.toString().getBytes());
        }
        Path model = dir.resolve("cut.pdb.gz");
        Files.write(model, Arrays.copyOf(z.toByteArray(), z.size() / 2));
        CliRun r = CliRun.of("density", "--model", model.toString(), "--box", "8", "--out",
                dir.resolve("m.mrc").toString());
        assertTrue(r.failedWithOneLine() && r.err().contains(model + ": the gzip stream is truncated"), r.err());
    }

    @Test
    void aFolderGivenAsAModelOrALabelFileIsNamed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.pdb"));
        CliRun r = CliRun.of("density", "--model", folder.toString(), "--box", "8", "--out",
                dir.resolve("m.mrc").toString());
        assertTrue(r.failedWithOneLine() && r.err().contains(folder + ": is a folder"), r.err());

        Path maps = ShapeFolders.write(dir.resolve("maps"), 8, 2, 0.1, 1);
        CliRun t = CliRun.of("train", "--density", maps.toString(), "--subtomograms", maps.toString(), "--labels",
                folder.toString(), "--box", "8", "--device", "cpu", "--out", dir.resolve("run").toString());
        assertTrue(t.failedWithOneLine() && t.err().contains(folder + ": is a folder"), t.err());
    }
}
