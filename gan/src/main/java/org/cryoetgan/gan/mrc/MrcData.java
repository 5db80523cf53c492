package org.cryoetgan.gan.mrc;

import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.gan.volume.Volume;

/**
 * What an MRC file holds once read: its header, the raw extended header (its type is {@link MrcHeader#exttyp()}),
 * and all voxels as one {@link Volume} in x-fastest (z, y, x) order whatever the file's axis order.
 *
 * <p>An image stack (ISPG 0) is a volume whose sections are the images; a volume stack (ISPG 401) is a volume whose
 * sections are {@code nz / mz} volumes of {@code mz} sections each. {@link #images()} and {@link #volumes()} split them.
 */
public record MrcData(MrcHeader header, byte[] extendedHeader, Volume volume) {

    public MrcData {
        extendedHeader = extendedHeader.clone();
    }

    @Override
    public byte[] extendedHeader() {
        return extendedHeader.clone();
    }

    /** The single volume, or for a volume stack the first one, or for an image stack all images as one volume. */
    public Volume firstVolume() {
        return header.isVolumeStack() ? volumes().get(0) : volume;
    }

    /** The volumes of a volume stack (MZ sections each); a single-element list for anything else. */
    public List<Volume> volumes() {
        if (!header.isVolumeStack()) {
            return List.of(volume);
        }
        int depth = sectionsPerVolume();
        List<Volume> out = new ArrayList<>();
        for (int z = 0; z < volume.nz(); z += depth) {
            out.add(volume.sections(z, depth));
        }
        return out;
    }

    /** The 2D images of the file, one per section. */
    public List<Volume> images() {
        List<Volume> out = new ArrayList<>();
        for (int z = 0; z < volume.nz(); z++) {
            out.add(volume.sections(z, 1));
        }
        return out;
    }

    /** Sections per volume: MZ for a volume stack, else NZ. */
    public int sectionsPerVolume() {
        return header.isVolumeStack() ? header.mz() : volume.nz();
    }
}
