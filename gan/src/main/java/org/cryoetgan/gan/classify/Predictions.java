package org.cryoetgan.gan.classify;

/**
 * The classifier's outputs for a set of volumes, one row per volume.
 *
 * @param features      fc6 activations (the embedding for FID and precision/recall/density/coverage)
 * @param probabilities softmax of the class scores (the distribution for the Inception Score)
 */
public record Predictions(float[][] features, double[][] probabilities) {

    public int size() {
        return probabilities.length;
    }

    /** The most probable class of each volume (the lowest index on ties). */
    public int[] predicted() {
        int[] out = new int[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = argmax(probabilities[i]);
        }
        return out;
    }

    /** Fraction of volumes whose most probable class equals {@code labels[i]}. */
    public double accuracy(int[] labels) {
        if (labels.length != probabilities.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + probabilities.length + " predictions");
        }
        int[] p = predicted();
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == labels[i]) {
                correct++;
            }
        }
        return p.length == 0 ? Double.NaN : correct / (double) p.length;
    }

    static int argmax(double[] row) {
        int best = 0;
        for (int j = 1; j < row.length; j++) {
            if (row[j] > row[best]) {
                best = j;
            }
        }
        return best;
    }
}
