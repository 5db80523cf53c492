package org.cryoetgan.gan.train;

/** Optimizer for generators and critics: RMSProp (the paper, WGAN) or Adam (CycleGAN). */
public enum OptimizerKind {
    RMSPROP, ADAM
}
