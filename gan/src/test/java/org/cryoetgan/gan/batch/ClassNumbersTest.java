package org.cryoetgan.gan.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cryoetgan.gan.mrc.MrcWriteOptions;
import org.cryoetgan.gan.sim.Mtf;
import org.cryoetgan.gan.sim.SimulationMode;
import org.cryoetgan.gan.sim.SimulationSettings;
import org.cryoetgan.gan.structure.DensitySettings;
import org.cryoetgan.gan.structure.MembraneSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassNumbersTest {

    @Test
    void numbersFollowTheSortedLabelsWhateverTheirOrder() {
        ClassNumbers a = new ClassNumbers(List.of("ribosome", "membrane", "apoferritin", "membrane"));
        ClassNumbers b = new ClassNumbers(List.of("apoferritin", "membrane", "ribosome"));
        for (String label : List.of("apoferritin", "membrane", "ribosome")) {
            assertEquals(b.of(label), a.of(label), label);
        }
        assertEquals(1, a.of("apoferritin"));
        assertEquals(3, a.of("ribosome"));
        assertThrows(IllegalArgumentException.class, () -> a.of("unknown"));
    }

    @Test
    void aNumberingExtendedWithNewLabelsKeepsItsNumbersAndNumbersTheRestAfterThem() {
        ClassNumbers folder = ClassNumbers.of(Map.of("membrane", 1, "ribosome", 4));
        ClassNumbers more = folder.with(List.of("ribosome", "apoferritin", "zz", "apoferritin"));
        assertEquals(Map.of("membrane", 1, "ribosome", 4, "apoferritin", 5, "zz", 6), more.numbers());
        assertEquals(Map.of("membrane", 1, "ribosome", 4), folder.numbers(), "the original is unchanged");
    }

    @Test
    void densityAndSimulationGiveALabelTheSameNumber(@TempDir Path dir) throws IOException {
        DensitySettings s = DensitySettings.of(47, 94, 8);
        // the membrane comes first among the sources but last among the files
        List<MapSource> sources = List.of(MapSources.membrane(MembraneSettings.flat(47, 8, 94)),
                MapSources.demo("apoferritin", s));
        Path maps = dir.resolve("maps");
        DensityBatch.run(sources, 1, new Augmentation(false, 0), 1, maps, maps.resolve("labels.csv"),
                MrcWriteOptions.defaults(), BatchProgress.SILENT);
        Path sims = dir.resolve("sims");
        SimulationBatch.run(MapSources.files(maps, MapSources::isMapFile), 1, new Augmentation(false, 0),
                SimulationSettings.paperDefaults().withMode(SimulationMode.FOURIER).withMtf(Mtf.none()),
                new SimulationBatch.DefocusRange(-4, -4), 1, sims, sims.resolve("labels.csv"),
                MrcWriteOptions.defaults(), BatchProgress.SILENT);
        Map<String, String> density = classes(maps.resolve("labels.csv"));
        assertEquals(Map.of("apoferritin", "1", "membrane", "2"), density);
        assertEquals(density, classes(sims.resolve("labels.csv")));
    }

    private static Map<String, String> classes(Path csv) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] f = line.split(",");
            out.put(f[1], f[2]);
        }
        return out;
    }
}
