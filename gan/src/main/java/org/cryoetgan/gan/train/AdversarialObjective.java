package org.cryoetgan.gan.train;

import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.ops.Losses;
import org.cryoetgan.engine.ops.Reductions;

/**
 * The critic and generator losses of one {@link AdversarialLoss}, computed from critic outputs (PatchGAN maps
 * are averaged over all their elements).
 */
public final class AdversarialObjective {
    private final AdversarialLoss kind;
    private final float realTarget;

    public AdversarialObjective(AdversarialLoss kind, double realTarget) {
        this.kind = kind;
        this.realTarget = (float) realTarget;
    }

    public AdversarialLoss kind() {
        return kind;
    }

    /** The loss the critic minimises, given its outputs on real and on generated samples. */
    public Tensor criticLoss(Tensor onReal, Tensor onFake) {
        switch (kind) {
            case WGAN:
            case WGAN_GP:
                // minimise D(fake) − D(real): the negated Wasserstein estimate
                return Reductions.mean(onFake).sub(Reductions.mean(onReal));
            case LSGAN:
                return Losses.mse(onReal, Tensor.full(onReal.backend(), realTarget, onReal.shape()))
                        .add(Reductions.mean(onFake.pow(2f))).mul(0.5f);
            default:
                return Losses.bceWithLogits(onReal, Tensor.full(onReal.backend(), 1f, onReal.shape()))
                        .add(Losses.bceWithLogits(onFake, Tensor.zeros(onFake.backend(), onFake.shape()))).mul(0.5f);
        }
    }

    /** The adversarial part of the generator's loss, given the critic's output on generated samples. */
    public Tensor generatorLoss(Tensor onFake) {
        switch (kind) {
            case WGAN:
            case WGAN_GP:
                return Reductions.mean(onFake).neg();
            case LSGAN:
                return Losses.mse(onFake, Tensor.full(onFake.backend(), realTarget, onFake.shape()));
            default:
                return Losses.bceWithLogits(onFake, Tensor.full(onFake.backend(), 1f, onFake.shape()));
        }
    }
}
