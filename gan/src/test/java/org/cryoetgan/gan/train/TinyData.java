package org.cryoetgan.gan.train;

import static org.cryoetgan.gan.train.TrainingSettings.BOX;
import static org.cryoetgan.gan.train.TrainingSettings.CHECKPOINT_EVERY;
import static org.cryoetgan.gan.train.TrainingSettings.CRITIC_LAYERS;
import static org.cryoetgan.gan.train.TrainingSettings.CRITIC_STRIDE;
import static org.cryoetgan.gan.train.TrainingSettings.CRITIC_WIDTH;
import static org.cryoetgan.gan.train.TrainingSettings.GENERATOR_WIDTH;
import static org.cryoetgan.gan.train.TrainingSettings.LOG_EVERY;
import static org.cryoetgan.gan.train.TrainingSettings.RESIDUAL_BLOCKS;
import static org.cryoetgan.gan.train.TrainingSettings.SAMPLE_EVERY;
import static org.cryoetgan.gan.train.TrainingSettings.STEPS;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;

/**
 * Small synthetic domains for training tests: "maps" are smooth blobs on a zero background; "subtomograms" are
 * blobs at other positions plus strong white noise, so the two domains differ clearly in their power spectra
 * and intensity histograms.
 */
final class TinyData {
    private TinyData() {
    }

    static VolumeSet maps(int n, int count, long seed) {
        return new VolumeSet("density maps", make(n, count, seed, 0.0));
    }

    static VolumeSet subtomograms(int n, int count, long seed) {
        return new VolumeSet("subtomograms", make(n, count, seed + 101, 0.8));
    }

    private static List<Sample> make(int n, int count, long seed, double noise) {
        Random r = new Random(seed);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] v = new float[n * n * n];
            double cx = n / 2.0 + r.nextGaussian();
            double cy = n / 2.0 + r.nextGaussian();
            double cz = n / 2.0 + r.nextGaussian();
            double rad = n / 5.0 * (0.8 + 0.4 * r.nextDouble());
            for (int z = 0; z < n; z++) {
                for (int y = 0; y < n; y++) {
                    for (int x = 0; x < n; x++) {
                        double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy) + (z - cz) * (z - cz);
                        v[(z * n + y) * n + x] = (float) (Math.exp(-d2 / (2 * rad * rad)) + noise * r.nextGaussian());
                    }
                }
            }
            String label = i % 2 == 0 ? "a" : "b";
            out.add(new Sample(new Volume(n, n, n, v, Vec3.of(10), Vec3.ZERO), label, "tiny:" + i));
        }
        return out;
    }

    /** A fast configuration for tests: narrow networks, stride-2 critics of two layers. */
    static TrainingConfig config(int box, int steps) {
        // the demo's networks, on clean inputs (the demo preset's simulated-input recipe switched off)
        TrainingConfig c = TrainingConfig.demo()
                .with(TrainingSettings.INPUT_SIMULATION, null).with(TrainingSettings.REFINER, false)
                .with(TrainingSettings.MATCH_STATISTICS, false).with(TrainingSettings.IDENTITY_WEIGHT, 0.0)
                .with(TrainingSettings.GENERATOR_AVERAGE, 0.0).with(TrainingSettings.DENSITY_NOISE_STD, 0.2)
                .with(BOX, box)
                .with(GENERATOR_WIDTH, 4)
                .with(RESIDUAL_BLOCKS, 1)
                .with(CRITIC_WIDTH, 4)
                .with(CRITIC_LAYERS, 2)
                .with(CRITIC_STRIDE, 2)
                .with(STEPS, steps)
                .with(LOG_EVERY, 1)
                .with(SAMPLE_EVERY, 1000)
                .with(CHECKPOINT_EVERY, 1000);
        return c;
    }
}
