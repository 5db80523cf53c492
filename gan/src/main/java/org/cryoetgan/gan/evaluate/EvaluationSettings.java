package org.cryoetgan.gan.evaluate;

import org.cryoetgan.gan.classify.ClassifierSettings;
import org.cryoetgan.gan.metrics.InceptionScore;
import org.cryoetgan.gan.metrics.Prdc;

/**
 * Settings of an {@link Evaluation}. Fields are public so that they appear in report.json as documentation.
 */
public final class EvaluationSettings {
    /** Neighbours of precision, recall, density and coverage (Naeem et al. 2020: 5). */
    public int prdcK = Prdc.DEFAULT_K;
    /** Real volumes of the same class each generated volume is compared with for SSIM (cost grows with it). */
    public int ssimReferences = 20;
    /** Splits of the Inception Score (10; fewer when a set has fewer volumes). */
    public int inceptionSplits = InceptionScore.DEFAULT_SPLITS;
    /** Seed of the choice of SSIM references. */
    public long seed = 1;
    /**
     * How classifiers are trained: the evaluation classifier on the real data (when none is given) and the
     * downstream classifiers on each generated set (then without a held-out part: every volume trains).
     */
    public ClassifierSettings classifier = new ClassifierSettings();
}
