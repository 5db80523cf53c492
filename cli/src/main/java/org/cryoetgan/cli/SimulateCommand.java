package org.cryoetgan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cryoetgan.gan.batch.Augmentation;
import org.cryoetgan.gan.batch.MapSources;
import org.cryoetgan.gan.batch.SimulationBatch;
import org.cryoetgan.gan.mrc.MrcReader;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.sim.Ctf;
import org.cryoetgan.gan.volume.Volume;
import org.cryoetgan.gan.sim.Mtf;
import org.cryoetgan.gan.sim.SimulationMode;
import org.cryoetgan.gan.sim.SimulationSettings;
import org.cryoetgan.gan.sim.TiltScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cryoetgan-cli simulate}: the traditional simulator (the paper's baseline) over density maps. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate cryo-ET subtomograms from density maps with the traditional method: random orientation, "
                + "tilt series about y with projection, CTF, detector MTF and Gaussian noise, then weighted "
                + "back-projection (missing wedge included); or --mode fourier: CTF x wedge mask + noise in Fourier space.",
            "SNR = variance of the signal / variance of the noise: of the tilt images in tilt mode, of the output volume "
                + "(noise limited to measured frequencies) in fourier mode.",
            "Writes OUT/<label>_<nnnn>.mrc and OUT/labels.csv (or .star); with one map and an --out ending in .mrc,"
                + " writes that one file."})
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--map", required = true, paramLabel = "FILE|DIR|LIST",
            description = "A density map, a folder of maps, or a text file of 'path [label]' lines.")
    Path map;

    @Option(names = "--out", required = true, paramLabel = "DIR|FILE",
            description = "Output folder; or, for a single --map, an .mrc file (one subtomogram).")
    Path out;

    @Option(names = {"-n", "--per-map"}, defaultValue = "1", description = "Subtomograms per map (default ${DEFAULT-VALUE}).")
    int perMap;

    @Option(names = "--mode", defaultValue = "TILT_SERIES", description = "TILT_SERIES or FOURIER (default ${DEFAULT-VALUE}).")
    SimulationMode mode;

    @Option(names = "--snr", defaultValue = "0.5", description = "Target SNR (signal variance / noise variance); 'Infinity' for none (default ${DEFAULT-VALUE}).")
    double snr;

    @Option(names = "--tilt-min", defaultValue = "-60", description = "First tilt in degrees (default ${DEFAULT-VALUE}).")
    double tiltMin;

    @Option(names = "--tilt-max", defaultValue = "60", description = "Last tilt in degrees (default ${DEFAULT-VALUE}).")
    double tiltMax;

    @Option(names = "--tilt-step", defaultValue = "3", description = "Tilt step in degrees (default ${DEFAULT-VALUE}).")
    double tiltStep;

    @Option(names = "--voltage", defaultValue = "300", description = "Voltage in kV (default ${DEFAULT-VALUE}).")
    double voltage;

    @Option(names = "--cs", defaultValue = "2.7", description = "Spherical aberration in mm (default ${DEFAULT-VALUE}).")
    double cs;

    @Option(names = "--defocus", defaultValue = "-4", split = ":", paramLabel = "UM[:UM]",
            description = "Defocus in µm, negative = underfocus; a range MIN:MAX draws one per sample (default ${DEFAULT-VALUE}).")
    List<Double> defocus;

    @Option(names = "--amplitude-contrast", defaultValue = "0.07", description = "Amplitude contrast (default ${DEFAULT-VALUE}).")
    double amplitudeContrast;

    @Option(names = "--bfactor", defaultValue = "0", description = "CTF envelope B-factor in Å² (default ${DEFAULT-VALUE}).")
    double bFactor;

    @Option(names = "--no-ctf", description = "Leave out the CTF.")
    boolean noCtf;

    @Option(names = "--no-mtf", description = "Leave out the detector MTF.")
    boolean noMtf;




    @picocli.CommandLine.Mixin
    BatchOutputOptions batch = new BatchOutputOptions();

    @Override
    public Integer call() throws IOException {
        OptionChecks.atLeast("--per-map", perMap, 1);
        if (!(snr > 0)) {
            throw new IllegalArgumentException("--snr must be > 0 (Infinity: no noise), got " + snr);
        }
        OptionChecks.between("--tilt-min", tiltMin, -90, 90);
        OptionChecks.between("--tilt-max", tiltMax, tiltMin, 90);
        OptionChecks.positive("--tilt-step", tiltStep);
        OptionChecks.positive("--voltage", voltage);
        OptionChecks.nonNegative("--cs", cs);
        OptionChecks.between("--amplitude-contrast", amplitudeContrast, 0, 1);
        OptionChecks.nonNegative("--bfactor", bFactor);
        if (defocus.size() > 2) {
            throw new IllegalArgumentException("--defocus takes one value or MIN:MAX, got " + defocus.size() + " values");
        }
        for (double dz : defocus) {
            OptionChecks.finite("--defocus", dz);
        }
        batch.check();
        double dzMin = defocus.get(0);
        double dzMax = defocus.size() > 1 ? defocus.get(1) : dzMin;
        Ctf ctf = noCtf ? null : new Ctf(voltage, cs, dzMin, amplitudeContrast, bFactor);
        SimulationSettings settings = new SimulationSettings(mode, new TiltScheme(tiltMin, tiltMax, tiltStep), ctf,
                noMtf ? Mtf.none() : Mtf.typicalDetector(), snr);
        if (Files.isRegularFile(map) && MapSources.isMapFile(map) && MapSources.isMapFile(out)) {
            return simulateOne(settings, dzMin, dzMax);
        }
        List<MapSources.LabelledFile> maps = MapSources.files(map, MapSources::isMapFile);
        OutputTargets.checkFolder(out, batch.overwrite.overwrite);
        SimulationBatch.run(maps, perMap, new Augmentation(!batch.noRotation, batch.maxShift), settings,
                new SimulationBatch.DefocusRange(dzMin, dzMax), batch.seed, out, out.resolve(batch.labels), OutputFormat.mrc(batch.float16),
                new ConsoleProgress(System.out));
        System.out.printf("wrote %d subtomograms from %d maps to %s, labels in %s%n", maps.size() * perMap, maps.size(),
                out, out.resolve(batch.labels));
        return 0;
    }

    /** One map in, one MRC file out: the first sample the batch would draw, without a label table. */
    private int simulateOne(SimulationSettings settings, double dzMin, double dzMax) throws IOException {
        if (perMap != 1) {
            throw new IllegalArgumentException("--out " + out + " is one MRC file, so it takes one subtomogram: use"
                    + " --per-map 1, or an output folder for " + perMap);
        }
        OutputTargets.checkFile(out, batch.overwrite.overwrite);
        Volume sub = SimulationBatch.simulate(MrcReader.readVolume(map), 0, 0,
                new Augmentation(!batch.noRotation, batch.maxShift), settings,
                new SimulationBatch.DefocusRange(dzMin, dzMax), batch.seed).volume();
        MrcWriter.write(out, sub, OutputFormat.mrc(batch.float16));
        System.out.printf("wrote %s: %d³ voxels, %s%n", out, sub.nx(), sub.stats());
        return 0;
    }
}
