package org.cryoetgan.gan.sim;

import org.jtransforms.fft.DoubleFFT_2D;
import org.jtransforms.fft.DoubleFFT_3D;

/**
 * Small helpers over JTransforms for complex FFTs of real volumes and images stored x-fastest; complex data are
 * interleaved (re, im) per voxel in the same order. Frequencies are in cycles per voxel, in FFT order.
 */
final class Fft {

    private Fft() {
    }

    /** Signed frequency of FFT index j on an axis of length n, in cycles per sample. */
    static double freq(int j, int n) {
        return (j <= n / 2 ? j : j - n) / (double) n;
    }

    static double[] toComplex(float[] real) {
        double[] c = new double[2 * real.length];
        for (int i = 0; i < real.length; i++) {
            c[2 * i] = real[i];
        }
        return c;
    }

    static float[] realPart(double[] c) {
        float[] r = new float[c.length / 2];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) c[2 * i];
        }
        return r;
    }

    static void forward3(double[] c, int nx, int ny, int nz) {
        new DoubleFFT_3D(nz, ny, nx).complexForward(c);
    }

    static void inverse3(double[] c, int nx, int ny, int nz) {
        new DoubleFFT_3D(nz, ny, nx).complexInverse(c, true);
    }

    static void forward2(double[] c, int nx, int ny) {
        new DoubleFFT_2D(ny, nx).complexForward(c);
    }

    static void inverse2(double[] c, int nx, int ny) {
        new DoubleFFT_2D(ny, nx).complexInverse(c, true);
    }

    /** Multiply the spectrum of an image by a real function of (fx, fy) in cycles per pixel. */
    static float[] filter2(float[] image, int nx, int ny, FrequencyFunction2 f) {
        double[] c = toComplex(image);
        forward2(c, nx, ny);
        for (int y = 0; y < ny; y++) {
            double fy = freq(y, ny);
            for (int x = 0; x < nx; x++) {
                double w = f.value(freq(x, nx), fy);
                int i = 2 * (y * nx + x);
                c[i] *= w;
                c[i + 1] *= w;
            }
        }
        inverse2(c, nx, ny);
        return realPart(c);
    }

    /** Multiply the spectrum of a volume by a real function of (fx, fy, fz) in cycles per voxel. */
    static float[] filter3(float[] volume, int nx, int ny, int nz, FrequencyFunction3 f) {
        double[] c = toComplex(volume);
        forward3(c, nx, ny, nz);
        for (int z = 0; z < nz; z++) {
            double fz = freq(z, nz);
            for (int y = 0; y < ny; y++) {
                double fy = freq(y, ny);
                for (int x = 0; x < nx; x++) {
                    double w = f.value(freq(x, nx), fy, fz);
                    int i = 2 * ((z * ny + y) * nx + x);
                    c[i] *= w;
                    c[i + 1] *= w;
                }
            }
        }
        inverse3(c, nx, ny, nz);
        return realPart(c);
    }

    /** A real weight as a function of 2D frequency. */
    @FunctionalInterface
    interface FrequencyFunction2 {
        double value(double fx, double fy);
    }

    /** A real weight as a function of 3D frequency. */
    @FunctionalInterface
    interface FrequencyFunction3 {
        double value(double fx, double fy, double fz);
    }
}
