package org.cryoetgan.cli;

import org.cryoetgan.gan.classify.ClassifierOptimizer;
import org.cryoetgan.gan.classify.ClassifierSettings;
import org.cryoetgan.gan.classify.LearningRateDecay;
import org.cryoetgan.gan.data.Normalization;
import picocli.CommandLine.Option;

/**
 * The CB3D width and training options, shared by {@code classifier train} and {@code evaluate}; every default is
 * {@link ClassifierSettings}'s.
 */
final class ClassifierOptions {
    private static final ClassifierSettings DEFAULTS = new ClassifierSettings();

    @Option(names = "--width", description = "Channels of the first convolution stage (paper 64; default ${DEFAULT-VALUE}).")
    int width = DEFAULTS.baseChannels;
    @Option(names = "--fc", description = "Units of fc6/fc7 (default 64 × width: 4096 for the paper's width).")
    int fc = DEFAULTS.fcWidth;
    @Option(names = "--dropout", description = "Dropout after fc6 and fc7 (default ${DEFAULT-VALUE}).")
    double dropout = DEFAULTS.dropout;
    @Option(names = "--batch-norm", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Batch normalisation after each convolution (default on; not in the paper: "
                + "--no-batch-norm gives Che et al.'s network).")
    boolean batchNorm = DEFAULTS.batchNorm;
    @Option(names = "--flips", negatable = true, defaultValue = "false", fallbackValue = "true",
            description = "Random axis flips of the training volumes (they keep the missing wedge; default off; "
                + "not in the paper).")
    boolean flips = DEFAULTS.flips;
    @Option(names = "--epochs", description = "Training epochs (default ${DEFAULT-VALUE}).")
    int epochs = DEFAULTS.epochs;
    @Option(names = "--batch", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch = DEFAULTS.batchSize;
    @Option(names = "--optimizer", description = "sgd (Nesterov, the paper's) | adam (default ${DEFAULT-VALUE}).")
    ClassifierOptimizer optimizer = DEFAULTS.optimizer;
    @Option(names = "--lr", description = "Learning rate (default ${DEFAULT-VALUE}).")
    double lr = DEFAULTS.learningRate;
    @Option(names = "--lr-decay", description = "constant (the paper's) | linear to zero over the run "
            + "(default ${DEFAULT-VALUE}).")
    LearningRateDecay lrDecay = DEFAULTS.learningRateDecay;
    @Option(names = "--momentum", description = "Nesterov momentum of SGD (default ${DEFAULT-VALUE}).")
    double momentum = DEFAULTS.momentum;
    @Option(names = "--weight-decay", description = "L2 weight decay (default ${DEFAULT-VALUE}).")
    double weightDecay = DEFAULTS.weightDecay;
    @Option(names = "--held-out", description = "Fraction held out to report accuracy each epoch (default ${DEFAULT-VALUE}).")
    double heldOut = DEFAULTS.heldOutFraction;
    @Option(names = "--seed", description = "Seed of initialisation, split, shuffling and dropout (default ${DEFAULT-VALUE}).")
    long seed = DEFAULTS.seed;
    @Option(names = "--normalization", description = "Per-volume zscore (default) | minmax | global_zscore.")
    Normalization normalization = DEFAULTS.normalization;

    ClassifierSettings settings() {
        ClassifierSettings s = new ClassifierSettings();
        s.baseChannels = width;
        s.fcWidth = fc;
        s.dropout = dropout;
        s.batchNorm = batchNorm;
        s.epochs = epochs;
        s.flips = flips;
        s.batchSize = batch;
        s.optimizer = optimizer;
        s.learningRate = lr;
        s.learningRateDecay = lrDecay;
        s.momentum = momentum;
        s.weightDecay = weightDecay;
        s.heldOutFraction = heldOut;
        s.seed = seed;
        s.normalization = normalization;
        return s.validate();
    }
}
