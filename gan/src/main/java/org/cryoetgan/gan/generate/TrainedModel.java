package org.cryoetgan.gan.generate;

import static org.cryoetgan.gan.train.TrainingSettings.INPUT_SIMULATION;
import static org.cryoetgan.gan.train.TrainingSettings.NORMALIZATION;
import static org.cryoetgan.gan.train.TrainingSettings.SEED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.gan.data.ScalerSpec;
import org.cryoetgan.gan.data.VolumeScaler;
import org.cryoetgan.gan.model.CycleWgan;
import org.cryoetgan.gan.sim.InputSimulation;
import org.cryoetgan.gan.sim.StatisticsMatch;
import org.cryoetgan.gan.train.NetworkSpecs;
import org.cryoetgan.gan.train.RunFolder;
import org.cryoetgan.gan.train.TrainingConfig;
import org.cryoetgan.gan.volume.Volume;
import org.cryoetgan.nn.io.Checkpoint;

/**
 * A trained CryoETGAN loaded from a run folder (its {@code config.json} and a checkpoint, by default the selected
 * one if training selected one, else the newest), with the density normalisation the run used, in evaluation mode.
 * Generation uses {@link CycleWgan#samplingGenerator()}: the averaged G_ds when the run kept one, on
 * {@link #generatorInput}: the map, simulated and statistics-matched as in training when the run did so.
 */
public final class TrainedModel implements AutoCloseable {
    private final TrainingConfig config;
    private final CycleWgan model;
    private final VolumeScaler densityScaler;
    private final StatisticsMatch inputMatch;
    private final long step;
    private final Path checkpoint;
    private final double voxelSize;

    private TrainedModel(TrainingConfig config, CycleWgan model, VolumeScaler densityScaler, StatisticsMatch inputMatch,
                         long step, Path checkpoint, double voxelSize) {
        this.config = config;
        this.model = model;
        this.densityScaler = densityScaler;
        this.inputMatch = inputMatch;
        this.step = step;
        this.checkpoint = checkpoint;
        this.voxelSize = voxelSize;
    }

    /**
     * Loads a run.
     *
     * @param checkpointFile a specific checkpoint, or null for the run's selected one (the best realism score,
     *                       {@link RunFolder#selectedCheckpoint()}) when training selected one, else its newest
     */
    public static TrainedModel load(Path runDir, Path checkpointFile) throws IOException {
        RunFolder run = new RunFolder(runDir);
        if (!Files.isRegularFile(run.config())) {
            throw new IOException(runDir + ": not a training run folder (no config.json)");
        }
        TrainingConfig cfg = TrainingConfig.read(run.config());
        Path ck = checkpointFile;
        if (ck == null) {
            ck = Files.isRegularFile(run.selectedCheckpoint()) ? run.selectedCheckpoint() : run.latestCheckpoint()
                    .orElseThrow(() -> new IOException(runDir + ": the run has no checkpoint yet (" + run.checkpoints()
                            + " is empty)"));
        }
        Checkpoint c = Checkpoint.open(ck);
        CycleWgan model = Scope.unscoped(() -> new CycleWgan(NetworkSpecs.of(cfg), cfg.get(SEED)));
        c.restoreModule("model", model, true);
        model.eval();
        JsonNode meta = c.metadata();
        VolumeScaler scaler = ScalerSpec.fromJson(meta.path("density_scaler"), cfg.get(NORMALIZATION)).toScaler();
        JsonNode match = meta.path("input_match");
        StatisticsMatch inputMatch = match.isMissingNode() || match.isNull() ? null
                : new ObjectMapper().treeToValue(match, StatisticsMatch.class);
        return new TrainedModel(cfg, model, scaler, inputMatch, meta.path("step").asLong(), ck,
                meta.path("voxel_size").asDouble(Double.NaN));
    }

    public TrainingConfig config() {
        return config;
    }

    public CycleWgan model() {
        return model;
    }

    public VolumeScaler densityScaler() {
        return densityScaler;
    }

    /** The statistics match the run fitted ({@code --match-statistics}), or null. */
    public StatisticsMatch inputMatch() {
        return inputMatch;
    }

    /**
     * What G_ds is given for {@code map}, before the density scaler: the map itself, or when the run was trained on
     * simulated inputs its simulation with defocus and noise drawn from {@code simulationSeed}; then the run's
     * statistics match, when it has one.
     */
    public Volume generatorInput(Volume map, long simulationSeed) {
        InputSimulation sim = config.get(INPUT_SIMULATION);
        Volume v = sim == null ? map : sim.simulate(map, simulationSeed);
        if (inputMatch == null) {
            return v;
        }
        return new Volume(v.nx(), v.ny(), v.nz(), inputMatch.apply(v.data()), v.voxelSize(), v.origin());
    }

    /** The training step of the loaded checkpoint. */
    public long step() {
        return step;
    }

    public Path checkpoint() {
        return checkpoint;
    }

    /** Voxel size (Å) of the training data, NaN when the checkpoint does not say. */
    public double voxelSize() {
        return voxelSize;
    }

    @Override
    public void close() {
        model.close();
    }
}
