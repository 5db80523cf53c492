package org.cryoetgan.gan.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.cryoetgan.gan.demo.DemoModels;
import org.cryoetgan.gan.sim.SimulationSettings;
import org.cryoetgan.gan.sim.TraditionalSimulator;
import org.cryoetgan.gan.structure.AtomModel;
import org.cryoetgan.gan.structure.DensityMapBuilder;
import org.cryoetgan.gan.structure.DensitySettings;
import org.cryoetgan.gan.structure.Membrane;
import org.cryoetgan.gan.structure.MembraneSettings;
import org.cryoetgan.gan.structure.Rotation;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;

/**
 * The built-in demo data set, made with no download from the bundled atomic models plus a membrane class:
 * domain D holds noise-free density maps at random orientations; domain S, the stand-in for experimental
 * subtomograms, holds maps of the same classes at other random orientations passed through the traditional
 * simulator (tilt series ±60° every 3°, CTF at 300 kV and −4 µm defocus, detector MTF, SNR 0.5, weighted
 * back-projection). The two domains are unpaired. The field of view is the paper's (40 voxels of 9.4 Å =
 * 376 Å), so smaller boxes get proportionally larger voxels.
 */
public final class DemoDataset {
    /** The paper's field of view in Å. */
    public static final double FIELD_OF_VIEW = 40 * 9.4;

    private final int box;
    private final int perClass;
    private final long seed;

    /**
     * @param box      edge of the volumes in voxels
     * @param perClass volumes per class in each domain
     */
    public DemoDataset(int box, int perClass, long seed) {
        this.box = box;
        this.perClass = perClass;
        this.seed = seed;
    }

    public double voxelSize() {
        return FIELD_OF_VIEW / box;
    }

    /** Resolution of the maps: twice the voxel size (Nyquist). */
    public double resolution() {
        return 2 * voxelSize();
    }

    /** The class labels: the bundled model names, then "membrane". */
    public List<String> classes() {
        List<String> c = new ArrayList<>(DemoModels.names());
        c.add("membrane");
        return c;
    }

    /** Noise-free density maps (domain D). */
    public VolumeSet densityMaps(IntConsumer progress) {
        return new VolumeSet("density maps", build(seed, false, progress));
    }

    /** Simulated subtomograms (domain S), from other orientations than the density maps. */
    public VolumeSet subtomograms(IntConsumer progress) {
        return new VolumeSet("subtomograms", build(seed + 7919, true, progress));
    }

    private List<Sample> build(long streamSeed, boolean simulate, IntConsumer progress) {
        DensityMapBuilder builder = new DensityMapBuilder(DensitySettings.of(voxelSize(), resolution(), box));
        Membrane membrane = new Membrane(MembraneSettings.flat(voxelSize(), box, resolution()));
        TraditionalSimulator sim = new TraditionalSimulator(SimulationSettings.paperDefaults());
        Random rng = new Random(streamSeed);
        List<Sample> out = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        for (String cls : classes()) {
            AtomModel model = cls.equals("membrane") ? null : open(cls);
            for (int i = 0; i < perClass; i++) {
                Rotation r = Rotation.random(rng);
                Volume map;
                if (model == null) {
                    map = membrane.build(r, (rng.nextDouble() - 0.5) * voxelSize() * 2);
                } else {
                    Vec3 shift = new Vec3(rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()).times(voxelSize() * 0.5);
                    map = builder.build(model, r, shift);
                }
                Volume v = simulate ? sim.simulate(map, rng) : map;
                String src = "demo:" + cls + (simulate ? ":simulated:" : ":map:") + i;
                out.add(new Sample(v, cls, src));
                if (progress != null) {
                    progress.accept(done.incrementAndGet());
                }
            }
        }
        return out;
    }

    /** Total volumes per domain. */
    public int size() {
        return classes().size() * perClass;
    }

    private static AtomModel open(String name) {
        try {
            return DemoModels.open(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled model " + name, e);
        }
    }
}
