package org.cryoetgan.gan.viz;

import org.cryoetgan.gan.volume.Volume;

/**
 * A 2D section of a volume, row-major (width fastest).
 *
 * @param title  short label such as "XY"
 */
public record Slice(String title, int width, int height, float[] values) {

    /** The central XY section (z = nz/2): x to the right, y down. */
    public static Slice centralXY(Volume v) {
        int z = v.nz() / 2;
        float[] s = new float[v.nx() * v.ny()];
        for (int y = 0; y < v.ny(); y++) {
            for (int x = 0; x < v.nx(); x++) {
                s[y * v.nx() + x] = v.get(x, y, z);
            }
        }
        return new Slice("XY", v.nx(), v.ny(), s);
    }

    /** The central XZ section (y = ny/2): x to the right, z down. */
    public static Slice centralXZ(Volume v) {
        int y = v.ny() / 2;
        float[] s = new float[v.nx() * v.nz()];
        for (int z = 0; z < v.nz(); z++) {
            for (int x = 0; x < v.nx(); x++) {
                s[z * v.nx() + x] = v.get(x, y, z);
            }
        }
        return new Slice("XZ", v.nx(), v.nz(), s);
    }

    /** The central YZ section (x = nx/2): y to the right, z down. */
    public static Slice centralYZ(Volume v) {
        int x = v.nx() / 2;
        float[] s = new float[v.ny() * v.nz()];
        for (int z = 0; z < v.nz(); z++) {
            for (int y = 0; y < v.ny(); y++) {
                s[z * v.ny() + y] = v.get(x, y, z);
            }
        }
        return new Slice("YZ", v.ny(), v.nz(), s);
    }
}
