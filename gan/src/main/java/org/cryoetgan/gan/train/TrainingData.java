package org.cryoetgan.gan.train;

import static org.cryoetgan.gan.train.TrainingSettings.BATCH_SIZE;
import static org.cryoetgan.gan.train.TrainingSettings.BOX;
import static org.cryoetgan.gan.train.TrainingSettings.DENSITY_NOISE_STD;
import static org.cryoetgan.gan.train.TrainingSettings.MATCH_STATISTICS;
import static org.cryoetgan.gan.train.TrainingSettings.NORMALIZATION;
import static org.cryoetgan.gan.train.TrainingSettings.SEED;
import static org.cryoetgan.gan.train.TrainingSettings.ZSCORE_CLIP;

import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.gan.data.EpochSampler;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeScaler;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.sim.StatisticsMatch;
import org.cryoetgan.gan.volume.Volume;

/**
 * The two unpaired training domains, normalised once, and the batches of each step: a pure function of the
 * step number and the seed, so that a resumed run sees exactly the batches the killed one would have.
 */
public final class TrainingData {
    private final VolumeSet density;
    private final VolumeSet subtomograms;
    private final StatisticsMatch inputMatch;
    private final VolumeScaler densityScaler;
    private final VolumeScaler subtomogramScaler;
    private final float[][] densityScaled;
    private final float[][] subtomogramScaled;
    private final int box;
    private final int batch;
    private final double noiseStd;
    private final EpochSampler[] densitySamplers = new EpochSampler[2];
    private final EpochSampler[] subtomogramSamplers = new EpochSampler[2];

    /**
     * @param density      training density maps (domain D)
     * @param subtomograms training subtomograms (domain S)
     */
    public TrainingData(VolumeSet density, VolumeSet subtomograms, TrainingConfig c) {
        if (density.box() != subtomograms.box()) {
            throw new IllegalArgumentException("density maps are " + density.box() + "³ but subtomograms are "
                    + subtomograms.box() + "³; both domains need the same box");
        }
        if (density.box() != c.get(BOX)) {
            throw new IllegalArgumentException("the data are " + density.box() + "³ but the configuration says box "
                    + c.get(BOX));
        }
        this.inputMatch = c.get(MATCH_STATISTICS)
                ? StatisticsMatch.fit(raw(density), raw(subtomograms), density.box()) : null;
        this.density = inputMatch == null ? density : matched(density, inputMatch);
        this.subtomograms = subtomograms;
        this.densityScaler = VolumeScaler.fit(c.get(NORMALIZATION), c.get(ZSCORE_CLIP), raw(this.density));
        this.subtomogramScaler = VolumeScaler.fit(c.get(NORMALIZATION), c.get(ZSCORE_CLIP), raw(subtomograms));
        this.densityScaled = scaled(this.density, densityScaler);
        this.subtomogramScaled = scaled(subtomograms, subtomogramScaler);
        this.box = density.box();
        this.batch = c.get(BATCH_SIZE);
        this.noiseStd = c.get(DENSITY_NOISE_STD);
        for (int i = 0; i < 2; i++) {
            densitySamplers[i] = new EpochSampler(density.size(), c.get(SEED) * 31 + 2 * i);
            subtomogramSamplers[i] = new EpochSampler(subtomograms.size(), c.get(SEED) * 31 + 2 * i + 1);
        }
    }

    private static List<float[]> raw(VolumeSet set) {
        List<float[]> out = new ArrayList<>();
        for (Sample s : set.samples()) {
            out.add(s.volume().data());
        }
        return out;
    }

    private static VolumeSet matched(VolumeSet set, StatisticsMatch match) {
        List<Sample> out = new ArrayList<>(set.size());
        for (Sample s : set.samples()) {
            Volume v = s.volume();
            out.add(new Sample(new Volume(v.nx(), v.ny(), v.nz(), match.apply(v.data()), v.voxelSize(), v.origin()),
                    s.label(), s.source()));
        }
        return new VolumeSet(set.domain(), out);
    }

    private static float[][] scaled(VolumeSet set, VolumeScaler scaler) {
        float[][] out = new float[set.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = scaler.apply(set.get(i).volume().data());
        }
        return out;
    }

    /** The statistics match applied to domain D before its scaler, or null when the run has none. */
    public StatisticsMatch inputMatch() {
        return inputMatch;
    }

    public VolumeScaler densityScaler() {
        return densityScaler;
    }

    public VolumeScaler subtomogramScaler() {
        return subtomogramScaler;
    }

    /** Domain D as trained on: the statistics-matched volumes when the run has a match. */
    public VolumeSet density() {
        return density;
    }

    public VolumeSet subtomograms() {
        return subtomograms;
    }

    /**
     * The density batch of draw {@code k} of stream {@code stream} (0: generator steps, 1: extra critic steps),
     * with the training noise added from {@code rng}.
     */
    public Tensor densityBatch(int stream, long k, RandomGenerator rng) {
        Tensor clean = batch(densityScaled, densitySamplers[stream], k);
        if (noiseStd <= 0) {
            return clean;
        }
        return clean.add(Tensor.normal(rng, 0f, (float) noiseStd, clean.shape()));
    }

    /** The subtomogram batch of draw {@code k} of stream {@code stream}. */
    public Tensor subtomogramBatch(int stream, long k) {
        return batch(subtomogramScaled, subtomogramSamplers[stream], k);
    }

    private Tensor batch(float[][] volumes, EpochSampler sampler, long k) {
        int vol = box * box * box;
        float[] data = new float[batch * vol];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(volumes[sampler.index(k * batch + b)], 0, data, b * vol, vol);
        }
        return Tensor.of(data, batch, 1, box, box, box);
    }

    /** A single scaled volume as a 1×1×n×n×n tensor. */
    public static Tensor asBatch(float[] scaled, int box) {
        return Tensor.of(scaled, 1, 1, box, box, box);
    }
}
