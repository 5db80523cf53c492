package org.cryoetgan.gan.classify;

import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.gan.data.Normalization;

/**
 * Width and training settings of a CB3D classifier, saved with it. Defaults follow Che et al. 2018 (base width 64,
 * fc 4096, SGD with Nesterov momentum at 0.005, batch 8) with per-volume z-scoring, and deviate from it
 * in three measured ways: batch normalisation after each convolution ({@link #batchNorm}, see {@link Cb3d}), a
 * learning rate that decays linearly to zero over the run ({@link #learningRateDecay}; at a constant rate the
 * held-out accuracy of consecutive epochs swings by tens of points), and no dropout ({@link #dropout}). Random axis
 * flips ({@link #flips}) are optional. {@code batchNorm = false, learningRateDecay = CONSTANT, dropout = 0.5} is the
 * paper's recipe. Tests and the demo narrow the network with
 * {@link #baseChannels} (and {@link #fcWidth}).
 * Fields are public so that the JSON file reads like the documentation.
 */
public final class ClassifierSettings {
    /** Channels of the first convolution stage (64 in the paper); the stages use 1, 2, 4, 8, 8 times this. */
    public int baseChannels = 64;
    /** Units of fc6 and fc7; 0 means 64 × {@link #baseChannels} (4096 for the paper's width). */
    public int fcWidth = 0;
    /**
     * Dropout after fc6 and fc7: 0 by default, 0.5 in the paper. With 0.5 the narrowed network underfits 700
     * realistic subtomograms (82% held-out after 10 epochs, train accuracy 71%); without it, 97%.
     */
    public double dropout = 0.0;
    /** Batch normalisation after each convolution (not in the paper; see {@link Cb3d}). */
    public boolean batchNorm = true;
    public int epochs = 10;
    /**
     * Random flips of each axis of every training volume, drawn per epoch and position from the seed (not in the
     * paper). Flips keep a missing wedge where it is, so they multiply the data without changing its physics; off by
     * default because in 10 epochs they slowed learning (realistic benchmark, width 16: 63% held-out after 8
     * epochs with them, 82% after 10 without).
     */
    public boolean flips = false;
    public int batchSize = 8;
    public ClassifierOptimizer optimizer = ClassifierOptimizer.SGD;
    public double learningRate = 0.005;
    /** How the learning rate changes over the run (not in the paper, which keeps it constant). */
    public LearningRateDecay learningRateDecay = LearningRateDecay.LINEAR;
    /** Nesterov momentum of SGD (ignored by Adam). */
    public double momentum = 0.9;
    public double weightDecay = 0;
    /** Fraction of the labelled volumes held out to report accuracy after each epoch (0: none). */
    public double heldOutFraction = 0.2;
    /** Seed of the initialisation, the held-out split, the shuffling and the dropout masks. */
    public long seed = 1;
    /** How each volume is scaled before it enters the network; per volume by default. */
    public Normalization normalization = Normalization.ZSCORE;

    /** The fc width actually used. */
    public int effectiveFcWidth() {
        return fcWidth > 0 ? fcWidth : 64 * baseChannels;
    }

    /** The network for volumes of {@code inputSize}³ and {@code classes} classes. */
    public Cb3dArchitecture architecture(int inputSize, int classes) {
        return new Cb3dArchitecture(inputSize, classes, baseChannels, effectiveFcWidth(), dropout, batchNorm);
    }

    /** An independent copy. */
    public ClassifierSettings copy() {
        ClassifierSettings c = new ClassifierSettings();
        c.baseChannels = baseChannels;
        c.fcWidth = fcWidth;
        c.dropout = dropout;
        c.batchNorm = batchNorm;
        c.epochs = epochs;
        c.flips = flips;
        c.batchSize = batchSize;
        c.optimizer = optimizer;
        c.learningRate = learningRate;
        c.learningRateDecay = learningRateDecay;
        c.momentum = momentum;
        c.weightDecay = weightDecay;
        c.heldOutFraction = heldOutFraction;
        c.seed = seed;
        c.normalization = normalization;
        return c;
    }

    /** Checks the settings; returns this. */
    public ClassifierSettings validate() {
        List<String> p = new ArrayList<>();
        if (baseChannels < 1 || fcWidth < 0) {
            p.add("widths must be positive (base " + baseChannels + ", fc " + fcWidth + ")");
        }
        if (epochs < 1 || batchSize < 1) {
            p.add("epochs and batch size must be at least 1");
        }
        if (learningRateDecay == null) {
            p.add("learning-rate decay must be given (constant or linear)");
        }
        if (!(learningRate > 0)) {
            p.add("learning rate must be positive, got " + learningRate);
        }
        if (optimizer == ClassifierOptimizer.SGD && !(momentum > 0)) {
            p.add("Nesterov SGD needs momentum > 0, got " + momentum);
        }
        if (heldOutFraction < 0 || heldOutFraction >= 1) {
            p.add("held-out fraction must be in [0, 1), got " + heldOutFraction);
        }
        if (dropout < 0 || dropout >= 1) {
            p.add("dropout must be in [0, 1), got " + dropout);
        }
        if (!p.isEmpty()) {
            throw new IllegalArgumentException("invalid classifier settings: " + String.join("; ", p));
        }
        return this;
    }
}
