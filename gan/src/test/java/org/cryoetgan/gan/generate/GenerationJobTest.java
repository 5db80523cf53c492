package org.cryoetgan.gan.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.cryoetgan.gan.batch.MapSources.LabelledFile;
import org.cryoetgan.gan.mrc.MrcReader;
import org.cryoetgan.gan.mrc.MrcWriteOptions;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.train.TinyRun;
import org.cryoetgan.gan.volume.Vec3;
import org.cryoetgan.gan.volume.Volume;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationJobTest {
    @TempDir
    static Path tmp;
    static Path run;
    static List<LabelledFile> maps = new ArrayList<>();

    @BeforeAll
    static void trainTinyRun() throws Exception {
        run = tmp.resolve("run");
        TinyRun.train(run, 8, 2);
        for (int i = 0; i < 3; i++) {
            float[] v = new float[512];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) Math.sin(j * (i + 1) * 0.1);
            }
            Path p = tmp.resolve("map" + i + ".mrc");
            MrcWriter.write(p, new Volume(8, 8, 8, v, Vec3.of(10), Vec3.ZERO));
            maps.add(new LabelledFile(p, i == 2 ? "b" : "a"));
        }
    }

    private static List<String> mrcNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mrc")).sorted().toList();
        }
    }

    @Test
    void shardsAreDisjointCoverTheJobAndReproduceTheUnshardedSamples() throws Exception {
        try (TrainedModel m = TrainedModel.load(run, null)) {
            new GenerationJob(m, 4, 7, Shard.ALL, false, MrcWriteOptions.defaults()).run(maps, tmp.resolve("all"), d -> { });
            Set<String> union = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                Path dir = tmp.resolve("part" + i);
                new GenerationJob(m, 4, 7, new Shard(i, 3), false, MrcWriteOptions.defaults()).run(maps, dir, d -> { });
                for (String name : mrcNames(dir)) {
                    assertTrue(union.add(name), "sample " + name + " written by two shards");
                    assertArrayEquals(MrcReader.readVolume(tmp.resolve("all").resolve(name)).data(),
                            MrcReader.readVolume(dir.resolve(name)).data(), 0f, name);
                }
                assertTrue(Files.exists(dir.resolve("labels.shard-" + i + "-of-3.csv")));
                assertTrue(Files.exists(dir.resolve("particles.shard-" + i + "-of-3.star")));
            }
            assertEquals(new HashSet<>(mrcNames(tmp.resolve("all"))), union);
            assertEquals(12, union.size());
        }
    }

    @Test
    void theLabelsOfShardsWrittenIntoOneFolderReadBackAsTheWholeJobs() throws Exception {
        try (TrainedModel m = TrainedModel.load(run, null)) {
            new GenerationJob(m, 3, 7, Shard.ALL, false, MrcWriteOptions.defaults()).run(maps, tmp.resolve("whole"),
                    d -> { });
            Path shared = tmp.resolve("shared");
            for (int i = 0; i < 2; i++) {
                new GenerationJob(m, 3, 7, new Shard(i, 2), false, MrcWriteOptions.defaults()).run(maps, shared,
                        d -> { });
            }
            java.util.Map<String, String> whole = org.cryoetgan.gan.batch.LabelTable.readLabels(tmp.resolve("whole"));
            assertEquals(mrcNames(tmp.resolve("whole")).size(), whole.size());
            assertEquals(whole, org.cryoetgan.gan.batch.LabelTable.readLabels(shared));
        }
    }

    @Test
    void samplesOfOneMapDifferAndCarryTheirLabels() throws Exception {
        try (TrainedModel m = TrainedModel.load(run, null)) {
            Path dir = tmp.resolve("labels");
            new GenerationJob(m, 2, 3, Shard.ALL, false, MrcWriteOptions.defaults()).run(maps, dir, d -> { });
            float[] a = MrcReader.readVolume(dir.resolve("a_00000_000.mrc")).data();
            float[] b = MrcReader.readVolume(dir.resolve("a_00000_001.mrc")).data();
            assertFalse(java.util.Arrays.equals(a, b), "different noise gives different samples");
            List<String> csv = Files.readAllLines(dir.resolve("labels.csv"));
            assertEquals("file,label,class,source,sample,seed", csv.get(0));
            assertTrue(csv.get(5).startsWith("b_00002_000.mrc,b,2,"), csv.get(5));
            assertEquals(10.0, MrcReader.readVolume(dir.resolve("b_00002_001.mrc")).voxelSize().x(), 1e-6);
        }
    }

    @Test
    void aMapOfTheWrongSizeIsRejectedByName() throws Exception {
        Path p = tmp.resolve("big.mrc");
        MrcWriter.write(p, new Volume(12, 12, 12));
        try (TrainedModel m = TrainedModel.load(run, null)) {
            IOException e = assertThrows(IOException.class, () -> new GenerationJob(m, 1, 1, Shard.ALL, false,
                    MrcWriteOptions.defaults()).run(List.of(new LabelledFile(p, "x")), tmp.resolve("bad"), d -> { }));
            assertTrue(e.getMessage().contains("big.mrc") && e.getMessage().contains("8³"), e.getMessage());
        }
    }

    @Test
    void aFolderWithoutARunIsRejected() {
        IOException e = assertThrows(IOException.class, () -> TrainedModel.load(tmp.resolve("nothing"), null));
        assertTrue(e.getMessage().contains("config.json"), e.getMessage());
    }

    @Test
    void shardsParseAndFollowSlurm() {
        assertEquals(new Shard(2, 5), Shard.parse("2/5"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("5/5"));
        assertEquals(new Shard(1, 4), Shard.fromEnvironment(java.util.Map.of("SLURM_ARRAY_TASK_ID", "2",
                "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "4")));
        assertEquals(Shard.ALL, Shard.fromEnvironment(java.util.Map.of()));
    }
}
