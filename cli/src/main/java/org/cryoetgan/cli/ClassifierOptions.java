package org.cryoetgan.cli;

import org.cryoetgan.gan.classify.ClassifierOptimizer;
import org.cryoetgan.gan.classify.ClassifierSettings;
import org.cryoetgan.gan.train.Normalization;
import picocli.CommandLine.Option;

/** The CB3D width and training options, shared by {@code classifier train} and {@code evaluate}. */
final class ClassifierOptions {
    @Option(names = "--width", description = "Channels of the first convolution stage (paper 64; default ${DEFAULT-VALUE}).")
    int width = 64;
    @Option(names = "--fc", description = "Units of fc6/fc7 (default 64 × width: 4096 for the paper's width).")
    int fc = 0;
    @Option(names = "--dropout", description = "Dropout after fc6 and fc7 (default ${DEFAULT-VALUE}).")
    double dropout = 0.5;
    @Option(names = "--epochs", description = "Training epochs (default ${DEFAULT-VALUE}).")
    int epochs = 20;
    @Option(names = "--batch", description = "Batch size (default ${DEFAULT-VALUE}).")
    int batch = 8;
    @Option(names = "--optimizer", description = "sgd (Nesterov, the paper's) | adam (default ${DEFAULT-VALUE}).")
    ClassifierOptimizer optimizer = ClassifierOptimizer.SGD;
    @Option(names = "--lr", description = "Learning rate (default ${DEFAULT-VALUE}).")
    double lr = 0.005;
    @Option(names = "--momentum", description = "Nesterov momentum of SGD (default ${DEFAULT-VALUE}).")
    double momentum = 0.9;
    @Option(names = "--weight-decay", description = "L2 weight decay (default ${DEFAULT-VALUE}).")
    double weightDecay = 0;
    @Option(names = "--held-out", description = "Fraction held out to report accuracy each epoch (default ${DEFAULT-VALUE}).")
    double heldOut = 0.2;
    @Option(names = "--seed", description = "Seed of initialisation, split, shuffling and dropout (default ${DEFAULT-VALUE}).")
    long seed = 1;
    @Option(names = "--normalization", description = "Per-volume zscore (default) | minmax | global_zscore.")
    Normalization normalization = Normalization.ZSCORE;

    ClassifierSettings settings() {
        ClassifierSettings s = new ClassifierSettings();
        s.baseChannels = width;
        s.fcWidth = fc;
        s.dropout = dropout;
        s.epochs = epochs;
        s.batchSize = batch;
        s.optimizer = optimizer;
        s.learningRate = lr;
        s.momentum = momentum;
        s.weightDecay = weightDecay;
        s.heldOutFraction = heldOut;
        s.seed = seed;
        s.normalization = normalization;
        return s.validate();
    }
}
