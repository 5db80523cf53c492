package org.cryoetgan.gan.metrics;

/**
 * Inception Score of class probabilities p(y|x) predicted for generated samples (in this project by the 3-D
 * classifier), as in Salimans et al. 2016's code: the rows are cut into {@code splits} consecutive parts
 * {@code [i n / s, (i + 1) n / s)}; each part scores {@code exp(mean_x KL(p(y|x) || p(y)))} with p(y) the part's
 * mean prediction; the result is the mean and the population standard deviation of the part scores.
 *
 * <p>Terms with p(y|x) = 0 contribute 0 (the limit of p log p), where the original code would produce NaN.
 * The score lies between 1 (every prediction the same) and the number of classes (confident and balanced).
 */
public final class InceptionScore {

    /** The customary number of splits. */
    public static final int DEFAULT_SPLITS = 10;

    /**
     * @param mean mean of the per-split scores
     * @param std  population standard deviation of the per-split scores
     */
    public record Result(double mean, double std) {
    }

    private InceptionScore() {
    }

    /**
     * The score of probability rows (non-negative, each summing to 1 within 1e-3).
     *
     * @param splits number of parts, at most the number of rows
     */
    public static Result compute(double[][] probabilities, int splits) {
        int n = probabilities.length;
        if (splits < 1 || splits > n) {
            throw new IllegalArgumentException("splits must be between 1 and the number of samples (" + n + "): "
                    + splits);
        }
        int classes = Features.dimension(probabilities, probabilities);
        checkDistributions(probabilities);
        double[] scores = new double[splits];
        for (int s = 0; s < splits; s++) {
            scores[s] = partScore(probabilities, (int) ((long) s * n / splits), (int) ((long) (s + 1) * n / splits),
                    classes);
        }
        double mean = 0;
        for (double v : scores) {
            mean += v;
        }
        mean /= splits;
        double var = 0;
        for (double v : scores) {
            var += (v - mean) * (v - mean);
        }
        return new Result(mean, Math.sqrt(var / splits));
    }

    /** The score with {@link #DEFAULT_SPLITS} splits. */
    public static Result compute(double[][] probabilities) {
        return compute(probabilities, DEFAULT_SPLITS);
    }

    /** Row-wise softmax of classifier logits, for callers that hold logits rather than probabilities. */
    public static double[][] softmax(double[][] logits) {
        double[][] p = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : logits[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            p[i] = new double[logits[i].length];
            for (int j = 0; j < p[i].length; j++) {
                p[i][j] = Math.exp(logits[i][j] - max);
                sum += p[i][j];
            }
            for (int j = 0; j < p[i].length; j++) {
                p[i][j] /= sum;
            }
        }
        return p;
    }

    private static double partScore(double[][] p, int from, int to, int classes) {
        double[] marginal = new double[classes];
        for (int i = from; i < to; i++) {
            for (int c = 0; c < classes; c++) {
                marginal[c] += p[i][c];
            }
        }
        for (int c = 0; c < classes; c++) {
            marginal[c] /= to - from;
        }
        double kl = 0;
        for (int i = from; i < to; i++) {
            for (int c = 0; c < classes; c++) {
                double q = p[i][c];
                if (q > 0) {
                    kl += q * (Math.log(q) - Math.log(marginal[c]));
                }
            }
        }
        return Math.exp(kl / (to - from));
    }

    private static void checkDistributions(double[][] p) {
        for (int i = 0; i < p.length; i++) {
            double sum = 0;
            for (double v : p[i]) {
                if (!(v >= 0)) {
                    throw new IllegalArgumentException("row " + i + " has a negative or NaN probability: " + v);
                }
                sum += v;
            }
            if (Math.abs(sum - 1) > 1e-3) {
                throw new IllegalArgumentException("row " + i + " sums to " + sum + ", not 1 (pass softmax(logits))");
            }
        }
    }
}
