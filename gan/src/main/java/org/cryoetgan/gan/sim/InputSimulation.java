package org.cryoetgan.gan.sim;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cryoetgan.gan.volume.Volume;

/**
 * The traditional simulator as the first stage of generation: when a training run has one, its domain D is not the
 * clean density maps but simulated subtomograms of them, and its generator (a refiner) learns to correct what the
 * physics gets wrong. Each map is imaged as a tilt series (±60° every 3°, 300 kV, Cs 2.7 mm, amplitude contrast
 * 0.07, detector MTF) at this SNR and a defocus drawn uniformly from [defocusMinUm, defocusMaxUm], in the map's own
 * orientation. Saved in the run's {@code config.json}, so that {@code generate} simulates its maps the same way.
 */
public final class InputSimulation {
    /** Simulated subtomograms per training map, each with its own defocus and noise. */
    public int perMap = 1;
    /** Signal variance over noise variance of the tilt images. */
    public double snr = 0.5;
    /** Defocus range in µm (negative = underfocus). */
    public double defocusMinUm = -5;
    public double defocusMaxUm = -3;

    /** The benchmark's simulator settings: SNR 0.5, defocus −5 to −3 µm, one per map. */
    public static InputSimulation defaults() {
        return new InputSimulation();
    }

    /** What is wrong with the values, each naming its {@code train} option; empty when they are fine. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (perMap < 1) {
            p.add("--input-per-map (inputSimulation.perMap) must be at least 1, got " + perMap);
        }
        if (!(snr > 0) || Double.isNaN(snr)) {
            p.add("--input-snr (inputSimulation.snr) must be positive, got " + snr);
        }
        if (!Double.isFinite(defocusMinUm) || !Double.isFinite(defocusMaxUm) || defocusMinUm > defocusMaxUm) {
            p.add("--input-defocus (inputSimulation.defocusMinUm/defocusMaxUm) must be finite MIN:MAX with MIN <= MAX,"
                    + " got " + defocusMinUm + ":" + defocusMaxUm);
        }
        return p;
    }

    /** The simulator's settings, with the CTF at the lower end of the defocus range. */
    @JsonIgnore
    public SimulationSettings settings() {
        return new SimulationSettings(SimulationMode.TILT_SERIES, TiltScheme.standard(),
                new Ctf(300, 2.7, defocusMinUm, 0.07, 0), Mtf.typicalDetector(), snr);
    }

    /** One simulated subtomogram of {@code map}: its defocus and noise are a function of {@code seed} alone. */
    public Volume simulate(Volume map, long seed) {
        Random rng = new Random(seed);
        double defocus = defocusMinUm + (defocusMaxUm - defocusMinUm) * rng.nextDouble();
        SimulationSettings s = settings();
        Ctf c = s.ctf();
        s = s.withCtf(new Ctf(c.voltageKv(), c.csMm(), defocus, c.amplitudeContrast(), c.bFactor()));
        return new TraditionalSimulator(s).simulate(map, rng);
    }
}
