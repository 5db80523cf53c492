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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Stream;
import org.cryoetgan.gan.batch.LabelledFolder;
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
            java.util.Map<String, String> whole = org.cryoetgan.gan.data.LabelTable.readLabels(tmp.resolve("whole"));
            assertEquals(mrcNames(tmp.resolve("whole")).size(), whole.size());
            assertEquals(whole, org.cryoetgan.gan.data.LabelTable.readLabels(shared));
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

    private static GenerationJob job(TrainedModel m, int perMap) {
        return new GenerationJob(m, perMap, 7, Shard.ALL, false, MrcWriteOptions.defaults());
    }

    private static Map<String, String> column(Path csv, int column) throws IOException {
        Map<String, String> out = new HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            out.put(cells[0], cells[column]);
        }
        return out;
    }

    @Test
    void aJobStoppedMidwayLeavesLabelsOfExactlyTheVolumesItWrote() throws Exception {
        Path dir = tmp.resolve("stopped");
        try (TrainedModel m = TrainedModel.load(run, null)) {
            assertThrows(IllegalStateException.class, () -> job(m, 3).run(maps, dir, done -> {
                if (done == 4) {
                    throw new IllegalStateException("stopped");
                }
            }));
        }
        assertEquals(4, LabelledFolder.volumes(dir).size());
        LabelledFolder.assertEveryVolumeListedOnce(dir, "labels.csv", "particles.star");
    }

    @Test
    void anAppendedJobContinuesTheFoldersSeedsFileNumbersAndClassNumbers() throws Exception {
        Path dir = tmp.resolve("appended");
        Path aa = tmp.resolve("aa.mrc");
        Files.copy(maps.get(0).file(), aa);
        try (TrainedModel m = TrainedModel.load(run, null)) {
            job(m, 2).run(maps, dir, d -> { });
            List<String> first = LabelledFolder.volumes(dir);
            Map<String, String> firstSeeds = column(dir.resolve("labels.csv"), 5);
            // numbered on their own, "aa" and "b" would be classes 1 and 2, and "aa" would clash with "a"
            job(m, 2).run(List.of(new LabelledFile(aa, "aa"), maps.get(2)), dir, true, d -> { });
            LabelledFolder.assertEveryVolumeListedOnce(dir, "labels.csv", "particles.star");
            assertEquals(10, LabelledFolder.volumes(dir).size());
            assertTrue(LabelledFolder.volumes(dir).containsAll(first), "nothing of the first job replaced");
            for (String name : first) {
                assertEquals(firstSeeds.get(name), column(dir.resolve("labels.csv"), 5).get(name));
            }
            assertEquals(10, new HashSet<>(column(dir.resolve("labels.csv"), 5).values()).size(),
                    "every volume has a seed of its own");
            Map<String, String> classes = column(dir.resolve("labels.csv"), 2);
            assertEquals("1", classes.get("a_00000_000.mrc"));
            assertEquals("2", classes.get("b_00002_000.mrc"));
            assertEquals("3", classes.get("aa_00003_000.mrc"), "a new label after the folder's numbers");
            assertEquals("2", classes.get("b_00004_001.mrc"), "a label keeps its number");
        }
    }

    @Test
    void appendingJobsRunningAtOnceListEveryVolumeOnceWithSeedsAndNamesOfTheirOwn() throws Exception {
        Path dir = tmp.resolve("together");
        CyclicBarrier bothWriting = new CyclicBarrier(2);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> jobs = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            jobs.add(new Thread(() -> {
                try (TrainedModel m = TrainedModel.load(run, null)) {
                    job(m, 3).run(maps, dir, true, done -> {
                        if (done == 2) {
                            try {
                                // each job has claimed its numbers and written rows when the other goes on
                                bothWriting.await(60, java.util.concurrent.TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    });
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        jobs.forEach(Thread::start);
        for (Thread t : jobs) {
            t.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(18, LabelledFolder.volumes(dir).size());
        LabelledFolder.assertEveryVolumeListedOnce(dir, "labels.csv", "particles.star");
        assertEquals(18, new HashSet<>(column(dir.resolve("labels.csv"), 5).values()).size(), "18 distinct seeds");
    }

    @Test
    void appendingToAFolderThatGenerateDidNotWriteIsRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(dir.resolve("a_00000_000.mrc"), "someone else's");
        try (TrainedModel m = TrainedModel.load(run, null)) {
            IOException e = assertThrows(IOException.class, () -> job(m, 1).run(maps, dir, true, d -> { }));
            assertTrue(e.getMessage().startsWith(dir + " holds files but no record"), e.getMessage());
        }
        assertEquals("someone else's", Files.readString(dir.resolve("a_00000_000.mrc")));
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
