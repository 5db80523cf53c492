package org.cryoetgan.gan.sim;

import java.io.IOException;
import org.cryoetgan.gan.demo.DemoModels;
import org.cryoetgan.gan.structure.DensityMapBuilder;
import org.cryoetgan.gan.structure.DensitySettings;
import org.cryoetgan.gan.volume.Volume;

/** Density maps shared by the simulator tests, made once from a bundled model. */
final class SimFixtures {

    private static Volume proteasome;

    private SimFixtures() {
    }

    /** The T20S proteasome at 9.4 Å, 20 Å resolution, in a 32³ box. */
    static synchronized Volume proteasome() throws IOException {
        if (proteasome == null) {
            proteasome = new DensityMapBuilder(DensitySettings.of(9.4, 20, 32)).build(DemoModels.open("t20s-proteasome"));
        }
        return proteasome.copy();
    }
}
