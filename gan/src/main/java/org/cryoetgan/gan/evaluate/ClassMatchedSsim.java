package org.cryoetgan.gan.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.gan.data.Normalization;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeScaler;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.metrics.Ssim;
import org.cryoetgan.gan.metrics.VolumeShape;

/**
 * SSIM between a generated set and the real set, class by class. The paper does not define how its single SSIM
 * value over unpaired sets was formed; this is the definition used here:
 *
 * <ol>
 *   <li>every volume is z-scored on its own and clipped to ±3σ, mapped to [−1, 1] (so that generator output and
 *       raw subtomograms are on one scale), and SSIM uses scikit-image's default (7³ box window, K1 0.01,
 *       K2 0.03, sample covariance) with data range 2;</li>
 *   <li>each generated volume is compared with up to {@code references} real volumes of its own class (all real
 *       volumes when the generated set carries no labels), chosen once per class in a seeded random order;</li>
 *   <li>{@code mean} is the average over generated volumes of the mean SSIM to those references;
 *       {@code nearest} the average over generated volumes of the best SSIM among them (1 when every generated
 *       volume has an identical real twin).</li>
 * </ol>
 */
public final class ClassMatchedSsim {

    /** The two averages defined in the class comment. */
    public record Result(double mean, double nearest) {
    }

    private final Ssim ssim = Ssim.scikitImageDefault();
    private final int references;
    private final long seed;

    public ClassMatchedSsim(int references, long seed) {
        if (references < 1) {
            throw new IllegalArgumentException("SSIM needs at least one reference per volume, got " + references);
        }
        this.references = references;
        this.seed = seed;
    }

    /** The scores; generated volumes whose class has no real volumes are left out (null if none remain). */
    public Result compute(VolumeSet real, VolumeSet generated) {
        if (real.box() != generated.box()) {
            throw new IllegalArgumentException("real volumes are " + real.box() + "³ but " + generated.domain()
                    + " are " + generated.box() + "³");
        }
        VolumeScaler scaler = VolumeScaler.perVolume(Normalization.ZSCORE);
        boolean labelled = !generated.labels().isEmpty();
        Map<String, List<float[]>> refs = referencesByClass(real, scaler, labelled);
        VolumeShape shape = VolumeShape.cube(real.box());
        List<Sample> gen = generated.samples();
        double[][] scores = new double[gen.size()][];
        IntStream.range(0, gen.size()).parallel().forEach(i -> {
            List<float[]> r = refs.get(labelled ? gen.get(i).label() : "");
            if (r == null || r.isEmpty()) {
                return;
            }
            float[] g = scaler.apply(gen.get(i).volume().data());
            double sum = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (float[] ref : r) {
                double s = ssim.mean(g, ref, shape, 2.0);
                sum += s;
                best = Math.max(best, s);
            }
            scores[i] = new double[] {sum / r.size(), best};
        });
        double mean = 0;
        double nearest = 0;
        int n = 0;
        for (double[] s : scores) {
            if (s != null) {
                mean += s[0];
                nearest += s[1];
                n++;
            }
        }
        return n == 0 ? null : new Result(mean / n, nearest / n);
    }

    private Map<String, List<float[]>> referencesByClass(VolumeSet real, VolumeScaler scaler, boolean byClass) {
        int[] order = new int[real.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        new RandomGenerator(seed).shuffle(order);
        Map<String, List<float[]>> out = new LinkedHashMap<>();
        for (int i : order) {
            Sample s = real.get(i);
            List<float[]> list = out.computeIfAbsent(byClass ? s.label() : "", k -> new ArrayList<>());
            if (list.size() < references) {
                list.add(scaler.apply(s.volume().data()));
            }
        }
        return out;
    }
}
