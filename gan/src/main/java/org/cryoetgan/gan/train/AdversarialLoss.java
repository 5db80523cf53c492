package org.cryoetgan.gan.train;

/**
 * The adversarial objective. {@code WGAN}: critic minimises D(fake) − D(real), generator minimises −D(G(x))
 * (the paper). {@code LSGAN}: least squares against a real target (1.0, or 0.8 in the public reference code) and
 * 0 for fakes. {@code BCE}: the original GAN loss with logits (the paper's "without Wasserstein" ablation).
 * {@code WGAN_GP} ({@code wgan-gp} on the command line): the WGAN losses with the gradient penalty of
 * Gulrajani et al. 2017 on the critics (weight {@code gpWeight}, see {@link GradientPenalty}).
 */
public enum AdversarialLoss {
    WGAN, LSGAN, BCE, WGAN_GP;

    /** Parses a name as written on the command line or in config.json: case-insensitive, '-' for '_'. */
    public static AdversarialLoss parse(String name) {
        String key = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (AdversarialLoss l : values()) {
            if (l.name().equals(key)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + name + "' (wgan, wgan-gp, lsgan, bce)");
    }
}
