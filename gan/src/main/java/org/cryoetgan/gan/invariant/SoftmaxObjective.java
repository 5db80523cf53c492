package org.cryoetgan.gan.invariant;

/**
 * The objective of multinomial logistic regression with an L2 penalty on the weights (not on the biases):
 * {@code f(W, b) = (1/n) Σ_i −ln softmax(W x_i + b)[y_i] + (λ/2) ‖W‖²}, with its gradient. Parameters are one
 * flat vector: the K × d weights row by row (class k's row at k·d), then the K biases.
 */
final class SoftmaxObjective {
    private final double[][] x;
    private final int[] y;
    private final int classes;
    private final double lambda;
    private final int d;

    SoftmaxObjective(double[][] x, int[] y, int classes, double lambda) {
        this.x = x;
        this.y = y;
        this.classes = classes;
        this.lambda = lambda;
        this.d = x[0].length;
    }

    int parameters() {
        return classes * (d + 1);
    }

    /** The value at {@code theta}; writes the gradient into {@code grad}. */
    double valueAndGradient(double[] theta, double[] grad) {
        java.util.Arrays.fill(grad, 0);
        double loss = 0;
        double[] p = new double[classes];
        int n = x.length;
        for (int i = 0; i < n; i++) {
            scores(theta, x[i], p);
            double lse = softmaxInPlace(p);
            loss += lse - logit(theta, x[i], y[i]);
            p[y[i]] -= 1;
            for (int k = 0; k < classes; k++) {
                double g = p[k] / n;
                int row = k * d;
                for (int j = 0; j < d; j++) {
                    grad[row + j] += g * x[i][j];
                }
                grad[classes * d + k] += g;
            }
        }
        double penalty = 0;
        for (int j = 0; j < classes * d; j++) {
            penalty += theta[j] * theta[j];
            grad[j] += lambda * theta[j];
        }
        return loss / n + 0.5 * lambda * penalty;
    }

    /** The class scores W x + b of one row into {@code out}. */
    void scores(double[] theta, double[] row, double[] out) {
        for (int k = 0; k < classes; k++) {
            out[k] = logit(theta, row, k);
        }
    }

    private double logit(double[] theta, double[] row, int k) {
        double s = theta[classes * d + k];
        int off = k * d;
        for (int j = 0; j < d; j++) {
            s += theta[off + j] * row[j];
        }
        return s;
    }

    /** Replaces scores by their softmax; returns the log-sum-exp of the scores. */
    static double softmaxInPlace(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < s.length; k++) {
            s[k] = Math.exp(s[k] - max);
            sum += s[k];
        }
        for (int k = 0; k < s.length; k++) {
            s[k] /= sum;
        }
        return max + Math.log(sum);
    }
}
