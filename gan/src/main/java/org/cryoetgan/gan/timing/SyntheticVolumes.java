package org.cryoetgan.gan.timing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.volume.Volume;

/** Volumes of Gaussian noise for timing (their content does not change the work of a step). */
final class SyntheticVolumes {
    private SyntheticVolumes() {
    }

    /** {@code count} volumes of edge {@code box}, labelled in turn with one of {@code classes} class names. */
    static VolumeSet of(String domain, int count, int box, int classes, long seed) {
        Random r = new Random(seed);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Volume v = Volume.cube(box, 1.0);
            float[] d = v.data();
            for (int j = 0; j < d.length; j++) {
                d[j] = (float) r.nextGaussian();
            }
            samples.add(new Sample(v, "class" + (i % classes), domain + "-" + i));
        }
        return new VolumeSet(domain, samples);
    }
}
