package org.cryoetgan.nn.layers;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.Module;

/**
 * The residual block Rk of the ResNet generator: {@code x + F(x)} with F = reflect pad 1, 3³ conv, instance
 * norm, ReLU, [dropout], reflect pad 1, 3³ conv, instance norm. The inner stack is the child
 * {@code conv_block} (CycleGAN's name), so parameters are e.g. {@code conv_block.1.weight}.
 */
public final class ResidualBlock extends Module {
    private final Sequential convBlock;

    /**
     * @param dropout probability of the dropout between the two convolutions (CycleGAN's use_dropout); 0 for
     *                none (then no dropout layer is inserted and the names match CycleGAN's without dropout)
     */
    public ResidualBlock(int channels, float dropout, RandomGenerator rng) {
        Sequential s = new Sequential(new ReflectionPad3d(1), new Conv3d(channels, channels, 3, 1, 0, true, rng),
                new InstanceNorm3d(channels), new ReLU());
        if (dropout > 0) {
            s.add(new Dropout(dropout, rng.fork()));
        }
        s.add(new ReflectionPad3d(1)).add(new Conv3d(channels, channels, 3, 1, 0, true, rng))
                .add(new InstanceNorm3d(channels));
        convBlock = registerModule("conv_block", s);
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.add(convBlock.forward(input));
    }
}
