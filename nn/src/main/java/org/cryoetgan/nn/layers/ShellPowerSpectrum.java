package org.cryoetgan.nn.layers;

import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.Module;

/**
 * The relative log power spectrum of cubic volumes, per frequency shell and dominant axis, as a differentiable
 * layer without parameters: [B, 1, N, N, N] → [B, 3·N/2] (or [B, N/2] with one isotropic bin per shell).
 *
 * <p>The 3D discrete Fourier transform is three real matrix products per axis (cos and sin tables), so gradients
 * (and gradients of gradients) come from the engine's matmul. Each non-zero frequency k with integer radius
 * r = round(|k|) in 1..N/2 falls in one of three bins by the axis of its largest component (z, y or x: tensor axes
 * 2, 3, 4; ties go to the earlier axis), which makes the features sensitive to anisotropy such as a missing wedge. A feature is
 * {@code log(mean power of its bin + eps) - log(mean power of all N³ - 1 non-zero frequencies + eps)}, so it does
 * not depend on the volume's scale or mean. Feature order: shell-major, then z, y, x.
 */
public final class ShellPowerSpectrum extends Module {
    private static final float EPS = 1e-8f;
    private final int n;
    private final int features;
    private final Tensor cos;
    private final Tensor sin;
    private final Tensor binning;
    private final Tensor total;

    /** Three bins per shell, by dominant axis. */
    public ShellPowerSpectrum(int n) {
        this(n, true);
    }

    /**
     * @param n        edge of the volumes (≥ 2)
     * @param axisBins three bins per shell by dominant axis; false: one bin per shell (isotropic)
     */
    public ShellPowerSpectrum(int n, boolean axisBins) {
        if (n < 2) {
            throw new IllegalArgumentException("ShellPowerSpectrum needs an edge of at least 2, got " + n);
        }
        this.n = n;
        int shells = n / 2;
        int perShell = axisBins ? 3 : 1;
        this.features = perShell * shells;
        float[] c = new float[n * n];
        float[] s = new float[n * n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double a = 2 * Math.PI * ((long) k * j % n) / n;
                c[k * n + j] = (float) Math.cos(a);
                s[k * n + j] = (float) Math.sin(a);
            }
        }
        int voxels = n * n * n;
        float[] bin = new float[voxels * features];
        int[] count = new int[features];
        int[] of = new int[voxels];
        for (int i = 0; i < voxels; i++) {
            int fx = signedFrequency(i / (n * n));
            int fy = signedFrequency(i / n % n);
            int fz = signedFrequency(i % n);
            int r = (int) Math.round(Math.sqrt((double) fx * fx + fy * fy + fz * fz));
            of[i] = -1;
            if (r >= 1 && r <= shells) {
                int ax = Math.abs(fx);
                int ay = Math.abs(fy);
                int az = Math.abs(fz);
                int axis = !axisBins ? 0 : az >= ay && az >= ax ? 0 : ay >= ax ? 1 : 2;
                of[i] = (r - 1) * perShell + axis;
                count[of[i]]++;
            }
        }
        for (int i = 0; i < voxels; i++) {
            if (of[i] >= 0) {
                bin[i * features + of[i]] = 1f / count[of[i]];
            }
        }
        float[] all = new float[voxels];
        for (int i = 1; i < voxels; i++) {
            all[i] = 1f / (voxels - 1);
        }
        this.cos = Scope.unscoped(() -> Tensor.of(c, n, n));
        this.sin = Scope.unscoped(() -> Tensor.of(s, n, n));
        this.binning = Scope.unscoped(() -> Tensor.of(bin, voxels, features));
        this.total = Scope.unscoped(() -> Tensor.of(all, voxels, 1));
    }

    private int signedFrequency(int index) {
        return index <= n / 2 ? index : index - n;
    }

    /** Number of features per volume: 3·N/2 (N/2 without axis bins). */
    public int features() {
        return features;
    }

    @Override
    public Tensor forward(Tensor input) {
        int[] sh = input.shape();
        if (sh.length != 5 || sh[1] != 1 || sh[2] != n || sh[3] != n || sh[4] != n) {
            throw new IllegalArgumentException("ShellPowerSpectrum(" + n + ") expects [B, 1, " + n + ", " + n + ", "
                    + n + "], got " + java.util.Arrays.toString(sh));
        }
        int b = sh[0];
        int rows = b * n * n;
        // axis x (last): real input; afterwards (b, z, y, kx)
        Tensor x = input.reshape(rows, n);
        Tensor re = x.matmul(cos);
        Tensor im = x.matmul(sin).neg();
        // axis y: bring it last → (b, z, kx, y), transform → (b, z, kx, ky)
        Tensor[] t = complexTransform(lastAxisFirstSwap(re, b), lastAxisFirstSwap(im, b));
        // axis z: (b, z, kx, ky) → (b, kx, ky, z), transform → (b, kx, ky, kz)
        Tensor reZ = t[0].reshape(b, n, n * n).permute(0, 2, 1).reshape(rows, n);
        Tensor imZ = t[1].reshape(b, n, n * n).permute(0, 2, 1).reshape(rows, n);
        Tensor[] f = complexTransform(reZ, imZ);
        Tensor power = f[0].mul(f[0]).add(f[1].mul(f[1])).reshape(b, n * n * n);
        Tensor shells = power.matmul(binning).add(EPS).log();
        Tensor mean = power.matmul(total).add(EPS).log();
        return shells.sub(mean);
    }

    /** (b, z, y, k) rows → (b, z, k, y) rows. */
    private Tensor lastAxisFirstSwap(Tensor rowsByN, int b) {
        return rowsByN.reshape(b * n, n, n).permute(0, 2, 1).reshape(b * n * n, n);
    }

    /** DFT along the last axis of a complex signal given as real and imaginary [rows, n] parts. */
    private Tensor[] complexTransform(Tensor re, Tensor im) {
        Tensor outRe = re.matmul(cos).add(im.matmul(sin));
        Tensor outIm = im.matmul(cos).sub(re.matmul(sin));
        return new Tensor[] {outRe, outIm};
    }

    @Override
    public void close() {
        cos.close();
        sin.close();
        binning.close();
        total.close();
        super.close();
    }

    @Override
    public String toString() {
        return "ShellPowerSpectrum(" + n + ")";
    }
}
