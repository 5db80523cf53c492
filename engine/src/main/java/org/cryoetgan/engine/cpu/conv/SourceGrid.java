package org.cryoetgan.engine.cpu.conv;

import java.util.Arrays;
import org.cryoetgan.engine.cpu.Parallel;

/**
 * A zero-padded copy of a stack of volumes, split into stride phases, that the implicit-GEMM kernels read through
 * tap offsets. Per channel it holds {@code sD·sH·sW} phase volumes of {@code dq×hq×wq}; padded coordinate
 * {@code P} (input coordinate plus the low pad) of axis a lives in phase {@code P mod s_a} at index
 * {@code P div s_a}. With this layout, output position {@code (od, oh, ow)} and tap {@code (kd, kh, kw)} of a
 * stride-s convolution read {@code data[v + off]} where {@code v = od·plane + oh·wq + ow} is the <em>virtual
 * position</em> and {@code off} depends on the channel and the tap only (see {@link #tapOffset}). Virtual
 * positions with {@code ow} or {@code oh} past the output extent are garbage and are never copied out. The array
 * has zeros after the last channel so that whole tiles may read past the end.
 */
final class SourceGrid {
    final int channels;
    final int[] stride;
    final int dq;
    final int hq;
    final int wq;
    final int plane;
    final int phaseVolume;
    final int channelStride;
    final float[] data;

    private SourceGrid(int channels, int[] stride, int dq, int hq, int wq, int tileSlack) {
        this.channels = channels;
        this.stride = stride.clone();
        this.dq = dq;
        this.hq = hq;
        this.wq = wq;
        this.plane = hq * wq;
        this.phaseVolume = dq * plane;
        this.channelStride = stride[0] * stride[1] * stride[2] * phaseVolume;
        this.data = new float[channels * channelStride + 2 * plane + tileSlack];
    }

    /**
     * Copies {@code channels} volumes of size {@code in} (starting at {@code src[srcOff]}) into a grid with
     * {@code lo} zeros before and at least {@code hi} after each axis, split into {@code stride} phases, with
     * room for tiles of up to {@code tileSlack} virtual positions to run past the last plane.
     */
    static SourceGrid of(Parallel par, float[] src, int srcOff, int channels, int[] in, int[] lo, int[] hi,
                         int[] stride, int tileSlack) {
        int[] q = new int[3];
        for (int a = 0; a < 3; a++) {
            q[a] = (lo[a] + in[a] + hi[a] + stride[a] - 1) / stride[a];
        }
        SourceGrid g = new SourceGrid(channels, stride, q[0], q[1], q[2], tileSlack);
        int inVol = in[0] * in[1] * in[2];
        par.forRange(channels, 1, (from, to) -> {
            for (int c = from; c < to; c++) {
                g.copyChannel(src, srcOff + c * inVol, c, in, lo);
            }
        });
        return g;
    }

    private void copyChannel(float[] src, int s0, int c, int[] in, int[] lo) {
        int sd = stride[0];
        int sh = stride[1];
        int sw = stride[2];
        for (int d = 0; d < in[0]; d++) {
            int pd = d + lo[0];
            for (int h = 0; h < in[1]; h++) {
                int ph = h + lo[1];
                int srcRow = s0 + (d * in[1] + h) * in[2];
                int rowBase = c * channelStride + ((pd % sd) * sh + ph % sh) * sw * phaseVolume
                        + (pd / sd) * plane + (ph / sh) * wq;
                if (sw == 1) {
                    System.arraycopy(src, srcRow, data, rowBase + lo[2], in[2]);
                } else {
                    for (int w = 0; w < in[2]; w++) {
                        int pw = w + lo[2];
                        data[rowBase + (pw % sw) * phaseVolume + pw / sw] = src[srcRow + w];
                    }
                }
            }
        }
    }

    /**
     * The offset of padded coordinate {@code (pd, ph, pw)} of channel {@code c} relative to the virtual position
     * of the output it belongs to when {@code pd = od·sD + td} etc.: a function of the tap displacement
     * {@code t} only.
     */
    int tapOffset(int c, int td, int th, int tw) {
        int phase = ((td % stride[0]) * stride[1] + th % stride[1]) * stride[2] + tw % stride[2];
        return c * channelStride + phase * phaseVolume + (td / stride[0]) * plane + (th / stride[1]) * wq
                + tw / stride[2];
    }

    /** Largest offset in {@code offs}. */
    static int max(int[] offs) {
        return Arrays.stream(offs).max().orElse(0);
    }
}
