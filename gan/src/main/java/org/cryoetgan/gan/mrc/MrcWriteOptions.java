package org.cryoetgan.gan.mrc;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * How {@link MrcWriter} encodes a volume.
 *
 * @param mode      {@link MrcMode#FLOAT32} (default) or {@link MrcMode#FLOAT16}
 * @param byteOrder little-endian (default, what nearly every program writes) or big-endian
 * @param label     text for the first 80-byte label (truncated to 80 ASCII characters)
 * @param ispg      space group: 1 for a volume (default), 0 for an image stack, 401 for a volume stack
 */
public record MrcWriteOptions(MrcMode mode, ByteOrder byteOrder, String label, int ispg) {

    public MrcWriteOptions {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(byteOrder, "byteOrder");
        Objects.requireNonNull(label, "label");
        if (!mode.isWritable()) {
            throw new IllegalArgumentException("mode " + mode + " cannot be written; use FLOAT32 or FLOAT16");
        }
    }

    /** float32, little-endian, a cryoetgan label, a single volume. */
    public static MrcWriteOptions defaults() {
        return new MrcWriteOptions(MrcMode.FLOAT32, ByteOrder.LITTLE_ENDIAN, "cryoetgan", MrcHeader.ISPG_VOLUME);
    }

    public MrcWriteOptions withMode(MrcMode m) {
        return new MrcWriteOptions(m, byteOrder, label, ispg);
    }

    public MrcWriteOptions withByteOrder(ByteOrder order) {
        return new MrcWriteOptions(mode, order, label, ispg);
    }

    public MrcWriteOptions withLabel(String text) {
        return new MrcWriteOptions(mode, byteOrder, text, ispg);
    }

    public MrcWriteOptions withIspg(int spaceGroup) {
        return new MrcWriteOptions(mode, byteOrder, label, spaceGroup);
    }
}
