package org.cryoetgan.gan.model;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.Module;
import org.cryoetgan.nn.init.ModuleInit;

/**
 * The four networks of CryoETGAN: {@code G_ds} (density map → subtomogram), {@code G_sd} (subtomogram → density
 * map), the critic {@code D_A} on subtomograms and {@code D_B} on density maps, plus, when configured, a spectrum
 * critic {@code D_A_spectrum} on subtomograms, and {@code G_ds_average}, a copy of {@code G_ds} that training keeps at
 * a moving average of G_ds's weights. As a module its state names are prefixed with those names, so one
 * safetensors file holds the whole model.
 */
public final class CycleWgan extends Module {
    private final CycleGenerator gDs;
    private final CycleGenerator gSd;
    private final PatchCritic dA;
    private final PatchCritic dB;
    private final SpectrumCritic dSpectrum;
    private final CycleGenerator gDsAverage;

    /**
     * Builds the networks of {@code spec}, initialised with N(0, 0.02) weights from {@code seed}; refiners then
     * start as the identity.
     */
    public CycleWgan(NetworkSpec spec, long seed) {
        RandomGenerator rng = new RandomGenerator(seed);
        gDs = registerModule("G_ds", spec.generator().build(rng));
        gSd = registerModule("G_sd", spec.generator().build(rng));
        dA = registerModule("D_A", spec.critic().build(rng));
        dB = registerModule("D_B", spec.critic().build(rng));
        dSpectrum = spec.spectrumCritic() != null
                ? registerModule("D_A_spectrum", spec.spectrumCritic().build(rng))
                : null;
        ModuleInit.normal(this, 0.02, rng);
        if (spec.generator().refiner()) {
            gDs.startAsRefiner();
            gSd.startAsRefiner();
        }
        // registered after the initialisation, so that the other networks start the same with or without it
        gDsAverage = spec.averagedGenerator() ? registerModule("G_ds_average", spec.generator().build(rng)) : null;
        if (gDsAverage != null) {
            if (spec.generator().refiner()) {
                gDsAverage.startAsRefiner();
            }
            gDsAverage.loadStateDict(gDs.stateDict(), true);
        }
    }

    /** Density map → subtomogram. */
    public CycleGenerator densityToSubtomogram() {
        return gDs;
    }

    /** The moving average of {@code G_ds}'s weights, or empty when the specification has none. */
    public java.util.Optional<CycleGenerator> densityToSubtomogramAverage() {
        return java.util.Optional.ofNullable(gDsAverage);
    }

    /** The density → subtomogram network that generation uses: the averaged G_ds when there is one, else G_ds. */
    public CycleGenerator samplingGenerator() {
        return gDsAverage != null ? gDsAverage : gDs;
    }

    /** Subtomogram → density map. */
    public CycleGenerator subtomogramToDensity() {
        return gSd;
    }

    /** Critic of subtomograms (domain S). */
    public PatchCritic subtomogramCritic() {
        return dA;
    }

    /** Critic of density maps (domain D). */
    public PatchCritic densityCritic() {
        return dB;
    }

    /** The spectrum critic of subtomograms, or empty when the configuration has none. */
    public java.util.Optional<SpectrumCritic> subtomogramSpectrumCritic() {
        return java.util.Optional.ofNullable(dSpectrum);
    }

    /** Not used: the four networks are applied separately. */
    @Override
    public Tensor forward(Tensor input) {
        return gDs.forward(input);
    }
}
