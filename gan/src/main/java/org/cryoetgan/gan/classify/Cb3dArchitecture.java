package org.cryoetgan.gan.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a CB3D network (Che et al. 2018): a C3D-like stack of 3³ convolutions (padding 1, ReLU) in five
 * stages of {@code b, 2b, 4b×2, 8b×2, 8b×2} channels (b = 64 in the paper: 64-128-256×2-512×2-512×2), each
 * stage followed by a 2³ max pool of stride 2 while the volume is still at least 2 voxels wide, then two fully
 * connected layers of {@code fcWidth} units (4096) with ReLU and dropout, and a linear layer to the class scores.
 *
 * @param inputSize     edge of the cubic input volumes (28 or 40 in the paper; 12–24 in tests and the demo)
 * @param classes       number of classes (at least 2)
 * @param baseChannels  channels of the first stage (64 in the paper)
 * @param fcWidth       units of fc6 and fc7 (4096 in the paper); fc6's activations are the features for FID/PRDC
 * @param dropout       dropout probability after fc6 and fc7 (0.5)
 * @param batchNorm     whether each convolution is followed by batch normalisation (before its ReLU); not in the
 *                      paper, see {@link Cb3d}
 */
public record Cb3dArchitecture(int inputSize, int classes, int baseChannels, int fcWidth, double dropout,
                               boolean batchNorm) {

    /** Channel multipliers of the five stages and their number of convolutions. */
    private static final int[][] STAGES = {{1, 1}, {2, 1}, {4, 2}, {8, 2}, {8, 2}};

    public Cb3dArchitecture {
        if (inputSize < 1) {
            throw new IllegalArgumentException("classifier input size must be positive, got " + inputSize);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        if (baseChannels < 1 || fcWidth < 1) {
            throw new IllegalArgumentException("classifier widths must be positive, got base " + baseChannels
                    + ", fc " + fcWidth);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    /** The paper's network: base 64, fc 4096, dropout 0.5, no batch normalisation. */
    public static Cb3dArchitecture paper(int inputSize, int classes) {
        return new Cb3dArchitecture(inputSize, classes, 64, 4096, 0.5, false);
    }

    /** One convolution stage: its output channels, number of 3³ convolutions and whether a pool follows. */
    public record Stage(int channels, int convolutions, boolean pooled) {
    }

    /** The five stages with pooling decided from the input size. */
    public List<Stage> stages() {
        List<Stage> out = new ArrayList<>();
        int size = inputSize;
        for (int[] s : STAGES) {
            boolean pool = size >= 2;
            out.add(new Stage(s[0] * baseChannels, s[1], pool));
            if (pool) {
                size /= 2;
            }
        }
        return out;
    }

    /** Edge of the volume after the last stage. */
    public int finalSize() {
        int size = inputSize;
        for (Stage s : stages()) {
            if (s.pooled()) {
                size /= 2;
            }
        }
        return size;
    }

    /** Length of the flattened convolutional output that fc6 reads. */
    public int flattenedFeatures() {
        int s = finalSize();
        return STAGES[STAGES.length - 1][0] * baseChannels * s * s * s;
    }
}
