package org.cryoetgan.gan.train;

import static org.cryoetgan.gan.train.TrainingSettings.BOX;
import static org.cryoetgan.gan.train.TrainingSettings.CHECKPOINT_EVERY;
import static org.cryoetgan.gan.train.TrainingSettings.DROPOUT;
import static org.cryoetgan.gan.train.TrainingSettings.LOG_EVERY;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;

/** Trains a minimal run (tiny networks, random volumes) for tests of what reads trained runs. */
public final class TinyRun {
    private TinyRun() {
    }

    /** {@link TinyData#config} with dropout (so MC-dropout has something to sample) and one final checkpoint. */
    public static TrainingConfig config(int box, int steps) {
        TrainingConfig c = TinyData.config(box, steps)
                .with(DROPOUT, 0.3)
                .with(CHECKPOINT_EVERY, steps)
                .with(LOG_EVERY, steps);
        return c;
    }

    /** Trains {@code steps} steps on random {@code box}³ volumes into {@code dir}. */
    public static void train(Path dir, int box, int steps) throws Exception {
        train(dir, config(box, steps));
    }

    /** Trains the given configuration on random {@code c.get(BOX)}³ volumes into {@code dir}. */
    public static void train(Path dir, TrainingConfig c) throws Exception {
        int box = c.get(BOX);
        VolumeSet d = new VolumeSet("density maps", random(box, 4, 1));
        VolumeSet s = new VolumeSet("subtomograms", random(box, 4, 2));
        new TrainingRun(new RunFolder(dir), c, new TrainingData(d, s, c), d.samples(),
                new PrintStream(new ByteArrayOutputStream()), false).run(false);
    }

    private static List<Sample> random(int n, int count, long seed) {
        Random r = new Random(seed);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] v = new float[n * n * n];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) r.nextGaussian();
            }
            out.add(new Sample(new Volume(n, n, n, v, Vec3.of(10), Vec3.ZERO), "x", "random:" + i));
        }
        return out;
    }
}
