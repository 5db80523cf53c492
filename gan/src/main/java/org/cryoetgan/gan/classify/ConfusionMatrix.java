package org.cryoetgan.gan.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts of true (rows) against predicted (columns) classes, with accuracy and a plain-text rendering. */
public final class ConfusionMatrix {
    private final List<String> classes;
    private final long[][] counts;

    private ConfusionMatrix(List<String> classes, long[][] counts) {
        this.classes = List.copyOf(classes);
        this.counts = counts;
    }

    /** Tabulates {@code truth[i]} against {@code predicted[i]} (indices into {@code classes}). */
    public static ConfusionMatrix of(List<String> classes, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels for " + predicted.length + " predictions");
        }
        long[][] c = new long[classes.size()][classes.size()];
        for (int i = 0; i < truth.length; i++) {
            c[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(classes, c);
    }

    public List<String> classes() {
        return classes;
    }

    /** Volumes of true class {@code t} predicted as {@code p}. */
    public long count(int t, int p) {
        return counts[t][p];
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    /** Fraction on the diagonal (NaN for an empty matrix). */
    public double accuracy() {
        long d = 0;
        for (int i = 0; i < counts.length; i++) {
            d += counts[i][i];
        }
        long n = total();
        return n == 0 ? Double.NaN : d / (double) n;
    }

    /** Recall of each class (NaN for a class with no volumes). */
    public double[] perClassAccuracy() {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            long n = 0;
            for (long v : counts[i]) {
                n += v;
            }
            out[i] = n == 0 ? Double.NaN : counts[i][i] / (double) n;
        }
        return out;
    }

    /** A table with one row per true class, one column per predicted class and the row's accuracy. */
    public String render() {
        int w = 9;
        for (String c : classes) {
            w = Math.max(w, c.length() + 1);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-" + w + "s", "true\\pred"));
        for (String c : classes) {
            sb.append(String.format("%" + w + "s", c));
        }
        sb.append(String.format("%" + w + "s%n", "acc"));
        double[] acc = perClassAccuracy();
        for (int i = 0; i < classes.size(); i++) {
            sb.append(String.format("%-" + w + "s", classes.get(i)));
            for (long v : counts[i]) {
                sb.append(String.format("%" + w + "d", v));
            }
            sb.append(String.format("%" + w + "s%n", Double.isNaN(acc[i]) ? "-" : String.format("%.3f", acc[i])));
        }
        return sb.toString();
    }

    /** A JSON-ready map: classes, counts (rows true, columns predicted), accuracy and per-class accuracy. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("classes", classes);
        m.put("counts", counts);
        m.put("total", total());
        m.put("accuracy", accuracy());
        double[] acc = perClassAccuracy();
        Map<String, Object> per = new LinkedHashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            per.put(classes.get(i), Double.isNaN(acc[i]) ? null : acc[i]);
        }
        m.put("per_class_accuracy", per);
        return m;
    }
}
