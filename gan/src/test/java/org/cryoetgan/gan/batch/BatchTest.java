package org.cryoetgan.gan.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cryoetgan.gan.data.LabelTable;
import org.cryoetgan.gan.mrc.MrcMode;
import org.cryoetgan.gan.mrc.MrcReader;
import org.cryoetgan.gan.mrc.MrcWriteOptions;
import org.cryoetgan.gan.sim.Mtf;
import org.cryoetgan.gan.sim.SimulationMode;
import org.cryoetgan.gan.sim.SimulationSettings;
import org.cryoetgan.gan.structure.DensitySettings;
import org.cryoetgan.gan.structure.MembraneSettings;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchTest {

    @TempDir
    Path dir;

    private static List<MapSource> sources() {
        DensitySettings s = DensitySettings.of(9.4, 20, 24);
        return List.of(MapSources.demo("hsp90-sba1", s), MapSources.membrane(MembraneSettings.flat(9.4, 24, 20)));
    }

    @Test
    void densityBatchWritesMapsAndStarLabelsReproducibly() throws IOException {
        List<Integer> progress = new ArrayList<>();
        Path out = dir.resolve("maps");
        LabelTable t = DensityBatch.run(sources(), 3, new Augmentation(true, 10), 7, out, out.resolve("labels.star"),
                MrcWriteOptions.defaults(), (done, total, item) -> progress.add(done));
        assertEquals(6, t.size());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), progress);
        assertTrue(Files.exists(out.resolve("hsp90-sba1_0002.mrc")));
        assertTrue(Files.exists(out.resolve("membrane_0000.mrc")));
        String star = Files.readString(out.resolve("labels.star"));
        assertTrue(star.contains("data_particles") && star.contains("_rlnAngleTilt #6"), star);
        Map<String, String> labels = LabelTable.readLabels(out);
        assertEquals("membrane", labels.get("membrane_0001.mrc"));
        Volume v = MrcReader.readVolume(out.resolve("hsp90-sba1_0001.mrc"));
        assertEquals(24, v.nx());
        assertEquals(9.4, v.voxelSize().x(), 1e-5);

        Path again = dir.resolve("again");
        DensityBatch.run(sources(), 3, new Augmentation(true, 10), 7, again, again.resolve("labels.csv"),
                MrcWriteOptions.defaults(), BatchProgress.SILENT);
        assertArrayEquals(v.data(), MrcReader.readVolume(again.resolve("hsp90-sba1_0001.mrc")).data(), "same seed, same maps");
    }

    @Test
    void simulationBatchCarriesLabelsFromTheDensityFolder() throws IOException {
        Path maps = dir.resolve("maps");
        DensityBatch.run(sources(), 2, new Augmentation(true, 0), 1, maps, maps.resolve("labels.csv"),
                MrcWriteOptions.defaults(), BatchProgress.SILENT);
        Path sims = dir.resolve("sims");
        SimulationSettings s = SimulationSettings.paperDefaults().withMode(SimulationMode.FOURIER).withMtf(Mtf.none());
        List<MapSources.LabelledFile> files = MapSources.files(maps, MapSources::isMapFile);
        assertEquals(4, files.size());
        LabelTable t = SimulationBatch.run(files, 2, new Augmentation(true, 0), s,
                new SimulationBatch.DefocusRange(-6, -2), 3, sims, sims.resolve("labels.csv"),
                MrcWriteOptions.defaults().withMode(MrcMode.FLOAT16), BatchProgress.SILENT);
        assertEquals(8, t.size());
        List<String> csv = Files.readAllLines(sims.resolve("labels.csv"));
        assertEquals(9, csv.size());
        assertTrue(csv.get(0).startsWith("file,label,class,"));
        assertTrue(Files.exists(sims.resolve("hsp90-sba1_0003.mrc")), "numbered per label across source maps");
        assertEquals(12, MrcReader.read(sims.resolve("hsp90-sba1_0003.mrc")).header().mode(), "written as float16");
        long membranes = csv.stream().filter(l -> l.contains(",membrane,2,")).count();
        assertEquals(4, membranes, "class numbers follow the labels");
        for (String line : csv.subList(1, csv.size())) {
            double dz = Double.parseDouble(line.split(",")[10]);
            assertTrue(dz >= -6 && dz <= -2, "defocus drawn from the range: " + dz);
        }
    }

    /** Stops a batch, as a kill or a failing input would, once it has written {@code n} volumes. */
    private static BatchProgress stopAfter(int n) {
        return (done, total, item) -> {
            if (done == n) {
                throw new IllegalStateException("stopped after " + n);
            }
        };
    }

    @Test
    void aDensityBatchStoppedMidwayLeavesLabelsOfExactlyTheMapsItWrote() throws IOException {
        Path out = dir.resolve("maps");
        assertThrows(IllegalStateException.class, () -> DensityBatch.run(sources(), 3, new Augmentation(true, 0), 7,
                out, out.resolve("labels.star"), MrcWriteOptions.defaults(), stopAfter(4)));
        assertEquals(4, LabelledFolder.volumes(out).size());
        LabelledFolder.assertEveryVolumeListedOnce(out, "labels.star");
    }

    @Test
    void aSimulationBatchStoppedMidwayLeavesLabelsOfExactlyTheSubtomogramsItWrote() throws IOException {
        Path maps = dir.resolve("maps");
        DensityBatch.run(sources(), 2, new Augmentation(true, 0), 1, maps, maps.resolve("labels.csv"),
                MrcWriteOptions.defaults(), BatchProgress.SILENT);
        Path sims = dir.resolve("sims");
        SimulationSettings s = SimulationSettings.paperDefaults().withMode(SimulationMode.FOURIER).withMtf(Mtf.none());
        assertThrows(IllegalStateException.class, () -> SimulationBatch.run(MapSources.files(maps,
                MapSources::isMapFile), 2, new Augmentation(true, 0), s, new SimulationBatch.DefocusRange(-4, -4), 3,
                sims, sims.resolve("labels.csv"), MrcWriteOptions.defaults(), stopAfter(5)));
        assertEquals(5, LabelledFolder.volumes(sims).size());
        LabelledFolder.assertEveryVolumeListedOnce(sims, "labels.csv");
    }

    @Test
    void listFileWithLabels() throws IOException {
        Path list = dir.resolve("list.txt");
        Files.writeString(list, "# models\na.pdb ribosome\nsub/b.cif.gz, proteasome\nc.pdb\n");
        List<MapSources.LabelledFile> f = MapSources.files(list, MapSources::isModelFile);
        assertEquals(3, f.size());
        assertEquals("ribosome", f.get(0).label());
        assertEquals(dir.resolve("sub/b.cif.gz"), f.get(1).file());
        assertEquals("proteasome", f.get(1).label());
        assertEquals("c", f.get(2).label());
    }

    @Test
    void csvQuoting() throws IOException {
        LabelTable t = new LabelTable(List.of(new LabelTable.Column("a", "x"), new LabelTable.Column("b", "y")));
        t.add("with,comma", 1.5);
        Path p = dir.resolve("t.csv");
        t.write(p);
        assertEquals(List.of("a,b", "\"with,comma\",1.5000"), Files.readAllLines(p));
    }
}
