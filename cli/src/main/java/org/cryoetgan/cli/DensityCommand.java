package org.cryoetgan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cryoetgan.gan.batch.Augmentation;
import org.cryoetgan.gan.batch.BatchProgress;
import org.cryoetgan.gan.batch.DensityBatch;
import org.cryoetgan.gan.batch.MapSource;
import org.cryoetgan.gan.batch.MapSources;
import org.cryoetgan.gan.demo.DemoModels;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.structure.DensitySettings;
import org.cryoetgan.gan.structure.DensityStyle;
import org.cryoetgan.gan.structure.MembraneSettings;
import org.cryoetgan.gan.volume.Volume;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cryoetgan-cli density}: density maps from atomic models, one file or a labelled batch. */
@Command(name = "density", mixinStandardHelpOptions = true,
        description = {"Make density maps from atomic models (PDB or mmCIF, plain or .gz): one Gaussian per atom, "
                + "centred on the centre of mass.",
            "Units: --voxel, --resolution and --max-shift are in ångström (Å); the paper's 0.94 nm voxel is --voxel 9.4.",
            "One map:  density --model 3J9I.pdb.gz --voxel 9.4 --resolution 20 --box 40 --out map.mrc",
            "A batch:  density --models DIR|LIST.txt [--demo all] [--membrane] --per-model 10 --out OUTDIR "
                + "(writes OUTDIR/<label>_<nnnn>.mrc and OUTDIR/labels.csv, or .star with --labels labels.star)"})
final class DensityCommand implements Callable<Integer> {

    @ArgGroup(exclusive = false, multiplicity = "1")
    Inputs inputs;

    static final class Inputs {
        @Option(names = "--model", paramLabel = "FILE", description = "One atomic model; writes the map to --out.")
        Path model;

        @Option(names = "--models", paramLabel = "DIR|LIST",
                description = "A folder of models, or a text file of 'path [label]' lines: batch mode.")
        Path models;

        @Option(names = "--demo", paramLabel = "NAME", split = ",",
                description = "Bundled demo models by name, or 'all' (batch mode). Available: ${COMPLETION-CANDIDATES}",
                completionCandidates = DemoNames.class)
        List<String> demo;

        @Option(names = "--membrane", description = "Add the membrane class (a lipid bilayer) to the batch.")
        boolean membrane;
    }

    @Option(names = "--out", required = true, paramLabel = "PATH",
            description = "Output MRC file (one model) or folder (batch).")
    Path out;

    @Option(names = "--voxel", defaultValue = "9.4", description = "Voxel size in Å (default ${DEFAULT-VALUE}).")
    double voxel;

    @Option(names = "--resolution", defaultValue = "20", description = "Resolution in Å (default ${DEFAULT-VALUE}).")
    double resolution;

    @Option(names = "--box", defaultValue = "40", description = "Box edge in voxels (default ${DEFAULT-VALUE}).")
    int box;

    @Option(names = "--style", defaultValue = "EMAN2",
            description = "EMAN2 (electron-count weights, exp(-(pi r/R)^2)) or SITUS (mass weights, "
                    + "exp(-1.5 r^2/sigma^2), R = 2 sigma). Default ${DEFAULT-VALUE}.")
    DensityStyle style;

    @Option(names = "--cutoff", defaultValue = "3", description = "Truncate each Gaussian at this many sigma (default ${DEFAULT-VALUE}).")
    double cutoff;

    @Option(names = "--assembly", paramLabel = "ID", description = "Expand this biological assembly (BIOMT / pdbx_struct_assembly_gen), e.g. 1.")
    String assembly;

    @Option(names = "--random-rotation", description = "Rotate uniformly at random (SO(3)); always on in batch mode unless --no-rotation.")
    boolean randomRotation;


    @Option(names = "--per-model", defaultValue = "1", description = "Batch mode: maps per model (default ${DEFAULT-VALUE}).")
    int perModel;

    @Option(names = "--membrane-thickness", defaultValue = "40", description = "Membrane head-group distance in Å (default ${DEFAULT-VALUE}).")
    double membraneThickness;


    @picocli.CommandLine.Mixin
    BatchOutputOptions batch = new BatchOutputOptions();

    @Override
    public Integer call() throws IOException {
        OptionChecks.positive("--voxel", voxel);
        OptionChecks.positive("--resolution", resolution);
        OptionChecks.between("--box", box, 1, OptionChecks.MAX_BOX);
        OptionChecks.positive("--cutoff", cutoff);
        OptionChecks.atLeast("--per-model", perModel, 1);
        OptionChecks.positive("--membrane-thickness", membraneThickness);
        batch.check();
        DensitySettings settings = new DensitySettings(voxel, resolution, box, style, cutoff);
        if (inputs.model != null && inputs.models == null && inputs.demo == null && !inputs.membrane) {
            OutputTargets.checkFile(out, batch.overwrite.overwrite);
            MapSource src = MapSources.model(new MapSources.LabelledFile(inputs.model, ""), settings, assembly);
            Augmentation aug = new Augmentation(randomRotation, batch.maxShift);
            Augmentation.Pose pose = aug.draw(Augmentation.rngFor(batch.seed, 0, 0));
            Volume v = src.make(pose.rotation(), pose.shift());
            MrcWriter.write(out, v, OutputFormat.mrc(batch.float16));
            System.out.printf("wrote %s: %d³ voxels of %.3g Å, %s%n", out, box, voxel, v.stats());
            return 0;
        }
        List<MapSource> sources = new ArrayList<>();
        if (inputs.model != null) {
            sources.add(MapSources.model(new MapSources.LabelledFile(inputs.model,
                    org.cryoetgan.gan.structure.AtomModels.baseName(inputs.model.toString())), settings, assembly));
        }
        if (inputs.models != null) {
            for (MapSources.LabelledFile f : MapSources.files(inputs.models, MapSources::isModelFile)) {
                sources.add(MapSources.model(f, settings, assembly));
            }
        }
        if (inputs.demo != null) {
            if (inputs.demo.contains("all")) {
                sources.addAll(MapSources.allDemo(settings));
            } else {
                inputs.demo.forEach(n -> sources.add(MapSources.demo(n, settings)));
            }
        }
        if (inputs.membrane) {
            sources.add(MapSources.membrane(MembraneSettings.flat(voxel, box, resolution).withThickness(membraneThickness)));
        }
        OutputTargets.checkFolder(out, batch.overwrite.overwrite);
        Augmentation aug = new Augmentation(!batch.noRotation, batch.maxShift);
        BatchProgress progress = new ConsoleProgress(System.out);
        DensityBatch.run(sources, perModel, aug, batch.seed, out, out.resolve(batch.labels), OutputFormat.mrc(batch.float16), progress);
        System.out.printf("wrote %d maps of %d classes to %s, labels in %s%n", sources.size() * perModel, sources.size(),
                out, out.resolve(batch.labels));
        return 0;
    }

    /** Completion candidates for --demo. */
    static final class DemoNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        DemoNames() {
            super(DemoModels.names());
            add("all");
        }
    }
}
