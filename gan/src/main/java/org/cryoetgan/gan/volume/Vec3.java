package org.cryoetgan.gan.volume;

/**
 * An immutable triple of doubles along the x, y and z axes: a voxel size, an origin or a shift in ångström.
 */
public record Vec3(double x, double y, double z) {

    /** The zero vector. */
    public static final Vec3 ZERO = new Vec3(0, 0, 0);

    /** A vector with the same value on every axis. */
    public static Vec3 of(double v) {
        return new Vec3(v, v, v);
    }

    /** Component by axis index: 0 = x, 1 = y, 2 = z. */
    public double get(int axis) {
        return switch (axis) {
            case 0 -> x;
            case 1 -> y;
            case 2 -> z;
            default -> throw new IllegalArgumentException("axis " + axis + " is not 0, 1 or 2");
        };
    }

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    /** True when all three components are equal within {@code tol}. */
    public boolean isIsotropic(double tol) {
        return Math.abs(x - y) <= tol && Math.abs(x - z) <= tol;
    }
}
