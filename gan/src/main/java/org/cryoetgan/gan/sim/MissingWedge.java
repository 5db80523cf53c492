package org.cryoetgan.gan.sim;

import org.cryoetgan.gan.volume.Volume;

/**
 * The Fourier-space region a single-axis tilt series about y measures. A projection at tilt θ measures the central
 * plane whose normal is its ray direction (−sin θ, 0, cos θ), so frequency (fx, fy, fz) is measured when its angle
 * atan(fz / fx) lies within the tilt range; the rest, a wedge around the fz axis (half-angle 30° for ±60°), is
 * missing. The tilt axis (fx = fz = 0) is always measured.
 */
public final class MissingWedge {

    private final double minDeg;
    private final double maxDeg;

    public MissingWedge(TiltScheme tilts) {
        this.minDeg = tilts.min();
        this.maxDeg = tilts.max();
    }

    /** Whether frequency (fx, ·, fz) is measured (fy, along the tilt axis, does not matter). */
    public boolean isMeasured(double fx, double fz) {
        return degreesIntoWedge(fx, fz) <= 1e-9;
    }

    /**
     * How far (degrees) the line through the origin and (fx, fz) lies inside the missing wedge: the angle to the
     * nearest measured direction, or minus the angle to the nearest wedge edge when it is measured.
     */
    public double degreesIntoWedge(double fx, double fz) {
        if (fx == 0 && fz == 0) {
            return -90;
        }
        double a = fx == 0 ? 90 : Math.toDegrees(Math.atan(fz / fx)); // line angle in (-90, 90]
        if (a >= minDeg && a <= maxDeg) {
            return -Math.min(a - minDeg, maxDeg - a);
        }
        double up = a > maxDeg ? a - maxDeg : a + 180 - maxDeg;
        double down = a < minDeg ? minDeg - a : minDeg + 180 - a;
        return Math.min(up, down);
    }

    /** 1 where measured and 0 in the wedge, as a weight for {@link Fft#filter3}. */
    double weight(double fx, double fy, double fz) {
        return isMeasured(fx, fz) ? 1 : 0;
    }

    /**
     * Mean Fourier power per frequency sample deep inside the wedge (more than {@code marginDeg} into it) divided by
     * the mean power well inside the measured region (more than {@code marginDeg} from it), over frequencies between
     * {@code fMin} and {@code fMax} cycles per voxel. A diagnostic for how empty the wedge of a volume is.
     */
    public double wedgePowerRatio(Volume v, double marginDeg, double fMin, double fMax) {
        double[] c = Fft.toComplex(v.data());
        Fft.forward3(c, v.nx(), v.ny(), v.nz());
        double inSum = 0;
        double outSum = 0;
        long inN = 0;
        long outN = 0;
        for (int z = 0; z < v.nz(); z++) {
            double fz = Fft.freq(z, v.nz());
            for (int y = 0; y < v.ny(); y++) {
                double fy = Fft.freq(y, v.ny());
                for (int x = 0; x < v.nx(); x++) {
                    double fx = Fft.freq(x, v.nx());
                    double f = Math.sqrt(fx * fx + fy * fy + fz * fz);
                    if (f < fMin || f > fMax) {
                        continue;
                    }
                    int i = 2 * ((z * v.ny() + y) * v.nx() + x);
                    double p = c[i] * c[i] + c[i + 1] * c[i + 1];
                    double into = degreesIntoWedge(fx, fz);
                    if (into > marginDeg) {
                        inSum += p;
                        inN++;
                    } else if (into < -marginDeg) {
                        outSum += p;
                        outN++;
                    }
                }
            }
        }
        return (inSum / Math.max(1, inN)) / (outSum / Math.max(1, outN));
    }
}
