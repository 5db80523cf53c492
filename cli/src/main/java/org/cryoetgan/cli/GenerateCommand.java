package org.cryoetgan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cryoetgan.gan.batch.MapSources;
import org.cryoetgan.gan.generate.GenerationJob;
import org.cryoetgan.gan.generate.Shard;
import org.cryoetgan.gan.generate.TrainedModel;
import org.cryoetgan.gan.mrc.MrcMode;
import org.cryoetgan.gan.mrc.MrcWriteOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cryoetgan-cli generate}: labelled subtomograms from density maps with a trained run. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate realistic subtomograms from density maps with a trained CryoETGAN (G_ds).",
            "Writes K volumes per map as MRC (in the generator's normalised [-1, 1] space, with the map's voxel size),"
                + " and labels.csv plus particles.star (file, label, class number, source map, sample, seed).",
            "Sample j of the job uses seed mix(--seed, j), so --shard i/n (or a Slurm job array) writes disjoint,"
                + " deterministic parts; each shard writes its own labels.shard-i-of-n.csv/.star.",
            "A label row is written as each volume is, so a stopped job leaves every volume it wrote labelled. --out"
                + " must be empty (or --overwrite); --append adds to a folder that generate wrote, even while other"
                + " --append jobs write it: their rows are merged into one labels.csv/particles.star under a lock, and"
                + " sample numbers (so seeds) and file numbers continue after those already used."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Training run folder.")
    Path run;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "A checkpoint of the run (default: the selected one when training selected one with --select-every, else the newest).")
    Path checkpoint;

    @Option(names = "--maps", required = true, split = ",", paramLabel = "DIR|LIST|FILE",
            description = "Density maps: folders (labels from their labels.csv/star, as `density` writes, else the"
                + " file's base name), list files ('path [label]' per line) or MRC files.")
    List<Path> maps;

    @Option(names = "--per-map", description = "Subtomograms per map (default: ${DEFAULT-VALUE}).")
    int perMap = 10;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--seed", description = "Seed of the job (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--shard", paramLabel = "i/n",
            description = "Write only part i (0-based) of n; default: from SLURM_ARRAY_TASK_ID/COUNT, else all.")
    String shard;

    @Option(names = "--mc-dropout", description = "Keep dropout active while sampling (the run needs --dropout > 0).")
    boolean mcDropout;

    @Option(names = "--float16", description = "Write MRC mode 12 (float16) instead of float32.")
    boolean float16;

    @Option(names = "--append", description = "Add to the volumes and labels generate already wrote in --out"
            + " (other --append jobs may write it at the same time); seeds and file numbers continue after theirs.")
    boolean append;

    @picocli.CommandLine.Mixin
    OverwriteOption overwrite = new OverwriteOption();

    @Override
    public Integer call() throws Exception {
        OptionChecks.atLeast("--per-map", perMap, 1);
        Shard part = shard != null ? Shard.parse(shard) : Shard.fromEnvironment(System.getenv());
        if (append) {
            checkAppend(part);
        } else if (part.count() > 1) {
            // the other shards of the job write into the same folder at the same time
            OutputTargets.checkFolder(out, overwrite.overwrite, List.of("labels" + part.suffix() + ".csv",
                    "particles" + part.suffix() + ".star"), name -> true);
        } else {
            OutputTargets.checkFolder(out, overwrite.overwrite);
        }
        List<MapSources.LabelledFile> files = new ArrayList<>();
        for (Path p : maps) {
            files.addAll(MapSources.files(p, MapSources::isMapFile));
        }
        MrcWriteOptions options = float16 ? MrcWriteOptions.defaults().withMode(MrcMode.FLOAT16)
                : MrcWriteOptions.defaults();
        try (TrainedModel model = TrainedModel.load(run, checkpoint)) {
            GenerationJob job = new GenerationJob(model, perMap, seed, part, mcDropout, options);
            long total = job.samplesInShard(files.size());
            System.out.printf("generating %d subtomograms (%d maps x %d, shard %d/%d) with %s (step %d)%n", total,
                    files.size(), perMap, part.index(), part.count(), model.checkpoint(), model.step());
            ConsoleProgress progress = new ConsoleProgress(System.out);
            job.run(files, out, append, done -> progress.update((int) done, (int) total, "generate"));
            System.out.println((append ? "added " : "wrote ") + total + " volumes and their labels to " + out);
        }
        return 0;
    }

    private void checkAppend(Shard part) {
        if (overwrite.overwrite) {
            throw new IllegalArgumentException("--append and --overwrite exclude each other: --append keeps what --out"
                    + " holds, --overwrite replaces it");
        }
        if (part.count() > 1) {
            throw new IllegalArgumentException("--append cannot make one shard of a job (--shard " + part.index() + "/"
                    + part.count() + (shard == null ? ", from SLURM_ARRAY_TASK_ID" : "") + "): shards of one job"
                    + " already share --out; to append a whole job from each task, give --shard 0/1");
        }
        OutputTargets.checkWritable(out);
    }
}
