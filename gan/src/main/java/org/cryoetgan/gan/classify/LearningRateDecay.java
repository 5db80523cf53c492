package org.cryoetgan.gan.classify;

import org.cryoetgan.nn.optim.LearningRateSchedule;
import org.cryoetgan.nn.optim.LinearDecay;

/**
 * How the classifier's learning rate changes over a run: {@code CONSTANT} as in Che et al. 2018, or
 * {@code LINEAR} from the base rate at the first step down to zero after the last, which settles the weights (and
 * batch normalisation's running statistics) so that the final network is not one caught mid-oscillation.
 */
public enum LearningRateDecay {
    CONSTANT, LINEAR;

    /** The schedule for a run of {@code steps} optimizer steps at base rate {@code lr}. */
    public LearningRateSchedule schedule(double lr, long steps) {
        return switch (this) {
            case CONSTANT -> LearningRateSchedule.constant(lr);
            case LINEAR -> new LinearDecay(lr, 0, Math.max(steps, 1));
        };
    }
}
