package org.cryoetgan.gan.sim;

/**
 * The contrast transfer function of a transmission electron microscope, for a weak-phase object:
 * CTF(k) = [√(1 − A²) sin χ(k) + A cos χ(k)] · exp(−B k² / 4), with χ(k) = π λ Δz k² − (π/2) Cs λ³ k⁴,
 * k in 1/Å, λ the relativistic electron wavelength and Δz the underfocus.
 *
 * <p>Sign conventions. {@code defocusUm} follows the paper and AITom: negative values are underfocus (−2 to −6 µm
 * is typical), so Δz = −defocus. The CTF's sign is chosen so that at low frequency it is +A: protein density stays
 * positive in the output, as in contrast-inverted subtomograms.
 *
 * @param voltageKv          acceleration voltage in kV (300)
 * @param csMm               spherical aberration in mm (2.0–2.7)
 * @param defocusUm          defocus in µm, negative = underfocus
 * @param amplitudeContrast  amplitude contrast fraction A (about 0.07)
 * @param bFactor            envelope B-factor in Å² (0 for no envelope)
 */
public record Ctf(double voltageKv, double csMm, double defocusUm, double amplitudeContrast, double bFactor) {

    public Ctf {
        if (!(voltageKv > 0) || csMm < 0 || amplitudeContrast < 0 || amplitudeContrast > 1 || bFactor < 0) {
            throw new IllegalArgumentException("invalid CTF parameters");
        }
    }

    /** 300 kV, Cs 2.7 mm, −4 µm, amplitude contrast 0.07, no envelope. */
    public static Ctf typical() {
        return new Ctf(300, 2.7, -4, 0.07, 0);
    }

    /** Relativistic electron wavelength in Å. */
    public double wavelength() {
        double v = voltageKv * 1e3;
        return 12.2643247 / Math.sqrt(v * (1 + 0.978466e-6 * v));
    }

    /** The CTF at spatial frequency k (1/Å). */
    public double value(double k) {
        double lambda = wavelength();
        double underfocus = -defocusUm * 1e4;
        double cs = csMm * 1e7;
        double k2 = k * k;
        double chi = Math.PI * lambda * underfocus * k2 - 0.5 * Math.PI * cs * lambda * lambda * lambda * k2 * k2;
        double a = amplitudeContrast;
        return (Math.sqrt(1 - a * a) * Math.sin(chi) + a * Math.cos(chi)) * Math.exp(-bFactor * k2 / 4);
    }

    /** Spatial frequency (1/Å) of the first zero, found numerically up to {@code kMax}; NaN if none. */
    public double firstZero(double kMax) {
        double prev = value(0);
        int steps = 100000;
        for (int i = 1; i <= steps; i++) {
            double k = kMax * i / steps;
            double v = value(k);
            if (Math.signum(v) != Math.signum(prev)) {
                return k;
            }
            prev = v;
        }
        return Double.NaN;
    }
}
