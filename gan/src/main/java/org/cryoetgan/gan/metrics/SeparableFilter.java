package org.cryoetgan.gan.metrics;

import java.util.function.IntConsumer;

/**
 * Separable 3-D smoothing with a centred, odd-length 1-D kernel applied along x, y and z in turn, with
 * SciPy's {@code mode='reflect'} border (the edge voxel is repeated: {@code d c b a | a b c d | d c b a}).
 *
 * <p>A box kernel costs O(1) per voxel and axis whatever its size: a running sum slides along each line.
 * Other kernels cost one multiply-add per tap.
 */
final class SeparableFilter {

    private SeparableFilter() {
    }

    /**
     * Filters {@code data} (laid out as {@code shape}) in place.
     *
     * @param box whether every tap equals {@code 1 / kernel.length}; then running sums are used
     */
    static void apply(double[] data, VolumeShape shape, double[] kernel, boolean box) {
        shape.requireLength(data.length, "volume");
        int radius = kernel.length / 2;
        for (int axis = 0; axis < 3; axis++) {
            int n = shape.extent(axis);
            int stride = shape.stride(axis);
            double[] padded = new double[n + 2 * radius];
            double[] out = new double[n];
            forEachLine(shape, axis, start -> {
                for (int i = -radius; i < n + radius; i++) {
                    padded[i + radius] = data[start + reflect(i, n) * stride];
                }
                if (box) {
                    boxLine(padded, out, kernel.length);
                } else {
                    convolveLine(padded, out, kernel);
                }
                for (int i = 0; i < n; i++) {
                    data[start + i * stride] = out[i];
                }
            });
        }
    }

    /** Calls {@code body} with the flat index of the first voxel of every line along {@code axis}. */
    private static void forEachLine(VolumeShape shape, int axis, IntConsumer body) {
        int a = (axis + 1) % 3;
        int b = (axis + 2) % 3;
        int na = shape.extent(a);
        int nb = shape.extent(b);
        int sa = shape.stride(a);
        int sb = shape.stride(b);
        for (int j = 0; j < nb; j++) {
            for (int i = 0; i < na; i++) {
                body.accept(i * sa + j * sb);
            }
        }
    }

    /** SciPy's 'reflect' index map for any {@code i}, also when the window is wider than the line. */
    static int reflect(int i, int n) {
        int m = Math.floorMod(i, 2 * n);
        return m < n ? m : 2 * n - 1 - m;
    }

    private static void boxLine(double[] padded, double[] out, int size) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += padded[i];
        }
        double inv = 1.0 / size;
        out[0] = sum * inv;
        for (int i = 1; i < out.length; i++) {
            sum += padded[i + size - 1] - padded[i - 1];
            out[i] = sum * inv;
        }
    }

    private static void convolveLine(double[] padded, double[] out, double[] kernel) {
        for (int i = 0; i < out.length; i++) {
            double acc = 0;
            for (int t = 0; t < kernel.length; t++) {
                acc += kernel[t] * padded[i + t];
            }
            out[i] = acc;
        }
    }
}
