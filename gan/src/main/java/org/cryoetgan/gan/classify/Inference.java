package org.cryoetgan.gan.classify;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;

/** Runs a CB3D network over scaled volumes in batches, without gradients and with dropout off. */
final class Inference {
    private Inference() {
    }

    /** fc6 features and class probabilities of every volume; the model's training mode is restored afterwards. */
    static Predictions run(Cb3d model, LabeledVolumes volumes, int batchSize) {
        int n = volumes.size();
        float[][] features = new float[n][];
        double[][] probabilities = new double[n][];
        boolean wasTraining = model.isTraining();
        model.eval();
        try {
            for (int start = 0; start < n; start += batchSize) {
                int[] idx = range(start, Math.min(n, start + batchSize));
                try (Scope s = Scope.open()) {
                    Cb3d.Pass pass = Tensor.noGrad(() -> model.pass(volumes.batch(idx)));
                    int f = pass.fc6().size(1);
                    int c = pass.logits().size(1);
                    float[] fv = pass.fc6().toArray();
                    float[] lv = pass.logits().toArray();
                    for (int i = 0; i < idx.length; i++) {
                        features[idx[i]] = java.util.Arrays.copyOfRange(fv, i * f, (i + 1) * f);
                        probabilities[idx[i]] = softmax(lv, i * c, c);
                    }
                }
            }
        } finally {
            model.train(wasTraining);
        }
        return new Predictions(features, probabilities);
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static double[] softmax(float[] logits, int offset, int c) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < c; j++) {
            max = Math.max(max, logits[offset + j]);
        }
        double[] p = new double[c];
        double sum = 0;
        for (int j = 0; j < c; j++) {
            p[j] = Math.exp(logits[offset + j] - max);
            sum += p[j];
        }
        for (int j = 0; j < c; j++) {
            p[j] /= sum;
        }
        return p;
    }
}
