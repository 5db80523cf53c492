package org.cryoetgan.gan.benchmark;

/**
 * One row of the benchmark's main table: a training set and the accuracy on S-test of the two yardsticks trained on
 * it. A null accuracy was not computable (the notes say why).
 *
 * @param name              short name ("GAN", "simulator", "clean D", "S-train")
 * @param description       what the set is
 * @param count             volumes in the set
 * @param invariantAccuracy accuracy on S-test of the invariant-feature classifier trained on the set
 * @param cb3dAccuracy      accuracy on S-test of a CB3D classifier trained on the set
 */
public record TrainingSetScore(String name, String description, int count, Double invariantAccuracy,
                               Double cb3dAccuracy) {
}
