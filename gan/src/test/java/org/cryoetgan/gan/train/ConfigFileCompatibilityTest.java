package org.cryoetgan.gan.train;

import static org.cryoetgan.gan.train.TrainingSettings.DENSITY_NOISE_STD;
import static org.cryoetgan.gan.train.TrainingSettings.GENERATOR_AVERAGE;
import static org.cryoetgan.gan.train.TrainingSettings.IDENTITY_WEIGHT;
import static org.cryoetgan.gan.train.TrainingSettings.INPUT_SIMULATION;
import static org.cryoetgan.gan.train.TrainingSettings.MATCH_STATISTICS;
import static org.cryoetgan.gan.train.TrainingSettings.REFINER;
import static org.cryoetgan.gan.train.TrainingSettings.SELECT_SAMPLES;
import static org.cryoetgan.gan.train.TrainingSettings.STEPS;
import static org.cryoetgan.gan.train.TrainingSettings.ZSCORE_CLIP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cryoetgan.gan.sim.InputSimulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The config.json files in {@code src/test/resources/settings} were written by the training configuration before
 * the settings table replaced its fields: the table writes the same bytes and reads them back, and the file of an
 * older run, without the settings added since, still loads.
 */
class ConfigFileCompatibilityTest {
    private static final Path FIXTURES = Path.of("src/test/resources/settings");

    private static String fixture(String name) throws Exception {
        return Files.readString(FIXTURES.resolve(name + ".json"), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"paper", "reference-code", "cpu", "demo"})
    void eachPresetWritesTheBytesOfBefore(String preset) throws Exception {
        assertEquals(fixture(preset), TrainingConfig.preset(preset).toJson());
        assertEquals(TrainingConfig.preset(preset), TrainingConfig.read(FIXTURES.resolve(preset + ".json")));
    }

    @Test
    void simulatedInputsWriteTheNestedObjectOfBefore() throws Exception {
        InputSimulation sim = InputSimulation.defaults();
        sim.snr = 0.25;
        TrainingConfig c = TrainingConfig.cpu().with(INPUT_SIMULATION, sim).with(REFINER, true);
        assertEquals(fixture("cpu-simulated-input"), c.toJson());
        assertEquals(c, TrainingConfig.fromJson(fixture("cpu-simulated-input")));
    }

    @Test
    void anOlderRunsFileLoadsWithThePapersValuesForTheNewerSettings() throws Exception {
        TrainingConfig old = TrainingConfig.read(FIXTURES.resolve("old-demo-run.json"));
        assertEquals(1000, old.get(STEPS));
        assertEquals(3.0, old.get(ZSCORE_CLIP));
        assertEquals(210, old.get(SELECT_SAMPLES));
        // the demo preset has since become the simulated-input recipe; the older file keeps its own values
        TrainingConfig olderDemo = TrainingConfig.demo().with(DENSITY_NOISE_STD, 0.2).with(INPUT_SIMULATION, null)
                .with(REFINER, false).with(MATCH_STATISTICS, false).with(IDENTITY_WEIGHT, 0.0)
                .with(GENERATOR_AVERAGE, 0.0);
        assertEquals(olderDemo.toJson(), old.toJson());
    }
}
