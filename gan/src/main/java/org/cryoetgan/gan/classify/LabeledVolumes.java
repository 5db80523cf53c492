package org.cryoetgan.gan.classify;

import java.util.List;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeScaler;
import org.cryoetgan.gan.data.VolumeSet;

/**
 * A data set in the form the classifier consumes: each volume scaled, and its label as an index into a list of
 * class names (−1 for volumes without a label, allowed only where no labels are needed).
 */
public final class LabeledVolumes {
    private final float[][] scaled;
    private final int[] labels;
    private final int box;

    private LabeledVolumes(float[][] scaled, int[] labels, int box) {
        this.scaled = scaled;
        this.labels = labels;
        this.box = box;
    }

    /**
     * Scales every volume of {@code set} and maps its label to an index of {@code classes}.
     *
     * @param requireLabels whether every volume must carry one of {@code classes}
     * @throws IllegalArgumentException naming the first volume whose label is missing or unknown
     */
    public static LabeledVolumes of(VolumeSet set, VolumeScaler scaler, List<String> classes, boolean requireLabels) {
        int n = set.size();
        float[][] scaled = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            Sample s = set.get(i);
            scaled[i] = scaler.apply(s.volume().data());
            labels[i] = s.label() == null ? -1 : classes.indexOf(s.label());
            if (requireLabels && labels[i] < 0) {
                throw new IllegalArgumentException(s.source() + ": " + (s.label() == null || s.label().isEmpty()
                        ? "no class label (put the files in one sub-folder per class or give a labels CSV)"
                        : "class '" + s.label() + "' is not one of the classifier's classes " + classes));
            }
        }
        return new LabeledVolumes(scaled, labels, set.box());
    }

    public int size() {
        return scaled.length;
    }

    public int box() {
        return box;
    }

    /** Label index of volume {@code i} (−1: none). */
    public int label(int i) {
        return labels[i];
    }

    /** All label indices. */
    public int[] labels() {
        return labels.clone();
    }

    /** The scaled volumes. */
    public float[][] scaled() {
        return scaled;
    }

    /** A batch N×1×n×n×n of the volumes at {@code indices} (in the current scope). */
    public Tensor batch(int[] indices) {
        int v = box * box * box;
        float[] data = new float[indices.length * v];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(scaled[indices[i]], 0, data, i * v, v);
        }
        return Tensor.of(data, indices.length, 1, box, box, box);
    }

    /**
     * A batch like {@link #batch(int[])} with volume i mirrored along the axes set in {@code flips[i]}: bit 0 the
     * last (x) axis, bit 1 y, bit 2 z.
     */
    public Tensor batch(int[] indices, int[] flips) {
        int n = box;
        int v = n * n * n;
        float[] data = new float[indices.length * v];
        for (int i = 0; i < indices.length; i++) {
            float[] src = scaled[indices[i]];
            int f = flips[i];
            int off = i * v;
            for (int z = 0; z < n; z++) {
                int sz = (f & 4) != 0 ? n - 1 - z : z;
                for (int y = 0; y < n; y++) {
                    int sy = (f & 2) != 0 ? n - 1 - y : y;
                    int row = (sz * n + sy) * n;
                    int dst = off + (z * n + y) * n;
                    if ((f & 1) != 0) {
                        for (int x = 0; x < n; x++) {
                            data[dst + x] = src[row + n - 1 - x];
                        }
                    } else {
                        System.arraycopy(src, row, data, dst, n);
                    }
                }
            }
        }
        return Tensor.of(data, indices.length, 1, n, n, n);
    }

    /** The label indices at {@code indices}. */
    public int[] labels(int[] indices) {
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = labels[indices[i]];
        }
        return out;
    }
}
