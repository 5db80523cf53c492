package org.cryoetgan.engine.cuda;

import org.cryoetgan.engine.backend.ConvGeometry;

/**
 * The parameter arrays of cuDNN's legacy N-d descriptors for one {@link ConvGeometry}: 5-D NCDHW tensor
 * descriptors for x and y with packed strides, the 5-D KCDHW filter descriptor, and the 3 spatial pads, strides
 * and dilations of {@code cudnnSetConvolutionNdDescriptor} (cross-correlation, as the engine's conv3d).
 */
public record CudnnShapes(int[] xDims, int[] xStrides, int[] wDims, int[] yDims, int[] yStrides, int[] pads,
                          int[] strides, int[] dilations) {

    public static CudnnShapes of(ConvGeometry g) {
        int[] x = {g.batch, g.inChannels, g.in[0], g.in[1], g.in[2]};
        int[] y = {g.batch, g.outChannels, g.out[0], g.out[1], g.out[2]};
        int[] w = {g.outChannels, g.inChannels, g.kernel[0], g.kernel[1], g.kernel[2]};
        return new CudnnShapes(x, packedStrides(x), w, y, packedStrides(y), g.padding.clone(), g.stride.clone(),
                g.dilation.clone());
    }

    /** Row-major (innermost last) strides of a packed tensor. */
    static int[] packedStrides(int[] dims) {
        int[] s = new int[dims.length];
        long acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            if (acc > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("tensor too large for cuDNN's int strides");
            }
            s[i] = (int) acc;
            acc *= dims[i];
        }
        return s;
    }
}
