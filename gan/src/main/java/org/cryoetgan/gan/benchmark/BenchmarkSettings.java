package org.cryoetgan.gan.benchmark;

import org.cryoetgan.gan.classify.ClassifierSettings;
import org.cryoetgan.gan.evaluate.EvaluationSettings;
import org.cryoetgan.gan.invariant.LogisticRegression;
import org.cryoetgan.gan.sim.InputSimulation;
import org.cryoetgan.gan.sim.SimulationSettings;

/**
 * Settings of a {@link BenchmarkRun}. Fields are public so that they appear in report.json as documentation.
 * The simulator's defaults roughly match the realistic data set (300 kV, Cs 2.7 mm, defocus −3 to −5 µm,
 * amplitude contrast 0.07, SNR 0.5, tilts ±60° every 3°).
 */
public final class BenchmarkSettings {
    /** Volumes generated, and simulated, per density map. */
    public int perMap = 5;
    /** Seed of generation, simulation poses and noise, and the collapse check's choice of maps. */
    public long seed = 1;
    /** SNR of the traditional simulator. */
    public double simulationSnr = 0.5;
    /** Defocus range of the traditional simulator, µm (negative = underfocus). */
    public double defocusMinUm = -3;
    public double defocusMaxUm = -5;
    /** L2 penalty of the invariant-feature classifier. */
    public double invariantLambda = LogisticRegression.DEFAULT_LAMBDA;
    /**
     * Whether to run CB3D: the CB3D yardstick and the metrics computed on its features (FID, IS, PRDC; SSIM runs
     * with them). Off, only the invariant-feature yardstick and the collapse check score the sets.
     */
    public boolean cb3d = true;
    /** CB3D settings of every downstream classifier (each trained on all volumes of its set, none held out). */
    public ClassifierSettings classifier = new ClassifierSettings();
    /** Most density maps the collapse check compares (pairs grow with the square). */
    public int collapseMaps = 40;
    /** Volumes per class and set in the montages. */
    public int montagePerSet = 2;
    /**
     * SSIM references per volume (5 here, as SSIM dominates the metrics' cost), PRDC k, IS splits; the classifier
     * field there is set to {@link #classifier} with nothing held out when the benchmark runs.
     */
    public EvaluationSettings evaluation = defaultEvaluation();

    private static EvaluationSettings defaultEvaluation() {
        EvaluationSettings e = new EvaluationSettings();
        e.ssimReferences = 5;
        return e;
    }

    /** The traditional simulator's settings (the defocus is drawn per volume from the range). */
    public SimulationSettings simulation() {
        InputSimulation sim = new InputSimulation();
        sim.snr = simulationSnr;
        sim.defocusMinUm = defocusMinUm;
        sim.defocusMaxUm = defocusMaxUm;
        return sim.settings();
    }

    /** Checks the settings; returns this. */
    public BenchmarkSettings validate() {
        if (perMap < 2) {
            throw new IllegalArgumentException("--per-map must be at least 2 (the collapse check compares noise draws),"
                    + " got " + perMap);
        }
        if (!(simulationSnr > 0)) {
            throw new IllegalArgumentException("--sim-snr must be positive, got " + simulationSnr);
        }
        if (collapseMaps < 2) {
            throw new IllegalArgumentException("the collapse check needs at least 2 maps, got " + collapseMaps);
        }
        if (cb3d) {
            classifier.validate();
        }
        return this;
    }
}
