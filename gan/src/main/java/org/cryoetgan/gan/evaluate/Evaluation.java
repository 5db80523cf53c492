package org.cryoetgan.gan.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.gan.classify.EpochReport;
import org.cryoetgan.gan.classify.Predictions;
import org.cryoetgan.gan.classify.TrainedClassifier;
import org.cryoetgan.gan.data.Normalization;
import org.cryoetgan.gan.data.VolumeScaler;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.metrics.Fid;
import org.cryoetgan.gan.metrics.InceptionScore;
import org.cryoetgan.gan.metrics.Prdc;

/**
 * Compares data sets (CryoETGAN output, a baseline simulation, ...) with real subtomograms on the paper's Table 2
 * measures plus FID and IS, with a CB3D classifier as the "Inception" network: class-matched SSIM
 * ({@link ClassMatchedSsim}); precision, recall, density and coverage (k = 5) on fc6 features and on raw voxels;
 * downstream accuracy in both directions ({@link DownstreamAccuracy}); FID on fc6 features; IS on the softmax.
 */
public final class Evaluation {
    private final EvaluationSettings settings;
    private final Consumer<String> log;

    /** @param log receives one line per step, for progress display */
    public Evaluation(EvaluationSettings settings, Consumer<String> log) {
        this.settings = settings;
        this.log = log;
    }

    /**
     * Scores each candidate set against {@code real}.
     *
     * @param candidates   name → set, in report order (e.g. "generated", "baseline")
     * @param classifier   trained on real volumes of the same size
     * @param origin       where the classifier came from, for the report
     */
    public EvaluationReport run(VolumeSet real, Map<String, VolumeSet> candidates, TrainedClassifier classifier,
                                String origin) {
        if (classifier.inputSize() != real.box()) {
            throw new IllegalArgumentException("the classifier takes " + classifier.inputSize() + "³ volumes but the"
                    + " real volumes are " + real.box() + "³");
        }
        for (VolumeSet c : candidates.values()) {
            if (c.box() != real.box()) {
                throw new IllegalArgumentException("the " + c.domain() + " are " + c.box() + "³ but the real volumes are "
                        + real.box() + "³ (e.g. " + c.get(0).source() + ")");
            }
        }
        List<String> notes = new ArrayList<>();
        log.accept("classifying " + real.size() + " real volumes");
        Predictions realPred = classifier.predict(real);
        float[][] realVoxels = voxels(real);
        SetScores realRow = new SetScores("real", real.size(), real.labels(), null, null, null, null, null, null,
                inception(realPred, "real volumes", notes));
        List<SetScores> rows = new ArrayList<>();
        for (Map.Entry<String, VolumeSet> e : candidates.entrySet()) {
            rows.add(score(e.getKey(), e.getValue(), real, realPred, realVoxels, classifier, notes));
        }
        return new EvaluationReport(real.box(), real.size(), real.labels(), origin, heldOutAccuracy(classifier),
                settings, realRow, rows, notes);
    }

    private SetScores score(String name, VolumeSet set, VolumeSet real, Predictions realPred, float[][] realVoxels,
                            TrainedClassifier classifier, List<String> notes) {
        log.accept(name + ": SSIM against real volumes of the same class");
        ClassMatchedSsim.Result ssim = new ClassMatchedSsim(settings.ssimReferences, settings.seed).compute(real, set);
        if (ssim == null) {
            notes.add(name + ": no volume has a class present in the real data, so no SSIM");
        }
        log.accept(name + ": classifier features, precision/recall/density/coverage, FID, IS");
        Predictions pred = classifier.predict(set);
        Prdc.Result features = prdc(realPred.features(), pred.features(), name, "features", notes);
        Prdc.Result voxels = prdc(realVoxels, voxels(set), name, "voxels", notes);
        Double fid = fid(realPred.features(), pred.features(), name, notes);
        SetScores.InceptionScoreValue is = inception(pred, name, notes);
        log.accept(name + ": downstream accuracy (evaluation classifier on " + name + ")");
        Double realToGen = DownstreamAccuracy.apply(classifier, set, notes);
        log.accept(name + ": downstream accuracy (classifier trained on " + name + ", tested on real)");
        Double genToReal = DownstreamAccuracy.trainAndApply(set, real, settings.classifier, notes);
        return new SetScores(name, set.size(), set.labels(), ssim, features, voxels, genToReal, realToGen, fid, is);
    }

    private Prdc.Result prdc(float[][] real, float[][] fake, String name, String space, List<String> notes) {
        int k = settings.prdcK;
        if (real.length <= k || fake.length <= k) {
            notes.add(name + ": precision/recall/density/coverage on " + space + " need more than k = " + k
                    + " volumes in each set (real " + real.length + ", " + name + " " + fake.length + ")");
            return null;
        }
        return Prdc.compute(real, fake, k);
    }

    private static Double fid(float[][] real, float[][] fake, String name, List<String> notes) {
        if (real.length < 2 || fake.length < 2) {
            notes.add(name + ": FID needs at least two volumes in each set");
            return null;
        }
        try {
            return Math.max(0, Fid.compute(real, fake)); // a squared distance: only round-off makes it negative
        } catch (ArithmeticException e) {
            notes.add(name + ": FID not computable: " + e.getMessage());
            return null;
        }
    }

    private SetScores.InceptionScoreValue inception(Predictions p, String name, List<String> notes) {
        int splits = Math.min(settings.inceptionSplits, p.size());
        if (splits < settings.inceptionSplits) {
            notes.add(name + ": Inception Score over " + splits + " splits (only " + p.size() + " volumes)");
        }
        // Splits are consecutive rows; files come sorted by class folder, so the rows are shuffled first (seeded),
        // or each split would hold one class and score 1 whatever the classifier says.
        double[][] rows = p.probabilities().clone();
        int[] order = new int[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        new RandomGenerator(settings.seed).shuffle(order);
        for (int i = 0; i < order.length; i++) {
            rows[i] = p.probabilities()[order[i]];
        }
        InceptionScore.Result r = InceptionScore.compute(rows, splits);
        return new SetScores.InceptionScoreValue(r.mean(), r.std(), splits);
    }

    /** Each volume z-scored on its own (clipped to ±3σ, as everywhere else) and flattened. */
    private static float[][] voxels(VolumeSet set) {
        VolumeScaler s = VolumeScaler.perVolume(Normalization.ZSCORE);
        float[][] out = new float[set.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.apply(set.get(i).volume().data());
        }
        return out;
    }

    private static Double heldOutAccuracy(TrainedClassifier c) {
        List<EpochReport> h = c.history();
        return h.isEmpty() ? null : h.get(h.size() - 1).heldOutAccuracy();
    }

    /** Name → set map in the usual order, leaving out absent sets. */
    public static Map<String, VolumeSet> candidates(VolumeSet generated, VolumeSet baseline) {
        Map<String, VolumeSet> m = new LinkedHashMap<>();
        m.put("generated", generated);
        if (baseline != null) {
            m.put("baseline", baseline);
        }
        return m;
    }
}
