package org.cryoetgan.gan.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;

/**
 * The paper's baseline: a density map in, a simulated subtomogram out, by a tilt series with weighted back-projection
 * or by the Fourier-space shortcut (see {@link SimulationMode}). Frequencies for the CTF come from the map's voxel
 * size (Å); the MTF uses cycles per pixel.
 */
public final class TraditionalSimulator {

    private final SimulationSettings settings;

    public TraditionalSimulator(SimulationSettings settings) {
        this.settings = settings;
    }

    public SimulationSettings settings() {
        return settings;
    }

    /** One simulated subtomogram of a cubic map. */
    public Volume simulate(Volume map, Random rng) {
        if (settings.mode() == SimulationMode.FOURIER) {
            return simulateFourier(map, rng);
        }
        double[] angles = settings.tilts().angles();
        List<Volume> series = tiltSeries(map, rng);
        return WeightedBackProjection.reconstruct(series, angles, map.nz()).withOrigin(map.origin());
    }

    /**
     * The noisy tilt series: for each angle the projection, filtered by CTF and MTF, plus white Gaussian noise whose
     * variance is the variance of the whole noise-free series divided by the SNR (one dose for all images).
     */
    public List<Volume> tiltSeries(Volume map, Random rng) {
        double[] angles = settings.tilts().angles();
        Volume[] images = new Volume[angles.length];
        java.util.stream.IntStream.range(0, angles.length).parallel().forEach(i -> {
            Volume p = Projector.project(map, angles[i]);
            images[i] = new Volume(p.nx(), p.ny(), 1, filterImage(p), p.voxelSize(), p.origin());
        });
        List<Volume> clean = List.of(images);
        if (!settings.hasNoise()) {
            return clean;
        }
        double var = 0;
        for (Volume p : clean) {
            var += NoiseModel.variance(p.data());
        }
        double sigma = NoiseModel.noiseSigma(var / clean.size(), settings.snr());
        List<Volume> noisy = new ArrayList<>(clean.size());
        for (Volume p : clean) {
            float[] d = p.data().clone();
            for (int i = 0; i < d.length; i++) {
                d[i] += (float) (sigma * rng.nextGaussian());
            }
            noisy.add(new Volume(p.nx(), p.ny(), 1, d, p.voxelSize(), p.origin()));
        }
        return noisy;
    }

    private float[] filterImage(Volume p) {
        Ctf ctf = settings.ctf();
        Mtf mtf = settings.mtf();
        double vx = p.voxelSize().x();
        double vy = p.voxelSize().y();
        if (ctf == null && mtf.equals(Mtf.none())) {
            return p.data().clone();
        }
        return Fft.filter2(p.data(), p.nx(), p.ny(), (fx, fy) -> {
            double kx = fx / vx;
            double ky = fy / vy;
            double w = ctf == null ? 1 : ctf.value(Math.sqrt(kx * kx + ky * ky));
            return w * mtf.value(Math.sqrt(fx * fx + fy * fy));
        });
    }

    /** The Fourier-space shortcut: spectrum × CTF × MTF × wedge, plus wedge-limited noise at the SNR. */
    Volume simulateFourier(Volume map, Random rng) {
        int nx = map.nx();
        int ny = map.ny();
        int nz = map.nz();
        Vec3 vox = map.voxelSize();
        MissingWedge wedge = new MissingWedge(settings.tilts());
        Ctf ctf = settings.ctf();
        Mtf mtf = settings.mtf();
        float[] signal = Fft.filter3(map.data(), nx, ny, nz, (fx, fy, fz) -> {
            if (!wedge.isMeasured(fx, fz)) {
                return 0;
            }
            double kx = fx / vox.x();
            double ky = fy / vox.y();
            double kz = fz / vox.z();
            double w = ctf == null ? 1 : ctf.value(Math.sqrt(kx * kx + ky * ky + kz * kz));
            return w * mtf.value(Math.sqrt(fx * fx + fy * fy + fz * fz));
        });
        if (settings.hasNoise()) {
            float[] noise = Fft.filter3(NoiseModel.gaussian(signal.length, 1, rng), nx, ny, nz,
                    (fx, fy, fz) -> wedge.isMeasured(fx, fz) ? 1 : 0);
            double scale = NoiseModel.noiseSigma(NoiseModel.variance(signal), settings.snr())
                    / Math.sqrt(NoiseModel.variance(noise));
            for (int i = 0; i < signal.length; i++) {
                signal[i] += (float) (scale * noise[i]);
            }
        }
        return new Volume(nx, ny, nz, signal, vox, map.origin());
    }
}
