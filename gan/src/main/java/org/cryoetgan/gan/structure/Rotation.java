package org.cryoetgan.gan.structure;

import java.util.Random;

/**
 * A rotation of 3D space as a row-major 3×3 matrix, with uniform random sampling over SO(3) and ZYZ Euler angles in
 * RELION's convention: R = Rz(psi) · Ry(tilt) · Rz(rot), where Rz(a) = [[cos a, sin a, 0], [−sin a, cos a, 0],
 * [0, 0, 1]] and Ry(b) = [[cos b, 0, −sin b], [0, 1, 0], [sin b, 0, cos b]]. Angles are in degrees.
 */
public record Rotation(double[] matrix) {

    public Rotation {
        if (matrix.length != 9) {
            throw new IllegalArgumentException("a rotation matrix has 9 entries");
        }
        matrix = matrix.clone();
    }

    /** The identity. */
    public static Rotation identity() {
        return new Rotation(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
    }

    /**
     * A rotation drawn uniformly from SO(3) (Haar measure), from a uniformly random unit quaternion
     * (Shoemake's method: three uniform numbers, no rejection).
     */
    public static Rotation random(Random rng) {
        double u1 = rng.nextDouble();
        double u2 = 2 * Math.PI * rng.nextDouble();
        double u3 = 2 * Math.PI * rng.nextDouble();
        double a = Math.sqrt(1 - u1);
        double b = Math.sqrt(u1);
        return fromQuaternion(b * Math.cos(u3), a * Math.sin(u2), a * Math.cos(u2), b * Math.sin(u3));
    }

    /** The rotation of a unit quaternion w + xi + yj + zk (normalised here). */
    public static Rotation fromQuaternion(double w, double x, double y, double z) {
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        w /= n;
        x /= n;
        y /= n;
        z /= n;
        return new Rotation(new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
            2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
            2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)});
    }

    /** A rotation by {@code degrees} about the axis (ax, ay, az). */
    public static Rotation aboutAxis(double ax, double ay, double az, double degrees) {
        double h = Math.toRadians(degrees) / 2;
        double n = Math.sqrt(ax * ax + ay * ay + az * az);
        double s = Math.sin(h) / n;
        return fromQuaternion(Math.cos(h), ax * s, ay * s, az * s);
    }

    /** The rotation of RELION Euler angles (rot, tilt, psi) in degrees. */
    public static Rotation fromEuler(double rot, double tilt, double psi) {
        return rz(psi).times(ry(tilt)).times(rz(rot));
    }

    private static Rotation rz(double deg) {
        double c = Math.cos(Math.toRadians(deg));
        double s = Math.sin(Math.toRadians(deg));
        return new Rotation(new double[] {c, s, 0, -s, c, 0, 0, 0, 1});
    }

    private static Rotation ry(double deg) {
        double c = Math.cos(Math.toRadians(deg));
        double s = Math.sin(Math.toRadians(deg));
        return new Rotation(new double[] {c, 0, -s, 0, 1, 0, s, 0, c});
    }

    /** RELION Euler angles (rot, tilt, psi) in degrees, tilt in [0, 180]. */
    public double[] toEuler() {
        double[] m = matrix;
        double tilt = Math.acos(Math.max(-1, Math.min(1, m[8])));
        double rot;
        double psi;
        if (Math.abs(Math.sin(tilt)) > 1e-9) {
            rot = Math.atan2(m[7], m[6]);
            psi = Math.atan2(m[5], -m[2]);
        } else {
            rot = 0;
            psi = m[8] > 0 ? Math.atan2(m[1], m[0]) : Math.atan2(-m[1], -m[0]);
        }
        return new double[] {Math.toDegrees(rot), Math.toDegrees(tilt), Math.toDegrees(psi)};
    }

    /** This · other (apply {@code other} first). */
    public Rotation times(Rotation other) {
        double[] a = matrix;
        double[] b = other.matrix;
        double[] m = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return new Rotation(m);
    }

    /** The inverse (the transpose). */
    public Rotation inverse() {
        double[] m = matrix;
        return new Rotation(new double[] {m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8]});
    }

    /** R · (x, y, z). */
    public double[] apply(double x, double y, double z) {
        double[] m = matrix;
        return new double[] {m[0] * x + m[1] * y + m[2] * z, m[3] * x + m[4] * y + m[5] * z, m[6] * x + m[7] * y + m[8] * z};
    }

    @Override
    public double[] matrix() {
        return matrix.clone();
    }
}
