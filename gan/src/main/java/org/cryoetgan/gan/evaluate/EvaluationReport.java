package org.cryoetgan.gan.evaluate;

import java.util.List;

/**
 * The outcome of an {@link Evaluation}: what was compared, with which classifier, one row per data set and
 * notes on anything left out.
 *
 * @param box                     edge of the volumes
 * @param realCount               number of real volumes
 * @param realClasses             classes of the real volumes
 * @param classifier              where the classifier came from ("trained on the real data", or its folder)
 * @param classifierHeldOutAccuracy accuracy of the classifier on the part of its training data it held out
 *                                (last epoch), or null
 * @param settings                the evaluation settings
 * @param real                    the reference row (the real set's own Inception Score)
 * @param sets                    one row per compared set, in the order given
 * @param notes                   why values are missing, and other caveats
 */
public record EvaluationReport(int box, int realCount, List<String> realClasses, String classifier,
                               Double classifierHeldOutAccuracy, EvaluationSettings settings, SetScores real,
                               List<SetScores> sets, List<String> notes) {
}
