package org.cryoetgan.gan.structure;

/**
 * x' = R x + t with a 3×3 matrix R (row-major) and a translation t, as in PDB BIOMT records and mmCIF
 * {@code pdbx_struct_oper_list}.
 */
public record RigidTransform(double[] matrix, double[] translation) {

    public RigidTransform {
        if (matrix.length != 9 || translation.length != 3) {
            throw new IllegalArgumentException("a rigid transform needs 9 matrix and 3 translation values");
        }
        matrix = matrix.clone();
        translation = translation.clone();
    }

    /** The identity. */
    public static RigidTransform identity() {
        return new RigidTransform(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new double[3]);
    }

    /** Apply to (x, y, z), writing the result into {@code out} at {@code off}. */
    public void apply(double x, double y, double z, double[] out, int off) {
        double[] m = matrix;
        out[off] = m[0] * x + m[1] * y + m[2] * z + translation[0];
        out[off + 1] = m[3] * x + m[4] * y + m[5] * z + translation[1];
        out[off + 2] = m[6] * x + m[7] * y + m[8] * z + translation[2];
    }

    /** This ∘ other: first {@code other}, then this. */
    public RigidTransform compose(RigidTransform other) {
        double[] a = matrix;
        double[] b = other.matrix;
        double[] m = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        double[] t = new double[3];
        apply(other.translation[0], other.translation[1], other.translation[2], t, 0);
        return new RigidTransform(m, t);
    }

    @Override
    public double[] matrix() {
        return matrix.clone();
    }

    @Override
    public double[] translation() {
        return translation.clone();
    }
}
