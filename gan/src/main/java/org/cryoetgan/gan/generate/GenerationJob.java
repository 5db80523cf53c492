package org.cryoetgan.gan.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.cryoetgan.engine.CounterHash;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.gan.batch.ClassNumbers;
import org.cryoetgan.gan.batch.LabelTable;
import org.cryoetgan.gan.batch.MapSources;
import org.cryoetgan.gan.batch.MapSources.LabelledFile;
import org.cryoetgan.gan.model.CycleGenerator;
import org.cryoetgan.gan.mrc.MrcReader;
import org.cryoetgan.gan.mrc.MrcWriteOptions;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.cryoetgan.nn.layers.Dropout;

/**
 * Generates K subtomograms per density map with a trained G_ds. Sample j = (map index)·K + k is produced with
 * the seed {@code mix(seed, j)} for its noise channel (and dropout masks in MC-dropout mode), so every sample is
 * reproducible on its own and a {@link Shard} of the job writes exactly its own samples. Outputs are in the
 * generator's normalised space ([−1, 1]), written as float32 MRC with the map's voxel size, plus label tables
 * (CSV and RELION STAR) with file, label, class number, source map, sample number and seed.
 */
public final class GenerationJob {
    /** Label table columns. */
    public static final List<LabelTable.Column> COLUMNS = List.of(
            new LabelTable.Column("file", "rlnImageName"),
            new LabelTable.Column("label", "cryoetganLabel"),
            new LabelTable.Column("class", "rlnClassNumber"),
            new LabelTable.Column("source", "cryoetganSource"),
            new LabelTable.Column("sample", "cryoetganSample"),
            new LabelTable.Column("seed", "cryoetganSeed"));

    private final TrainedModel trained;
    private final int perMap;
    private final long seed;
    private final Shard shard;
    private final boolean mcDropout;
    private final MrcWriteOptions writeOptions;

    public GenerationJob(TrainedModel trained, int perMap, long seed, Shard shard, boolean mcDropout,
                         MrcWriteOptions writeOptions) {
        if (perMap < 1) {
            throw new IllegalArgumentException("--per-map must be >= 1");
        }
        this.trained = trained;
        this.perMap = perMap;
        this.seed = seed;
        this.shard = shard;
        this.mcDropout = mcDropout;
        this.writeOptions = writeOptions;
    }

    /** Number of samples this shard writes for {@code maps} maps. */
    public long samplesInShard(int maps) {
        long total = (long) maps * perMap;
        long n = 0;
        for (long j = 0; j < total; j++) {
            if (shard.owns(j)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Writes this shard's samples into {@code outDir} and its label tables ({@code labels.csv},
     * {@code particles.star}, with a shard suffix when sharded); returns the table.
     */
    public LabelTable run(List<LabelledFile> maps, Path outDir, LongConsumer progress) throws IOException {
        int box = trained.config().box;
        ClassNumbers classes = new ClassNumbers(maps.stream().map(LabelledFile::label).toList());
        MapSources.checkMaps(maps, box);
        CycleGenerator g = trained.model().densityToSubtomogram();
        trained.model().eval();
        if (mcDropout && Dropout.setMonteCarlo(trained.model(), true) == 0) {
            System.err.println("note: the model has no dropout layers (trained with --dropout 0); --mc-dropout has"
                    + " no effect, samples differ only by their noise channel");
        }
        Files.createDirectories(outDir);
        LabelTable table = new LabelTable(COLUMNS);
        long done = 0;
        boolean warnedVoxel = false;
        for (int i = 0; i < maps.size(); i++) {
            if (!anyOwned(i)) {
                continue;
            }
            LabelledFile f = maps.get(i);
            Volume map = MrcReader.readVolume(f.file());
            float[] scaled = trained.densityScaler().apply(map.data());
            Vec3 voxel = map.voxelSize();
            double trainedVoxel = trained.voxelSize();
            if (!warnedVoxel && Double.isFinite(trainedVoxel) && Math.abs(voxel.x() - trainedVoxel) > 0.01 * trainedVoxel) {
                warnedVoxel = true;
                System.err.printf(Locale.ROOT, "warning: %s has %.2f Å voxels but the model was trained on %.2f Å;"
                        + " the generated volumes will not match the training data's scale%n", f.file(), voxel.x(),
                        trainedVoxel);
            }
            for (int k = 0; k < perMap; k++) {
                long j = (long) i * perMap + k;
                if (!shard.owns(j)) {
                    continue;
                }
                long sampleSeed = CounterHash.mix(seed, j);
                g.reseed(sampleSeed);
                RandomGenerator noise = new RandomGenerator(sampleSeed);
                float[] out;
                try (Scope s = Scope.open()) {
                    Tensor x = Tensor.of(scaled, 1, 1, box, box, box);
                    out = Tensor.noGrad(() -> g.forward(x, noise)).toArray();
                }
                String name = String.format(Locale.ROOT, "%s_%05d_%03d.mrc", safe(f.label()), i, k);
                MrcWriter.write(outDir.resolve(name), new Volume(box, box, box, out, voxel, Vec3.ZERO), writeOptions);
                table.add(name, f.label(), classes.of(f.label()), f.file().toString(), k, Long.toUnsignedString(sampleSeed));
                progress.accept(++done);
            }
        }
        table.write(outDir.resolve("labels" + shard.suffix() + ".csv"));
        table.write(outDir.resolve("particles" + shard.suffix() + ".star"));
        return table;
    }

    private boolean anyOwned(int mapIndex) {
        for (int k = 0; k < perMap; k++) {
            if (shard.owns((long) mapIndex * perMap + k)) {
                return true;
            }
        }
        return false;
    }

    private static String safe(String label) {
        String s = label.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() ? "map" : s;
    }
}
