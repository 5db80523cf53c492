package org.cryoetgan.gan.metrics;

/**
 * Separable 3-D smoothing with a centred, odd-length 1-D kernel applied along x, y and z in turn, with
 * SciPy's {@code mode='reflect'} border (the edge voxel is repeated: {@code d c b a | a b c d | d c b a}).
 *
 * <p>Each pass sees the volume as {@code outer} blocks of {@code n} rows of {@code width} contiguous voxels, the
 * rows being consecutive positions along the filtered axis (y: width nx; z: width nx*ny). Whole rows are added at
 * a time, so the y and z passes stream through memory instead of striding across it. The x pass (width 1) works
 * line by line on a padded copy of each line. A box kernel
 * costs O(1) per voxel and axis whatever its size: a running sum of rows slides along the axis. Other kernels cost
 * one multiply-add per tap.
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
        double[] out = new double[data.length];
        for (int axis = 0; axis < 3; axis++) {
            int n = shape.extent(axis);
            int width = shape.stride(axis);
            int outer = data.length / (n * width);
            if (width == 1) {
                filterLines(data, out, n, outer, kernel, box);
            } else {
                for (int o = 0; o < outer; o++) {
                    int base = o * n * width;
                    if (box) {
                        boxBlock(data, out, base, n, width, kernel.length);
                    } else {
                        convolveBlock(data, out, base, n, width, kernel);
                    }
                }
            }
            System.arraycopy(out, 0, data, 0, data.length);
        }
    }

    /** SciPy's 'reflect' index map for any {@code i}, also when the window is wider than the line. */
    static int reflect(int i, int n) {
        int m = Math.floorMod(i, 2 * n);
        return m < n ? m : 2 * n - 1 - m;
    }

    /**
     * The x pass: contiguous lines of {@code n}, each copied once into a reflect-padded buffer and then summed,
     * since adding rows of width 1 would cost a loop per voxel.
     */
    private static void filterLines(double[] in, double[] out, int n, int lines, double[] kernel, boolean box) {
        int radius = kernel.length / 2;
        double[] padded = new double[n + 2 * radius];
        for (int line = 0; line < lines; line++) {
            int base = line * n;
            for (int i = -radius; i < n + radius; i++) {
                padded[i + radius] = in[base + reflect(i, n)];
            }
            if (box) {
                double sum = 0;
                for (int t = 0; t < kernel.length; t++) {
                    sum += padded[t];
                }
                double inv = 1.0 / kernel.length;
                out[base] = sum * inv;
                for (int i = 1; i < n; i++) {
                    sum += padded[i + kernel.length - 1] - padded[i - 1];
                    out[base + i] = sum * inv;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double acc = 0;
                    for (int t = 0; t < kernel.length; t++) {
                        acc += kernel[t] * padded[i + t];
                    }
                    out[base + i] = acc;
                }
            }
        }
    }

    private static void boxBlock(double[] in, double[] out, int base, int n, int width, int size) {
        int radius = size / 2;
        double inv = 1.0 / size;
        double[] sum = new double[width];
        for (int t = -radius; t <= radius; t++) {
            addRow(in, base + reflect(t, n) * width, sum, 1.0, width);
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                addRow(in, base + reflect(i + radius, n) * width, sum, 1.0, width);
                addRow(in, base + reflect(i - radius - 1, n) * width, sum, -1.0, width);
            }
            int dst = base + i * width;
            for (int j = 0; j < width; j++) {
                out[dst + j] = sum[j] * inv;
            }
        }
    }

    private static void convolveBlock(double[] in, double[] out, int base, int n, int width, double[] kernel) {
        int radius = kernel.length / 2;
        double[] acc = new double[width];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(acc, 0);
            for (int t = 0; t < kernel.length; t++) {
                addRow(in, base + reflect(i + t - radius, n) * width, acc, kernel[t], width);
            }
            System.arraycopy(acc, 0, out, base + i * width, width);
        }
    }

    private static void addRow(double[] in, int from, double[] acc, double weight, int width) {
        for (int j = 0; j < width; j++) {
            acc[j] += weight * in[from + j];
        }
    }
}
