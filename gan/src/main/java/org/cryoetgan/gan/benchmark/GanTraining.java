package org.cryoetgan.gan.benchmark;

import java.nio.file.Path;

/** Trains CryoETGAN on unpaired density maps and subtomograms into a run folder (the {@code train} command's work). */
@FunctionalInterface
public interface GanTraining {
    /** Trains on the maps in {@code density} and the subtomograms in {@code subtomograms}, writing {@code runDir}. */
    void train(Path density, Path subtomograms, Path runDir) throws Exception;
}
