package org.cryoetgan.gan.uncertainty;

import static org.cryoetgan.gan.train.TrainingSettings.DROPOUT;
import static org.cryoetgan.gan.train.TrainingSettings.NOISE_CHANNELS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.cryoetgan.gan.data.ShapeVolumes;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.train.RunFolder;
import org.cryoetgan.gan.train.TrainingConfig;
import org.cryoetgan.gan.train.TrainingData;
import org.cryoetgan.gan.train.TrainingRun;

/** Trains a CycleWGAN of a few hundred parameters for two steps on 8³ shapes, as a run folder to sample from. */
final class TinyRun {
    static final int BOX = 8;

    private TinyRun() {
    }

    static TrainingConfig config(double dropout, int noiseChannels) {
        TrainingConfig c = org.cryoetgan.gan.train.TinyRun.config(BOX, 2)
                .with(DROPOUT, dropout)
                .with(NOISE_CHANNELS, noiseChannels);
        return c;
    }

    static VolumeSet maps() {
        return ShapeVolumes.set(BOX, 3, 0.0, 1);
    }

    static Path train(Path dir, TrainingConfig c) throws IOException {
        VolumeSet subtomograms = ShapeVolumes.set(BOX, 3, 0.5, 2);
        new TrainingRun(new RunFolder(dir), c, new TrainingData(maps(), subtomograms, c), maps().samples(),
                new PrintStream(new ByteArrayOutputStream()), false).run(false).close();
        return dir;
    }
}
