package org.cryoetgan.nn.layers;

import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.ops.Convolution;
import org.cryoetgan.nn.Module;

/**
 * Nearest-neighbour upsampling by 2 along each spatial axis: every voxel becomes a 2³ block. Computed as a
 * transposed convolution of each channel (folded into the batch) with a fixed all-ones 2³ kernel at stride 2, so
 * its gradient, and the gradient of that, come from the convolution's own. No parameters.
 */
public final class Upsample3d extends Module {
    @Override
    public Tensor forward(Tensor input) {
        int[] s = input.shape();
        if (s.length != 5) {
            throw new IllegalArgumentException("Upsample3d expects N×C×D×H×W, got " + java.util.Arrays.toString(s));
        }
        Tensor folded = input.reshape(s[0] * s[1], 1, s[2], s[3], s[4]);
        Tensor ones = Tensor.full(input.backend(), 1f, 1, 1, 2, 2, 2);
        return Convolution.convTranspose3d(folded, ones, null, 2, 0, 0).reshape(s[0], s[1], 2 * s[2], 2 * s[3], 2 * s[4]);
    }
}
