package org.cryoetgan.engine.backend;

import java.util.Arrays;

/** Shapes of a 3-D pooling window over N·C independent volumes (no dilation, zero-free padding semantics). */
public final class PoolGeometry {
    /** N·C: the number of independent volumes. */
    public final int planes;
    public final int[] in;
    public final int[] out;
    public final int[] kernel;
    public final int[] stride;
    public final int[] padding;

    public PoolGeometry(int planes, int[] in, int[] kernel, int[] stride, int[] padding) {
        this.planes = planes;
        this.in = in.clone();
        this.kernel = kernel.clone();
        this.stride = stride.clone();
        this.padding = padding.clone();
        this.out = new int[3];
        for (int i = 0; i < 3; i++) {
            if (kernel[i] < 1 || stride[i] < 1 || padding[i] < 0 || 2 * padding[i] > kernel[i]) {
                throw new IllegalArgumentException("bad pooling window k=" + Arrays.toString(kernel) + " s="
                        + Arrays.toString(stride) + " p=" + Arrays.toString(padding));
            }
            out[i] = (in[i] + 2 * padding[i] - kernel[i]) / stride[i] + 1;
            if (out[i] < 1) {
                throw new IllegalArgumentException("pooling window larger than input " + Arrays.toString(in));
            }
        }
    }

    public int inVolume() {
        return in[0] * in[1] * in[2];
    }

    public int outVolume() {
        return out[0] * out[1] * out[2];
    }
}
