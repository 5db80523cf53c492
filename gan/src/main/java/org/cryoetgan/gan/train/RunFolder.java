package org.cryoetgan.gan.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one training run:
 * <pre>
 * config.json                 every setting (TrainingConfig)
 * data.json                   where the training data came from (for --resume)
 * metrics.jsonl               one JSON object per logged step
 * loss.png                    loss curves
 * samples/step-000250.png     G_ds outputs on fixed density maps
 * checkpoints/step-000500.safetensors   networks, optimizer states, step and normalisation
 * selection.jsonl             the realism score of each scoring step (train --select-every)
 * selected.safetensors        the networks at the best-scoring step, which generation uses
 * </pre>
 */
public final class RunFolder {
    private static final Pattern CHECKPOINT = Pattern.compile("step-(\\d+)\\.safetensors");
    /** What {@link org.cryoetgan.nn.io.AtomicFiles} names its temporary files: {@code .TARGET.RANDOM.tmp}. */
    private static final Pattern TEMP_FILE = Pattern.compile("\\..+\\.-?\\d+\\.tmp");
    private final Path root;

    public RunFolder(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path config() {
        return root.resolve("config.json");
    }

    public Path dataSources() {
        return root.resolve("data.json");
    }

    public Path metrics() {
        return root.resolve("metrics.jsonl");
    }

    public Path lossPlot() {
        return root.resolve("loss.png");
    }

    public Path samples() {
        return root.resolve("samples");
    }

    public Path sample(long step) {
        return samples().resolve(String.format("step-%06d.png", step));
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path checkpoint(long step) {
        return checkpoints().resolve(String.format("step-%06d.safetensors", step));
    }

    /** The pool of past fakes saved with the checkpoint of a step (only when the pool is used). */
    public Path poolFile(long step) {
        return checkpoints().resolve(String.format("step-%06d.pool.safetensors", step));
    }

    /** One realism score per scoring step (with {@code --select-every}). */
    public Path selection() {
        return root.resolve("selection.jsonl");
    }

    /** The networks (no optimizer state) at the step with the best realism score so far. */
    public Path selectedCheckpoint() {
        return root.resolve("selected.safetensors");
    }

    /** The checkpoint with the highest step, if any. */
    public Optional<Path> latestCheckpoint() throws IOException {
        if (!Files.isDirectory(checkpoints())) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(checkpoints())) {
            return files.filter(p -> CHECKPOINT.matcher(p.getFileName().toString()).matches())
                    .max((a, b) -> Long.compare(stepOf(a), stepOf(b)));
        }
    }

    /** The steps of every checkpoint in the folder, ascending. */
    public List<Long> checkpointSteps() throws IOException {
        if (!Files.isDirectory(checkpoints())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(checkpoints())) {
            return files.filter(p -> CHECKPOINT.matcher(p.getFileName().toString()).matches())
                    .map(RunFolder::stepOf).sorted().toList();
        }
    }

    /** Deletes the checkpoint of a step and the image pool saved with it. */
    public void deleteCheckpoint(long step) throws IOException {
        Files.deleteIfExists(checkpoint(step));
        Files.deleteIfExists(poolFile(step));
    }

    /**
     * Deletes the temporary files that writes killed midway left in the run folder, its checkpoints and its
     * samples (a complete write renames its temporary file, so any that remain are partial).
     *
     * @return the files deleted
     */
    public List<Path> deleteTemporaryFiles() throws IOException {
        List<Path> deleted = new ArrayList<>();
        for (Path dir : List.of(root, checkpoints(), samples())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(p) && TEMP_FILE.matcher(p.getFileName().toString()).matches()) {
                        Files.delete(p);
                        deleted.add(p);
                    }
                }
            }
        }
        return deleted;
    }

    /**
     * Deletes what training wrote into the folder (checkpoints, image pools, sample montages, metrics, loss
     * curves, realism scores and the selected checkpoint) so that a new run started in it mixes nothing with the old one; other files stay.
     *
     * @return the files deleted
     */
    public List<Path> deleteRunOutputs() throws IOException {
        List<Path> deleted = new ArrayList<>(deleteTemporaryFiles());
        for (Path dir : List.of(checkpoints(), samples())) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    String name = p.getFileName().toString();
                    if (Files.isRegularFile(p) && name.startsWith("step-")
                            && (name.endsWith(".safetensors") || name.endsWith(".png"))) {
                        Files.delete(p);
                        deleted.add(p);
                    }
                }
            }
        }
        for (Path p : List.of(metrics(), lossPlot(), selection(), selectedCheckpoint())) {
            if (Files.deleteIfExists(p)) {
                deleted.add(p);
            }
        }
        return deleted;
    }

    /** The step number in a checkpoint file name. */
    public static long stepOf(Path checkpoint) {
        Matcher m = CHECKPOINT.matcher(checkpoint.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(checkpoint + " is not named step-NNNNNN.safetensors");
        }
        return Long.parseLong(m.group(1));
    }
}
