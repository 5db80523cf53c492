package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.gan.train.MetricsLog;
import org.cryoetgan.gan.train.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --resume} and {@code train --force}: what a run folder holds afterwards. */
class TrainCommandResumeTest {

    private static List<String> tiny(Path run, String... more) throws java.io.IOException {
        List<String> args = new ArrayList<>(List.of("train", "--out", run.toString(), "--box", "8",
                "--critic-layers", "2", "--width", "2", "--critic-width", "2",
                "--residual-blocks", "1", "--checkpoint-every", "1", "--log-every", "1"));
        args.addAll(ShapeFolders.trainingData(run.resolveSibling(run.getFileName() + "-data"), 8));
        args.addAll(List.of(more));
        return args;
    }

    private static List<Integer> loggedSteps(Path run) throws Exception {
        return MetricsLog.read(run.resolve("metrics.jsonl")).stream()
                .map(r -> ((Number) r.get("step")).intValue()).toList();
    }

    @Test
    void resumeContinuesFromTheNewestCheckpointAndTakesOnlyStepsAndHowToRun(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        CliRun first = CliRun.of(tiny(run, "--steps", "2", "--sample-every", "100").toArray(String[]::new));
        assertEquals(0, first.code(), first.err());
        String config = Files.readString(run.resolve("config.json"));

        CliRun refused = CliRun.of("train", "--resume", run.toString(), "--steps", "3", "--lr", "0.1",
                "--cycle-weight", "5");
        assertTrue(refused.failedWithOneLine(), refused.err());
        assertTrue(refused.err().contains("--lr, --cycle-weight are not allowed"), refused.err());
        assertEquals(config, Files.readString(run.resolve("config.json")), "a refused resume rewrites nothing");

        CliRun resumed = CliRun.of("train", "--resume", run.toString(), "--steps", "3", "--threads", "1",
                "--keep-checkpoints", "0");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("from step 2 (step-000002.safetensors)"), resumed.out());
        assertEquals(List.of(1, 2, 3), loggedSteps(run), "steps 1 and 2 are not trained again");
        assertEquals(List.of(1L, 2L, 3L), new RunFolder(run).checkpointSteps());
    }

    @Test
    void resumingAFolderWithoutCheckpointsFailsBeforeAnyWork(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("empty"));
        CliRun r = CliRun.of("train", "--resume", tmp.resolve("empty").toString(), "--steps", "3");
        assertTrue(r.failedWithOneLine(), r.err());
        assertTrue(r.err().contains("no checkpoint") && r.err().contains("empty"), r.err());
        assertTrue(Files.notExists(tmp.resolve("empty/config.json")));
    }

    @Test
    void forceStartsOverWithoutTheOldRunsCheckpointsSamplesOrMetrics(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        assertEquals(0, CliRun.of(tiny(run, "--steps", "3", "--sample-every", "3").toArray(String[]::new)).code());
        assertTrue(Files.exists(run.resolve("samples/step-000003.png")));

        CliRun again = CliRun.of(tiny(run, "--steps", "1").toArray(String[]::new));
        assertTrue(again.err().contains("already holds a run"), again.err());

        CliRun forced = CliRun.of(tiny(run, "--steps", "1", "--force").toArray(String[]::new));
        assertEquals(0, forced.code(), forced.err());
        assertEquals(List.of(1L), new RunFolder(run).checkpointSteps(), "only the new run's checkpoint remains");
        assertFalse(Files.exists(run.resolve("samples/step-000003.png")), "the old run's samples are gone");
        assertEquals(List.of(1), loggedSteps(run));
    }

    @Test
    void checkpointsArePrunedToTheNewestAndEveryKth(@TempDir Path tmp) throws Exception {
        Path run = tmp.resolve("run");
        CliRun r = CliRun.of(tiny(run, "--steps", "5", "--keep-checkpoints", "2", "--keep-every", "2")
                .toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(2L, 4L, 5L), new RunFolder(run).checkpointSteps());
        String help = Main.commandLine().getSubcommands().get("train").getUsageMessage();
        assertTrue(help.contains("--keep-checkpoints") && help.contains("default: 3"), help);
    }
}
