package org.cryoetgan.gan.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.gan.data.ScalerSpec;
import org.cryoetgan.gan.data.VolumeScaler;
import org.cryoetgan.gan.model.CycleWgan;
import org.cryoetgan.nn.io.Checkpoint;

/**
 * A finished (or interrupted) training run opened for inference: its configuration, the model restored from the
 * newest checkpoint, and the normalisation the density maps went through in training.
 */
public final class TrainedRun implements AutoCloseable {
    private final TrainingConfig config;
    private final CycleWgan model;
    private final Path checkpoint;
    private final long step;
    private final VolumeScaler densityScaler;

    private TrainedRun(TrainingConfig config, CycleWgan model, Path checkpoint, long step, VolumeScaler densityScaler) {
        this.config = config;
        this.model = model;
        this.checkpoint = checkpoint;
        this.step = step;
        this.densityScaler = densityScaler;
    }

    /** Opens the run folder {@code dir}: config.json and the newest checkpoint, restored strictly. */
    public static TrainedRun open(Path dir) throws IOException {
        RunFolder folder = new RunFolder(dir);
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no such run folder");
        }
        if (!Files.isRegularFile(folder.config())) {
            throw new IOException(dir + ": not a training run (no " + folder.config().getFileName() + ")");
        }
        TrainingConfig cfg = TrainingConfig.read(folder.config());
        Path latest = folder.latestCheckpoint().orElseThrow(() -> new IOException(dir
                + ": the run has no checkpoint yet (looked in " + folder.checkpoints() + ")"));
        Checkpoint ck = Checkpoint.open(latest);
        JsonNode meta = ck.metadata();
        VolumeScaler scaler = ScalerSpec.fromJson(meta.get("density_scaler"), latest.toString()).toScaler();
        CycleWgan model = Scope.unscoped(() -> new CycleWgan(cfg, cfg.seed));
        try {
            ck.restoreModule("model", model, true);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        return new TrainedRun(cfg, model, latest, meta.path("step").asLong(RunFolder.stepOf(latest)), scaler);
    }

    public TrainingConfig config() {
        return config;
    }

    public CycleWgan model() {
        return model;
    }

    /** The checkpoint file the weights came from. */
    public Path checkpoint() {
        return checkpoint;
    }

    public long step() {
        return step;
    }

    /** How density maps are scaled before they enter G_ds. */
    public VolumeScaler densityScaler() {
        return densityScaler;
    }

    @Override
    public void close() {
        model.close();
    }
}
