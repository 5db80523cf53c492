package org.cryoetgan.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.junit.jupiter.api.Test;

class ShellPowerSpectrumTest {
    private static final int N = 6;

    /** Brute-force reference: the DFT summed voxel by voxel in double precision, binned as documented. */
    private static double[] reference(float[] v, int offset) {
        int shells = N / 2;
        double[] sum = new double[3 * shells];
        int[] count = new int[3 * shells];
        double all = 0;
        for (int kz = 0; kz < N; kz++) {
            for (int ky = 0; ky < N; ky++) {
                for (int kx = 0; kx < N; kx++) {
                    double re = 0, im = 0;
                    for (int z = 0; z < N; z++) {
                        for (int y = 0; y < N; y++) {
                            for (int x = 0; x < N; x++) {
                                double a = -2 * Math.PI * ((double) kz * z + ky * y + kx * x) / N;
                                double val = v[offset + (z * N + y) * N + x];
                                re += val * Math.cos(a);
                                im += val * Math.sin(a);
                            }
                        }
                    }
                    double p = re * re + im * im;
                    int fx = kx <= N / 2 ? kx : kx - N, fy = ky <= N / 2 ? ky : ky - N, fz = kz <= N / 2 ? kz : kz - N;
                    if (fx == 0 && fy == 0 && fz == 0) {
                        continue;
                    }
                    all += p;
                    int r = (int) Math.round(Math.sqrt(fx * fx + fy * fy + fz * fz));
                    if (r > shells) {
                        continue;
                    }
                    // bins: z, y, x = tensor axes 2, 3, 4; ties to the earlier axis
                    int a0 = Math.abs(fz), a1 = Math.abs(fy), a2 = Math.abs(fx);
                    int axis = a0 >= a1 && a0 >= a2 ? 0 : a1 >= a2 ? 1 : 2;
                    sum[(r - 1) * 3 + axis] += p;
                    count[(r - 1) * 3 + axis]++;
                }
            }
        }
        double mean = all / (N * N * N - 1);
        double[] out = new double[sum.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.log(sum[i] / count[i] + 1e-8) - Math.log(mean + 1e-8);
        }
        return out;
    }

    @Test
    void matchesABruteForceDftBinnedByShellAndDominantAxis() {
        try (Scope s = Scope.open(); ShellPowerSpectrum spectrum = new ShellPowerSpectrum(N)) {
            Tensor x = Tensor.randn(new RandomGenerator(3), 2, 1, N, N, N);
            float[] got = spectrum.forward(x).toArray();
            assertEquals(2 * spectrum.features(), got.length);
            float[] v = x.toArray();
            for (int b = 0; b < 2; b++) {
                double[] want = reference(v, b * N * N * N);
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got[b * want.length + i], 2e-4, "volume " + b + " feature " + i);
                }
            }
        }
    }

    @Test
    void isotropicBinsAreThePowerWeightedMeansOfTheAxisBins() {
        try (Scope s = Scope.open(); ShellPowerSpectrum axes = new ShellPowerSpectrum(N);
             ShellPowerSpectrum shells = new ShellPowerSpectrum(N, false)) {
            Tensor x = Tensor.randn(new RandomGenerator(8), 1, 1, N, N, N);
            assertEquals(N / 2, shells.features());
            float[] iso = shells.forward(x).toArray();
            double[] ref = reference(x.toArray(), 0);
            // recount the axis bins' sizes to weight their mean powers
            int[] count = new int[3 * (N / 2)];
            for (int i = 0; i < N * N * N; i++) {
                int f0 = i / (N * N), f1 = i / N % N, f2 = i % N;
                int a = f0 <= N / 2 ? f0 : f0 - N, b = f1 <= N / 2 ? f1 : f1 - N, c = f2 <= N / 2 ? f2 : f2 - N;
                int r = (int) Math.round(Math.sqrt(a * a + b * b + c * c));
                if (r >= 1 && r <= N / 2) {
                    int aa = Math.abs(a), bb = Math.abs(b), cc = Math.abs(c);
                    count[(r - 1) * 3 + (aa >= bb && aa >= cc ? 0 : bb >= cc ? 1 : 2)]++;
                }
            }
            for (int r = 0; r < N / 2; r++) {
                double num = 0;
                int den = 0;
                for (int a = 0; a < 3; a++) {
                    num += Math.exp(ref[r * 3 + a]) * count[r * 3 + a];
                    den += count[r * 3 + a];
                }
                assertEquals(Math.log(num / den), iso[r], 2e-4, "shell " + (r + 1));
            }
        }
    }

    @Test
    void anAnisotropicVolumeShowsInTheAxisBins() {
        try (Scope s = Scope.open(); ShellPowerSpectrum spectrum = new ShellPowerSpectrum(N)) {
            float[] stripes = new float[N * N * N];
            for (int i = 0; i < stripes.length; i++) {
                int z = i / (N * N);
                stripes[i] = (float) Math.cos(2 * Math.PI * z / N) + 0.01f * (i % 7);
            }
            float[] f = spectrum.forward(Tensor.of(stripes, 1, 1, N, N, N)).toArray();
            // shell 1: the z-dominant bin (axis 0 of the volume = tensor axis 2) holds the stripes' power
            assertEquals(true, f[0] > f[1] + 3 && f[0] > f[2] + 3, java.util.Arrays.toString(f));
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        try (Scope s = Scope.open(); ShellPowerSpectrum spectrum = new ShellPowerSpectrum(N)) {
            Tensor x = Tensor.randn(new RandomGenerator(4), 1, 1, N, N, N).requiresGrad(true);
            Tensor w = Tensor.randn(new RandomGenerator(5), 1, spectrum.features());
            spectrum.forward(x).mul(w).sum().backward();
            float[] g = x.grad().toArray();
            float[] v = x.toArray();
            double h = 1e-2;
            for (int i = 0; i < v.length; i += 17) {
                float[] plus = v.clone();
                float[] minus = v.clone();
                plus[i] += h;
                minus[i] -= h;
                double fp = spectrum.forward(Tensor.of(plus, 1, 1, N, N, N)).mul(w).sum().item();
                double fm = spectrum.forward(Tensor.of(minus, 1, 1, N, N, N)).mul(w).sum().item();
                assertEquals((fp - fm) / (2 * h), g[i], 2e-2 * Math.max(1, Math.abs(g[i])), "voxel " + i);
            }
        }
    }

    @Test
    void refusesOtherShapes() {
        try (Scope s = Scope.open(); ShellPowerSpectrum spectrum = new ShellPowerSpectrum(N)) {
            assertThrows(IllegalArgumentException.class, () -> spectrum.forward(Tensor.zeros(1, 1, N, N, N + 1)));
            assertArrayEquals(new int[] {1, 9}, spectrum.forward(Tensor.randn(new RandomGenerator(1), 1, 1, N, N, N))
                    .shape());
        }
    }
}
