package org.cryoetgan.gan.sim;

import java.util.Objects;

/**
 * Parameters of the traditional (physics-style) simulator.
 *
 * @param mode  tilt series + weighted back-projection, or the Fourier-space shortcut
 * @param tilts tilt range and step (the missing wedge follows from it)
 * @param ctf   the microscope's CTF, or null for none
 * @param mtf   the detector's MTF
 * @param snr   target SNR = signal variance / noise variance (see {@link NoiseModel}); infinite for no noise
 */
public record SimulationSettings(SimulationMode mode, TiltScheme tilts, Ctf ctf, Mtf mtf, double snr) {

    public SimulationSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(tilts, "tilts");
        Objects.requireNonNull(mtf, "mtf");
        if (!(snr > 0)) {
            throw new IllegalArgumentException("SNR must be positive (use infinity for no noise), got " + snr);
        }
    }

    /** The paper's baseline: tilt series ±60° every 3°, 300 kV, Cs 2.7 mm, −4 µm, A 0.07, detector MTF, SNR 0.5. */
    public static SimulationSettings paperDefaults() {
        return new SimulationSettings(SimulationMode.TILT_SERIES, TiltScheme.standard(), Ctf.typical(),
                Mtf.typicalDetector(), 0.5);
    }

    /** Whether noise is added. */
    public boolean hasNoise() {
        return !Double.isInfinite(snr);
    }

    public SimulationSettings withMode(SimulationMode m) {
        return new SimulationSettings(m, tilts, ctf, mtf, snr);
    }

    public SimulationSettings withCtf(Ctf c) {
        return new SimulationSettings(mode, tilts, c, mtf, snr);
    }

    public SimulationSettings withMtf(Mtf m) {
        return new SimulationSettings(mode, tilts, ctf, m, snr);
    }

    public SimulationSettings withSnr(double s) {
        return new SimulationSettings(mode, tilts, ctf, mtf, s);
    }

    public SimulationSettings withTilts(TiltScheme t) {
        return new SimulationSettings(mode, t, ctf, mtf, snr);
    }
}
