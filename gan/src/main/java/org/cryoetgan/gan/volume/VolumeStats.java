package org.cryoetgan.gan.volume;

/**
 * Summary statistics of a volume, as MRC2014 headers store them: minimum, maximum, mean and RMS deviation from
 * the mean (the population standard deviation, as IMOD and {@code mrcfile} write it).
 */
public record VolumeStats(double min, double max, double mean, double rms) {

    /** Statistics of {@code values}, accumulated in double precision. An empty array gives all zeros. */
    public static VolumeStats of(float[] values) {
        if (values.length == 0) {
            return new VolumeStats(0, 0, 0, 0);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        double mean = sum / values.length;
        double ss = 0;
        for (float v : values) {
            double d = v - mean;
            ss += d * d;
        }
        return new VolumeStats(min, max, mean, Math.sqrt(ss / values.length));
    }
}
