package org.cryoetgan.gan.sim;

import java.util.List;
import java.util.stream.IntStream;
import org.jtransforms.fft.DoubleFFT_1D;
import org.cryoetgan.gan.volume.Volume;

/**
 * Weighted (filtered) back-projection of a single-axis tilt series into a cube. Each projection row (along x, across
 * the tilt axis) is filtered with the Ram-Lak ramp, built in real space and zero-padded to avoid wrap-around (which
 * gets the DC term right), then smeared back along its rays with linear interpolation, using the same geometry as
 * {@link Projector}. The sum is scaled by the angular step in radians, so a full 180° series inverts the projector.
 * Directions never measured (the missing wedge) stay empty.
 */
public final class WeightedBackProjection {

    private WeightedBackProjection() {
    }

    /** Reconstruct an nx × ny × nz volume from projections taken at {@code degrees}. */
    public static Volume reconstruct(List<Volume> projections, double[] degrees, int nz) {
        if (projections.size() != degrees.length || projections.isEmpty()) {
            throw new IllegalArgumentException(projections.size() + " projections for " + degrees.length + " angles");
        }
        Volume first = projections.get(0);
        int nx = first.nx();
        int ny = first.ny();
        float[][] filtered = new float[degrees.length][];
        IntStream.range(0, degrees.length).parallel().forEach(i -> filtered[i] = rampFilter(projections.get(i), nx, ny));
        double step = degrees.length > 1 ? Math.toRadians((degrees[degrees.length - 1] - degrees[0]) / (degrees.length - 1)) : 1;
        float[] out = new float[nx * ny * nz];
        double cx = nx / 2;
        double cz = nz / 2;
        IntStream.range(0, nz).parallel().forEach(z -> {
            for (int a = 0; a < degrees.length; a++) {
                double cos = Math.cos(Math.toRadians(degrees[a]));
                double sin = Math.sin(Math.toRadians(degrees[a]));
                float[] p = filtered[a];
                for (int x = 0; x < nx; x++) {
                    double u = (x - cx) * cos + (z - cz) * sin + cx;
                    int u0 = (int) Math.floor(u);
                    double f = u - u0;
                    if (u0 < -1 || u0 >= nx) {
                        continue;
                    }
                    for (int y = 0; y < ny; y++) {
                        double v0 = u0 >= 0 ? p[y * nx + u0] : 0;
                        double v1 = u0 + 1 < nx ? p[y * nx + u0 + 1] : 0;
                        out[(z * ny + y) * nx + x] += (float) (step * ((1 - f) * v0 + f * v1));
                    }
                }
            }
        });
        return new Volume(nx, ny, nz, out, first.voxelSize(), first.origin());
    }

    /** Filter each row of an image with the Ram-Lak ramp. */
    static float[] rampFilter(Volume image, int nx, int ny) {
        int len = Integer.highestOneBit(Math.max(1, 2 * nx - 1) - 1) << 1;
        len = Math.max(len, 2 * nx);
        double[] kernel = rampKernelSpectrum(len);
        DoubleFFT_1D fft = new DoubleFFT_1D(len);
        float[] src = image.data();
        float[] out = new float[nx * ny];
        double[] row = new double[2 * len];
        for (int y = 0; y < ny; y++) {
            java.util.Arrays.fill(row, 0);
            for (int x = 0; x < nx; x++) {
                row[2 * x] = src[y * nx + x];
            }
            fft.complexForward(row);
            for (int k = 0; k < len; k++) {
                row[2 * k] *= kernel[k];
                row[2 * k + 1] *= kernel[k];
            }
            fft.complexInverse(row, true);
            for (int x = 0; x < nx; x++) {
                out[y * nx + x] = (float) row[2 * x];
            }
        }
        return out;
    }

    /** The DFT of the real-space Ram-Lak kernel h(0) = 1/4, h(odd m) = −1/(π m)², h(even m) = 0 (Kak & Slaney). */
    private static double[] rampKernelSpectrum(int len) {
        double[] h = new double[2 * len];
        for (int i = 0; i < len; i++) {
            int m = i <= len / 2 ? i : i - len;
            double v = m == 0 ? 0.25 : (m % 2 != 0 ? -1.0 / (Math.PI * Math.PI * m * m) : 0);
            h[2 * i] = v;
        }
        new DoubleFFT_1D(len).complexForward(h);
        double[] w = new double[len];
        for (int k = 0; k < len; k++) {
            w[k] = h[2 * k];
        }
        return w;
    }
}
