package org.cryoetgan.cli;

import org.cryoetgan.gan.mrc.MrcMode;
import org.cryoetgan.gan.mrc.MrcWriteOptions;

/** The MRC encoding chosen on the command line. */
final class OutputFormat {

    private OutputFormat() {
    }

    /** float32 by default, float16 with {@code --float16}; little-endian, labelled "cryoetgan-cli". */
    static MrcWriteOptions mrc(boolean float16) {
        return MrcWriteOptions.defaults().withLabel("cryoetgan-cli").withMode(float16 ? MrcMode.FLOAT16 : MrcMode.FLOAT32);
    }
}
