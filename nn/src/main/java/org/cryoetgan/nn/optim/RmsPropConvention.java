package org.cryoetgan.nn.optim;

/**
 * The two common RMSProp formulations.
 *
 * <ul>
 *   <li>{@code PYTORCH} ({@code torch.optim.RMSprop}): mean square starts at 0,
 *       {@code ms = α·ms + (1−α)·g²}, step {@code g/(sqrt(ms) + eps)}, momentum
 *       {@code buf = μ·buf + g/(sqrt(ms)+eps)}, {@code p −= lr·buf}.</li>
 *   <li>{@code TENSORFLOW} (TF1 {@code tf.train.RMSPropOptimizer} / {@code ApplyRMSProp}): mean square starts
 *       at 1, {@code ms += (g² − ms)·(1−ρ)}, {@code mom = μ·mom + lr·g/sqrt(ms + eps)}, {@code p −= mom}
 *       (eps inside the square root, the learning rate inside the momentum).</li>
 * </ul>
 */
public enum RmsPropConvention {
    PYTORCH, TENSORFLOW
}
