package org.cryoetgan.gan.batch;

import java.io.IOException;
import org.cryoetgan.gan.structure.Rotation;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;

/** Something that yields a clean density map of one class in a given orientation: an atomic model or a membrane. */
public interface MapSource {

    /** The class label written to the label table (e.g. "apoferritin"). */
    String label();

    /** A short description of where the map comes from (a file name, a demo model, "membrane"). */
    String origin();

    /** The map with its content rotated by {@code rotation} about the box centre and then shifted (Å). */
    Volume make(Rotation rotation, Vec3 shift) throws IOException;
}
