package org.cryoetgan.gan.metrics;

import org.jtransforms.fft.DoubleFFT_3D;

/**
 * Radially averaged power spectrum of a volume: {@code |F(k)|^2 / N} (N voxels, so that white noise of variance
 * s^2 has a flat spectrum at s^2, and Parseval gives sum of power = sum of squares) averaged over spherical
 * shells of spatial frequency.
 *
 * <p>Frequencies are in cycles per voxel: {@code f = sqrt((kx/nx)^2 + (ky/ny)^2 + (kz/nz)^2)} with signed FFT
 * indices. Shell {@code s} collects the voxels with {@code rint(f * nmax) = s}, {@code nmax} the largest extent,
 * for {@code s = 0 .. nmax / 2} (up to Nyquist; the corners beyond it are left out). For a cube of side n, shell s
 * is the usual "radius s in Fourier voxels". The FFT is JTransforms'.
 */
public final class RadialPowerSpectrum {

    /**
     * One spectrum.
     *
     * @param frequency shell centres in cycles per voxel ({@code s / nmax})
     * @param power     mean power in each shell
     * @param count     number of Fourier voxels in each shell
     */
    public record Spectrum(double[] frequency, double[] power, long[] count) {

        /** Number of shells. */
        public int shells() {
            return power.length;
        }
    }

    private RadialPowerSpectrum() {
    }

    /** The spectrum of one volume. */
    public static Spectrum of(float[] volume, VolumeShape shape) {
        shape.requireLength(volume.length, "volume");
        int nx = shape.nx();
        int ny = shape.ny();
        int nz = shape.nz();
        int n = shape.size();
        double[] data = new double[2 * n];
        for (int i = 0; i < n; i++) {
            data[2 * i] = volume[i];
        }
        new DoubleFFT_3D(nz, ny, nx).complexForward(data);

        int nmax = Math.max(nx, Math.max(ny, nz));
        int shells = nmax / 2 + 1;
        double[] sum = new double[shells];
        long[] count = new long[shells];
        for (int z = 0; z < nz; z++) {
            double fz = signedFrequency(z, nz);
            for (int y = 0; y < ny; y++) {
                double fy = signedFrequency(y, ny);
                for (int x = 0; x < nx; x++) {
                    double fx = signedFrequency(x, nx);
                    int shell = (int) Math.rint(Math.sqrt(fx * fx + fy * fy + fz * fz) * nmax);
                    if (shell < shells) {
                        int i = 2 * ((z * ny + y) * nx + x);
                        sum[shell] += (data[i] * data[i] + data[i + 1] * data[i + 1]) / n;
                        count[shell]++;
                    }
                }
            }
        }
        double[] power = new double[shells];
        double[] frequency = new double[shells];
        for (int s = 0; s < shells; s++) {
            power[s] = count[s] == 0 ? Double.NaN : sum[s] / count[s];
            frequency[s] = (double) s / nmax;
        }
        return new Spectrum(frequency, power, count);
    }

    /** The shell-wise mean of the spectra of several volumes of one shape. */
    public static Spectrum average(Iterable<float[]> volumes, VolumeShape shape) {
        double[] power = null;
        Spectrum first = null;
        int m = 0;
        for (float[] v : volumes) {
            Spectrum s = of(v, shape);
            if (first == null) {
                first = s;
                power = new double[s.shells()];
            }
            for (int i = 0; i < power.length; i++) {
                power[i] += s.power()[i];
            }
            m++;
        }
        if (first == null) {
            throw new IllegalArgumentException("no volumes to average");
        }
        for (int i = 0; i < power.length; i++) {
            power[i] /= m;
        }
        return new Spectrum(first.frequency(), power, first.count());
    }

    /** FFT index k of n points as a signed frequency in cycles per voxel (NumPy's {@code fftfreq}). */
    private static double signedFrequency(int k, int n) {
        return (double) (k < (n + 1) / 2 ? k : k - n) / n;
    }
}
