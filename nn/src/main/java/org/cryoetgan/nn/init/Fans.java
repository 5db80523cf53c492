package org.cryoetgan.nn.init;

import java.util.Arrays;

/**
 * Fan-in and fan-out of a weight of shape [out, in, k...] (PyTorch's convention: dimension 1 times the
 * receptive field, dimension 0 times the receptive field; for a transposed convolution this makes
 * "fan-in" the output channels, exactly as PyTorch does).
 */
public record Fans(long fanIn, long fanOut) {

    public static Fans of(int[] shape) {
        if (shape.length < 2) {
            throw new IllegalArgumentException("fans need a weight of rank >= 2, got " + Arrays.toString(shape));
        }
        long receptive = 1;
        for (int i = 2; i < shape.length; i++) {
            receptive *= shape[i];
        }
        return new Fans(shape[1] * receptive, shape[0] * receptive);
    }

    public long select(FanMode mode) {
        return mode == FanMode.FAN_IN ? fanIn : fanOut;
    }
}
