package org.cryoetgan.gan.train;

/**
 * The adversarial objective. {@code WGAN}: critic minimises D(fake) − D(real), generator minimises −D(G(x))
 * (the paper). {@code LSGAN}: least squares against a real target (1.0, or 0.8 in the public reference code) and
 * 0 for fakes. {@code BCE}: the original GAN loss with logits (the paper's "without Wasserstein" ablation).
 */
public enum AdversarialLoss {
    WGAN, LSGAN, BCE
}
