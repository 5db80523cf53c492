package org.cryoetgan.gan.generate;

import static org.cryoetgan.gan.train.TrainingSettings.BOX;
import static org.cryoetgan.gan.train.TrainingSettings.INPUT_SIMULATION;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import org.cryoetgan.engine.CounterHash;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.gan.batch.LabelFile;
import org.cryoetgan.gan.batch.MapSources;
import org.cryoetgan.gan.batch.MapSources.LabelledFile;
import org.cryoetgan.gan.batch.OutputLock;
import org.cryoetgan.gan.data.LabelTable;
import org.cryoetgan.gan.model.CycleGenerator;
import org.cryoetgan.gan.mrc.MrcReader;
import org.cryoetgan.gan.mrc.MrcWriteOptions;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.sim.InputSimulation;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.cryoetgan.nn.layers.Dropout;

/**
 * Generates K subtomograms per density map with a trained G_ds. Sample j = (map index)·K + k is produced with
 * the seed {@code mix(seed, j)} for its noise channel (and dropout masks in MC-dropout mode), so every sample is
 * reproducible on its own and a {@link Shard} of the job writes exactly its own samples; a job appending to a
 * folder offsets j (and the map index of its file names) past the numbers used there ({@link FolderNumbering}).
 * When the run was trained on {@linkplain InputSimulation simulated inputs}, each sample's map is first simulated
 * with a stream of its own seed. Outputs are in the
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

    /** Counter of a sample's input-simulation stream, apart from its noise stream. */
    static final long SIMULATION = 0x51A7L;

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
     * Writes this shard's samples into {@code outDir} as a new job (numbered from 0) and its label tables
     * ({@code labels.csv}, {@code particles.star}, with a shard suffix when sharded); returns the table.
     */
    public LabelTable run(List<LabelledFile> maps, Path outDir, LongConsumer progress) throws IOException {
        return run(maps, outDir, false, progress);
    }

    /**
     * Writes this shard's samples into {@code outDir}, a row of the label tables ({@code labels.csv},
     * {@code particles.star}, with a shard suffix when sharded) as each volume is written; returns this job's
     * table. A new job holds the folder {@linkplain OutputLock alone} (shards share it) and starts the tables and
     * the numbering afresh. With {@code append}, the job shares the folder with other appending jobs: its samples
     * get sample numbers (so seeds) and map numbers (so file names) after those any job used there before, a label
     * keeps the class number it has in the folder, and its rows are merged into the folder's tables.
     */
    public LabelTable run(List<LabelledFile> maps, Path outDir, boolean append, LongConsumer progress)
            throws IOException {
        if (append && shard.count() > 1) {
            throw new IllegalArgumentException("a job that appends cannot be one shard of a job");
        }
        int box = trained.config().get(BOX);
        MapSources.checkMaps(maps, box);
        CycleGenerator g = trained.model().samplingGenerator();
        trained.model().eval();
        if (mcDropout && Dropout.setMonteCarlo(trained.model(), true) == 0) {
            System.err.println("note: the model has no dropout layers (trained with --dropout 0); --mc-dropout has"
                    + " no effect, samples differ only by their noise channel");
        }
        try (OutputLock lock = append || shard.count() > 1 ? OutputLock.shared(outDir) : OutputLock.exclusive(outDir)) {
            FolderNumbering.Block block = FolderNumbering.claim(outDir, maps.stream().map(LabelledFile::label).toList(),
                    maps.size(), (long) maps.size() * perMap, append);
            try (LabelFile csv = labels(outDir.resolve("labels" + shard.suffix() + ".csv"), append);
                 LabelFile star = labels(outDir.resolve("particles" + shard.suffix() + ".star"), append)) {
                write(maps, outDir, block, g, box, progress, csv, star);
                return csv.table();
            }
        }
    }

    private static LabelFile labels(Path file, boolean append) throws IOException {
        return append ? LabelFile.append(file, COLUMNS) : LabelFile.create(file, COLUMNS);
    }

    private void write(List<LabelledFile> maps, Path outDir, FolderNumbering.Block block, CycleGenerator g, int box,
                       LongConsumer progress, LabelFile csv, LabelFile star) throws IOException {
        long done = 0;
        boolean warnedVoxel = false;
        for (int i = 0; i < maps.size(); i++) {
            if (!anyOwned(i)) {
                continue;
            }
            LabelledFile f = maps.get(i);
            Volume map = MrcReader.readVolume(f.file());
            InputSimulation sim = trained.config().get(INPUT_SIMULATION);
            float[] scaled = sim == null ? trained.densityScaler().apply(trained.generatorInput(map, 0).data()) : null;
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
                long sampleSeed = CounterHash.mix(seed, block.firstSample() + j);
                g.reseed(sampleSeed);
                RandomGenerator noise = new RandomGenerator(sampleSeed);
                float[] input = sim == null ? scaled
                        : trained.densityScaler().apply(
                                trained.generatorInput(map, CounterHash.mix(sampleSeed, SIMULATION)).data());
                float[] out;
                try (Scope s = Scope.open()) {
                    Tensor x = Tensor.of(input, 1, 1, box, box, box);
                    out = Tensor.noGrad(() -> g.forward(x, noise)).toArray();
                }
                String name = String.format(Locale.ROOT, "%s_%05d_%03d.mrc", safe(f.label()), block.firstMap() + i, k);
                MrcWriter.write(outDir.resolve(name), new Volume(box, box, box, out, voxel, Vec3.ZERO), writeOptions);
                Object[] row = {name, f.label(), block.classes().of(f.label()), f.file().toString(), k,
                    Long.toUnsignedString(sampleSeed)};
                csv.add(row);
                star.add(row);
                progress.accept(++done);
            }
        }
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
