package org.cryoetgan.engine.backend;

import java.util.Arrays;

/**
 * The shapes of one 3-D convolution: input N×C_in×D×H×W, weight C_out×C_in×kD×kH×kW, output N×C_out×D'×H'×W'
 * with {@code D' = (D + 2·pad − dil·(k−1) − 1) / stride + 1} per axis. A transposed convolution is described by
 * the geometry of the convolution whose backward-data pass it is (its output is this geometry's input).
 */
public final class ConvGeometry {
    public final int batch;
    public final int inChannels;
    public final int outChannels;
    /** Input spatial size (D, H, W). */
    public final int[] in;
    /** Output spatial size (D', H', W'). */
    public final int[] out;
    public final int[] kernel;
    public final int[] stride;
    public final int[] padding;
    public final int[] dilation;

    public ConvGeometry(int batch, int inChannels, int[] in, int outChannels, int[] kernel, int[] stride,
                        int[] padding, int[] dilation) {
        this.batch = batch;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.in = check3("input size", in, 1);
        this.kernel = check3("kernel", kernel, 1);
        this.stride = check3("stride", stride, 1);
        this.padding = check3("padding", padding, 0);
        this.dilation = check3("dilation", dilation, 1);
        this.out = new int[3];
        for (int i = 0; i < 3; i++) {
            int span = this.dilation[i] * (this.kernel[i] - 1) + 1;
            int o = (this.in[i] + 2 * this.padding[i] - span) / this.stride[i] + 1;
            if (this.in[i] + 2 * this.padding[i] < span) {
                throw new IllegalArgumentException("kernel " + Arrays.toString(kernel) + " (dilation "
                        + Arrays.toString(dilation) + ") larger than padded input " + Arrays.toString(in)
                        + " + 2·" + Arrays.toString(padding));
            }
            this.out[i] = o;
        }
        if (batch < 1 || inChannels < 1 || outChannels < 1) {
            throw new IllegalArgumentException("batch and channel counts must be positive");
        }
    }

    private static int[] check3(String what, int[] v, int min) {
        if (v.length != 3) {
            throw new IllegalArgumentException(what + " needs 3 values, got " + Arrays.toString(v));
        }
        for (int x : v) {
            if (x < min) {
                throw new IllegalArgumentException(what + " must be >= " + min + ", got " + Arrays.toString(v));
            }
        }
        return v.clone();
    }

    /** Elements of one input volume (D·H·W). */
    public int inVolume() {
        return in[0] * in[1] * in[2];
    }

    /** Elements of one output volume (D'·H'·W'). */
    public int outVolume() {
        return out[0] * out[1] * out[2];
    }

    /** Elements of one filter over all input channels (C_in·kD·kH·kW). */
    public int patchSize() {
        return inChannels * kernel[0] * kernel[1] * kernel[2];
    }

    /** Multiply-adds of the forward pass ×2, i.e. floating-point operations. */
    public double flops() {
        return 2.0 * batch * outChannels * (double) outVolume() * patchSize();
    }

    @Override
    public String toString() {
        return "conv3d[N=" + batch + " " + inChannels + "→" + outChannels + " in=" + Arrays.toString(in) + " k="
                + Arrays.toString(kernel) + " s=" + Arrays.toString(stride) + " p=" + Arrays.toString(padding)
                + " d=" + Arrays.toString(dilation) + " out=" + Arrays.toString(out) + "]";
    }
}
