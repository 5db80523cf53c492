package org.cryoetgan.gan.mrc;

import java.util.Optional;

/**
 * MRC2014 data modes. Modes 0, 1, 2, 6 and 12 can be read; 2 and 12 can be written. The complex and packed modes
 * are recognised so that an error can name them, but are not supported.
 */
public enum MrcMode {
    /** Mode 0: 8-bit signed integers (unsigned in IMOD files that do not set the signed-bytes flag). */
    INT8(0, 1, true),
    /** Mode 1: 16-bit signed integers. */
    INT16(1, 2, true),
    /** Mode 2: 32-bit IEEE floats. */
    FLOAT32(2, 4, true),
    /** Mode 3: complex 16-bit integers (not supported). */
    COMPLEX_INT16(3, 4, false),
    /** Mode 4: complex 32-bit floats (not supported). */
    COMPLEX_FLOAT32(4, 8, false),
    /** Mode 6: 16-bit unsigned integers. */
    UINT16(6, 2, true),
    /** Mode 12: 16-bit IEEE half-precision floats. */
    FLOAT16(12, 2, true),
    /** Mode 101: 4-bit packed integers (not supported). */
    PACKED4(101, 1, false);

    private final int code;
    private final int bytesPerVoxel;
    private final boolean readable;

    MrcMode(int code, int bytesPerVoxel, boolean readable) {
        this.code = code;
        this.bytesPerVoxel = bytesPerVoxel;
        this.readable = readable;
    }

    /** The MODE word as stored in the header. */
    public int code() {
        return code;
    }

    /** Bytes per voxel in the data block (for mode 101 this is an upper bound). */
    public int bytesPerVoxel() {
        return bytesPerVoxel;
    }

    /** Whether this reader can decode the mode. */
    public boolean isReadable() {
        return readable;
    }

    /** Whether this writer can encode the mode. */
    public boolean isWritable() {
        return this == FLOAT32 || this == FLOAT16;
    }

    /** The mode with this MODE word, if it is one of MRC2014's. */
    public static Optional<MrcMode> fromCode(int code) {
        for (MrcMode m : values()) {
            if (m.code == code) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
