package org.cryoetgan.gan.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.cryoetgan.gan.data.LabelTable;
import org.cryoetgan.gan.demo.DemoModels;
import org.cryoetgan.gan.structure.AtomModel;
import org.cryoetgan.gan.structure.AtomModels;
import org.cryoetgan.gan.structure.DensityMapBuilder;
import org.cryoetgan.gan.structure.DensitySettings;
import org.cryoetgan.gan.structure.Membrane;
import org.cryoetgan.gan.structure.MembraneSettings;
import org.cryoetgan.gan.structure.Rotation;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;

/**
 * Builds {@link MapSource}s: from atomic model files (one file, a folder of them, or a list file with optional
 * labels), from the bundled demo models, and the membrane class. Models are parsed lazily, once.
 */
public final class MapSources {

    private MapSources() {
    }

    /** Whether a file name looks like a PDB or mmCIF model (optionally gzipped). */
    public static boolean isModelFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        return n.endsWith(".pdb") || n.endsWith(".ent") || n.endsWith(".cif") || n.endsWith(".mmcif");
    }

    /** Whether a file name looks like an MRC/CCP4 map (optionally gzipped). */
    public static boolean isMapFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        return n.endsWith(".mrc") || n.endsWith(".map") || n.endsWith(".ccp4") || n.endsWith(".rec") || n.endsWith(".mrcs");
    }

    /**
     * A labelled list of files: a folder (every file the filter accepts; label from the folder's labels.csv or
     * labels.star when one lists the file, as {@code density} writes them, else the base name), a list file (one
     * {@code path [label]} per line, comma, tab or spaces between, {@code #} comments, relative paths against the
     * list's folder) or a single file.
     */
    public static List<LabelledFile> files(Path folderOrList, java.util.function.Predicate<Path> accept) throws IOException {
        List<LabelledFile> out = new ArrayList<>();
        if (Files.isDirectory(folderOrList)) {
            java.util.Map<String, String> known = LabelTable.readLabels(folderOrList);
            try (Stream<Path> s = Files.list(folderOrList)) {
                s.filter(Files::isRegularFile).filter(accept).sorted()
                        .forEach(p -> out.add(new LabelledFile(p, known.getOrDefault(p.getFileName().toString(),
                                AtomModels.baseName(p.toString())))));
            }
        } else if (accept.test(folderOrList)) {
            out.add(new LabelledFile(folderOrList, AtomModels.baseName(folderOrList.toString())));
        } else {
            Path base = folderOrList.toAbsolutePath().getParent();
            for (String line : Files.readAllLines(folderOrList, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] f = t.split("[,\\t ]+", 2);
                Path p = base.resolve(f[0]);
                out.add(new LabelledFile(p, f.length > 1 ? f[1].strip() : AtomModels.baseName(p.toString())));
            }
        }
        if (out.isEmpty()) {
            throw new IOException(folderOrList + ": no input files found");
        }
        return out;
    }

    /** A file and its class label. */
    public record LabelledFile(Path file, String label) {
    }

    /**
     * Reads every map of a batch before the batch starts, so that one bad file stops it before anything is written:
     * each must be a readable MRC volume without {@linkplain org.cryoetgan.gan.mrc.VolumeDefects defects} and,
     * when {@code box > 0}, a cube of that edge.
     */
    public static void checkMaps(List<LabelledFile> maps, int box) throws IOException {
        for (LabelledFile f : maps) {
            org.cryoetgan.gan.volume.Volume v = org.cryoetgan.gan.mrc.MrcReader.readVolume(f.file());
            if (box > 0 && (v.nx() != box || v.ny() != box || v.nz() != box)) {
                throw new IOException(f.file() + ": the map is " + v.nx() + "x" + v.ny() + "x" + v.nz()
                        + " but the model was trained on " + box + "³ volumes");
            }
        }
    }

    /** A map source for an atomic model file, optionally expanded to a biological assembly. */
    public static MapSource model(LabelledFile f, DensitySettings settings, String assembly) {
        return new ModelSource(f.label(), f.file().getFileName().toString(), settings, assembly) {
            @Override
            AtomModel load() throws IOException {
                return AtomModels.read(f.file());
            }
        };
    }

    /** A map source for a bundled demo model (its biological unit). */
    public static MapSource demo(String name, DensitySettings settings) {
        DemoModels.info(name);
        return new ModelSource(name, "demo:" + name, settings, null) {
            @Override
            AtomModel load() throws IOException {
                return DemoModels.open(name);
            }
        };
    }

    /**
     * A map source for every bundled demo model, in {@link DemoModels#names()} order: what {@code density --demo all}
     * and the demo's domain D are made from.
     */
    public static List<MapSource> allDemo(DensitySettings settings) {
        return DemoModels.names().stream().map(n -> demo(n, settings)).toList();
    }

    /** The membrane class: a bilayer whose normal is the rotated z axis, offset by the shift's z component. */
    public static MapSource membrane(MembraneSettings settings) {
        Membrane m = new Membrane(settings);
        return new MapSource() {
            @Override
            public String label() {
                return "membrane";
            }

            @Override
            public String origin() {
                return "membrane(" + settings.thickness() + " Å)";
            }

            @Override
            public Volume make(Rotation rotation, Vec3 shift) {
                return m.build(rotation, shift.z());
            }
        };
    }

    private abstract static class ModelSource implements MapSource {
        private final String label;
        private final String origin;
        private final DensityMapBuilder builder;
        private final String assembly;
        private AtomModel atoms;

        ModelSource(String label, String origin, DensitySettings settings, String assembly) {
            this.label = label;
            this.origin = origin;
            this.builder = new DensityMapBuilder(settings);
            this.assembly = assembly;
        }

        abstract AtomModel load() throws IOException;

        @Override
        public String label() {
            return label;
        }

        @Override
        public String origin() {
            return origin;
        }

        @Override
        public synchronized Volume make(Rotation rotation, Vec3 shift) throws IOException {
            if (atoms == null) {
                AtomModel deposited = load();
                atoms = assembly == null ? deposited : deposited.expand(deposited.assembly(assembly).orElseThrow(() ->
                        new IOException(origin + " declares no biological assembly '" + assembly + "'; it has "
                                + deposited.assemblies().stream().map(a -> a.id()).toList())));
                warnIfClipped();
            }
            return builder.build(atoms, rotation, shift);
        }

        /** Says so when some orientation puts atoms outside the box (its inscribed sphere is what every pose keeps). */
        private void warnIfClipped() {
            double radius = DensityMapBuilder.radius(atoms);
            double box = builder.settings().box() * builder.settings().voxel();
            if (radius > box / 2) {
                System.err.printf(java.util.Locale.ROOT, "warning: %s reaches %.0f Å from its centre (extent up to"
                        + " %.0f Å) but the box is %d × %.4g Å = %.0f Å wide: atoms beyond %.0f Å from the centre"
                        + " are clipped (use a larger --box or --voxel)%n", origin, radius, 2 * radius,
                        builder.settings().box(), builder.settings().voxel(), box, box / 2);
            }
        }
    }
}
