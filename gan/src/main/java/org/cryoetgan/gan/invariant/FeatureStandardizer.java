package org.cryoetgan.gan.invariant;

/**
 * Standardises feature vectors with the mean and population standard deviation of one set (the training set):
 * {@code (x − mean) / std} per feature, a feature constant in that set (std 0) only centred.
 */
public final class FeatureStandardizer {
    private final double[] mean;
    private final double[] std;

    private FeatureStandardizer(double[] mean, double[] std) {
        this.mean = mean;
        this.std = std;
    }

    /** The statistics of {@code rows} (at least one row, all of one length). */
    public static FeatureStandardizer fit(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no feature rows to fit a standardiser on");
        }
        int d = rows[0].length;
        double[] mean = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        double[] std = new double[d];
        for (double[] r : rows) {
            for (int j = 0; j < d; j++) {
                std[j] += (r[j] - mean[j]) * (r[j] - mean[j]);
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.sqrt(std[j] / rows.length);
        }
        return new FeatureStandardizer(mean, std);
    }

    /** The standardised copy of one row. */
    public double[] apply(double[] row) {
        if (row.length != mean.length) {
            throw new IllegalArgumentException("feature row has " + row.length + " values, expected " + mean.length);
        }
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            double c = row[j] - mean[j];
            out[j] = std[j] > 0 ? c / std[j] : c;
        }
        return out;
    }

    /** The standardised copy of every row. */
    public double[][] apply(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = apply(rows[i]);
        }
        return out;
    }
}
