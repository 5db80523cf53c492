package org.cryoetgan.cli;

import java.util.List;
import org.cryoetgan.gan.sim.InputSimulation;
import org.cryoetgan.gan.train.TrainingConfig;
import org.cryoetgan.gan.train.TrainingSettings;
import picocli.CommandLine.Option;

/**
 * The values inside {@code inputSimulation} ({@code --simulate-input}): each changes one field of the simulator's
 * settings and needs {@code --simulate-input} (or a config that has it).
 */
final class InputSimulationOptions {
    @Option(names = "--input-snr", description = "SNR of the simulated inputs (with --simulate-input; default 0.5).")
    Double snr;

    @Option(names = "--input-defocus", split = ":", paramLabel = "UM:UM", description = "Defocus range of the"
            + " simulated inputs in µm, MIN:MAX (with --simulate-input; default -5:-3).")
    List<Double> defocus;

    @Option(names = "--input-per-map", description = "Simulated inputs per training map (with --simulate-input;"
            + " default 1).")
    Integer perMap;

    /**
     * {@code c} with these values in its input simulation; throws when one is given and it has none. When
     * {@code base} (the preset or config before the options) already simulates its inputs, {@code --simulate-input}
     * keeps base's simulator values instead of the defaults.
     */
    TrainingConfig applied(TrainingConfig base, TrainingConfig c) {
        InputSimulation kept = base.get(TrainingSettings.INPUT_SIMULATION);
        if (kept != null && c.get(TrainingSettings.INPUT_SIMULATION) != null) {
            c = c.with(TrainingSettings.INPUT_SIMULATION, kept);
        }
        if (snr == null && defocus == null && perMap == null) {
            return c;
        }
        InputSimulation sim = c.get(TrainingSettings.INPUT_SIMULATION);
        if (sim == null) {
            throw new IllegalArgumentException("--input-snr, --input-defocus and --input-per-map need --simulate-input");
        }
        if (snr != null) {
            sim.snr = snr;
        }
        if (perMap != null) {
            sim.perMap = perMap;
        }
        if (defocus != null) {
            if (defocus.size() != 2) {
                throw new IllegalArgumentException("--input-defocus takes MIN:MAX in µm, got " + defocus);
            }
            sim.defocusMinUm = defocus.get(0);
            sim.defocusMaxUm = defocus.get(1);
        }
        return c.with(TrainingSettings.INPUT_SIMULATION, sim);
    }
}
