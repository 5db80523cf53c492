package org.cryoetgan.gan.evaluate;

import java.util.List;
import org.cryoetgan.gan.metrics.Prdc;

/**
 * One row of the evaluation table (the paper's Table 2 columns and more) for one data set compared with the real
 * volumes. A null field was not computable for this set (too few volumes, no labels, ...); the report's notes say
 * why.
 *
 * @param name                   "generated", "baseline", or "real" for the reference row
 * @param count                  volumes in the set
 * @param classes                its class labels
 * @param ssim                   class-matched SSIM to the real volumes ({@link ClassMatchedSsim})
 * @param features               precision, recall, density, coverage on the classifier's fc6 features
 * @param voxels                 the same on raw voxels (each volume z-scored on its own)
 * @param accuracyGeneratedToReal accuracy on the real volumes of a classifier trained on this set (the
 *                               augmentation use case)
 * @param accuracyRealToGenerated accuracy on this set of the evaluation classifier, trained on real volumes (what
 *                               the public reference code measured)
 * @param fid                    Fréchet distance between fc6 features of this set and of the real volumes
 * @param inceptionScore         mean and spread over the splits of the Inception Score of this set's predictions
 */
public record SetScores(String name, int count, List<String> classes, ClassMatchedSsim.Result ssim,
                        Prdc.Result features, Prdc.Result voxels, Double accuracyGeneratedToReal,
                        Double accuracyRealToGenerated, Double fid, InceptionScoreValue inceptionScore) {

    /** The Inception Score as reported: mean and standard deviation over splits, and the number of splits. */
    public record InceptionScoreValue(double mean, double std, int splits) {
    }
}
