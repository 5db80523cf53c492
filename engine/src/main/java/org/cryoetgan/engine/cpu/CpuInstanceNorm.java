package org.cryoetgan.engine.cpu;

/** Fused instance normalisation: statistics in double, one pass over each plane per direction. */
final class CpuInstanceNorm {
    private CpuInstanceNorm() {
    }

    static void forward(Parallel par, float[] x, int planes, int channels, int size, float eps, float[] gamma,
                        float[] beta, float[] y, float[] mean, float[] invstd) {
        par.forRange(planes, 1, (from, to) -> {
            for (int p = from; p < to; p++) {
                int off = p * size;
                double s = 0;
                for (int i = 0; i < size; i++) {
                    s += x[off + i];
                }
                double m = s / size;
                double v = 0;
                for (int i = 0; i < size; i++) {
                    double d = x[off + i] - m;
                    v += d * d;
                }
                float is = (float) (1.0 / Math.sqrt(v / size + eps));
                float mf = (float) m;
                mean[p] = mf;
                invstd[p] = is;
                int c = p % channels;
                float scale = gamma == null ? is : is * gamma[c];
                float shift = beta == null ? -mf * scale : beta[c] - mf * scale;
                for (int i = 0; i < size; i++) {
                    y[off + i] = x[off + i] * scale + shift;
                }
            }
        });
    }

    static void backward(Parallel par, float[] x, float[] dy, float[] mean, float[] invstd, int planes, int channels,
                         int size, float[] gamma, float[] dx, float[] dgamma, float[] dbeta) {
        double[] sumDy = new double[planes];
        double[] sumDyXhat = new double[planes];
        par.forRange(planes, 1, (from, to) -> {
            for (int p = from; p < to; p++) {
                int off = p * size;
                float m = mean[p];
                float is = invstd[p];
                double a = 0;
                double b = 0;
                for (int i = 0; i < size; i++) {
                    float g = dy[off + i];
                    a += g;
                    b += g * ((x[off + i] - m) * is);
                }
                sumDy[p] = a;
                sumDyXhat[p] = b;
                float gm = gamma == null ? 1f : gamma[p % channels];
                // dx = gamma·invstd·(dy − mean(dy) − xhat·mean(dy·xhat))
                float k = gm * is;
                float meanDy = (float) (a / size);
                float meanDyXhat = (float) (b / size);
                for (int i = 0; i < size; i++) {
                    float xhat = (x[off + i] - m) * is;
                    dx[off + i] = k * (dy[off + i] - meanDy - xhat * meanDyXhat);
                }
            }
        });
        if (dgamma != null) {
            java.util.Arrays.fill(dgamma, 0, channels, 0f);
            java.util.Arrays.fill(dbeta, 0, channels, 0f);
            double[] g = new double[channels];
            double[] bsum = new double[channels];
            for (int p = 0; p < planes; p++) {
                g[p % channels] += sumDyXhat[p];
                bsum[p % channels] += sumDy[p];
            }
            for (int c = 0; c < channels; c++) {
                dgamma[c] = (float) g[c];
                dbeta[c] = (float) bsum[c];
            }
        }
    }
}
