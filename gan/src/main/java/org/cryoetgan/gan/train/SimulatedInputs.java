package org.cryoetgan.gan.train;

import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.engine.CounterHash;
import org.cryoetgan.gan.data.Sample;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.sim.InputSimulation;

/**
 * Domain D of a run with an {@link InputSimulation}: each density map simulated {@code perMap} times, each copy with
 * its own defocus and noise drawn from the run's seed, its label and source kept.
 */
public final class SimulatedInputs {
    /** Keeps these draws apart from other streams of the same seed. */
    private static final long SALT = 0x51A7_1A9E_D1A9L;

    private SimulatedInputs() {
    }

    /** The simulated set of {@code maps} (null stays null, for an absent held-out part). */
    public static VolumeSet of(VolumeSet maps, InputSimulation sim, long seed) {
        if (maps == null) {
            return null;
        }
        List<Sample> out = new ArrayList<>(maps.size() * sim.perMap);
        for (int i = 0; i < maps.size(); i++) {
            Sample s = maps.get(i);
            for (int k = 0; k < sim.perMap; k++) {
                long drawSeed = CounterHash.mix(seed ^ SALT, (long) i * sim.perMap + k);
                out.add(new Sample(sim.simulate(s.volume(), drawSeed), s.label(), s.source()));
            }
        }
        return new VolumeSet(maps.domain(), out);
    }
}
