package org.cryoetgan.gan.invariant;

/**
 * Multinomial logistic regression with an L2 penalty on the weights, fitted by L-BFGS from zero (so the fit is
 * deterministic): minimises {@code (1/n) Σ −ln softmax(W x_i + b)[y_i] + (λ/2) ‖W‖²}.
 */
public final class LogisticRegression {
    /** Default penalty λ (on the mean loss; scikit-learn's C corresponds to λ = 1 / (C n)). */
    public static final double DEFAULT_LAMBDA = 1e-3;
    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 1e-7;

    private final double[] theta;
    private final int classes;
    private final int features;
    private final Lbfgs.Result fit;

    private LogisticRegression(double[] theta, int classes, int features, Lbfgs.Result fit) {
        this.theta = theta;
        this.classes = classes;
        this.features = features;
        this.fit = fit;
    }

    /**
     * Fits the model.
     *
     * @param x       n rows of d features
     * @param y       class of each row, in [0, classes)
     * @param classes number of classes (at least 2)
     * @param lambda  L2 penalty (≥ 0; 0 only for data that are not separable)
     */
    public static LogisticRegression fit(double[][] x, int[] y, int classes, double lambda) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("logistic regression needs rows with one class each, got " + x.length
                    + " rows and " + y.length + " classes");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("logistic regression needs at least two classes, got " + classes);
        }
        for (int c : y) {
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException("class " + c + " outside [0, " + classes + ")");
            }
        }
        SoftmaxObjective f = new SoftmaxObjective(x, y, classes, lambda);
        double[] theta = new double[f.parameters()];
        Lbfgs.Result r = new Lbfgs(10, MAX_ITERATIONS, TOLERANCE).minimize(f::valueAndGradient, theta);
        return new LogisticRegression(theta, classes, x[0].length, r);
    }

    /** Class probabilities of one row. */
    public double[] probabilities(double[] row) {
        if (row.length != features) {
            throw new IllegalArgumentException("row has " + row.length + " features, the model " + features);
        }
        double[] p = new double[classes];
        for (int k = 0; k < classes; k++) {
            double s = theta[classes * features + k];
            for (int j = 0; j < features; j++) {
                s += theta[k * features + j] * row[j];
            }
            p[k] = s;
        }
        SoftmaxObjective.softmaxInPlace(p);
        return p;
    }

    /** The most probable class of one row (the lowest index on ties). */
    public int predict(double[] row) {
        double[] p = probabilities(row);
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    /** Weight of feature j for class k. */
    public double weight(int k, int j) {
        return theta[k * features + j];
    }

    /** Bias of class k. */
    public double bias(int k) {
        return theta[classes * features + k];
    }

    /** Iterations, final objective and largest gradient component of the fit. */
    Lbfgs.Result fitResult() {
        return fit;
    }
}
