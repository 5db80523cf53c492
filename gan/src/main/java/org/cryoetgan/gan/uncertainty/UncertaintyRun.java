package org.cryoetgan.gan.uncertainty;

import static org.cryoetgan.gan.train.TrainingSettings.BOX;
import static org.cryoetgan.gan.train.TrainingSettings.DROPOUT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cryoetgan.gan.generate.TrainedModel;
import org.cryoetgan.gan.mrc.MrcReader;
import org.cryoetgan.gan.mrc.MrcWriter;
import org.cryoetgan.gan.viz.UncertaintyOverlay;
import org.cryoetgan.gan.volume.Volume;

/**
 * The uncertainty map of one density map under a trained run's G_ds, written to a folder: {@value #MEAN} and
 * {@value #STD} (MRC, with the map's voxel size and origin) and {@value #PNG} (the overlay).
 */
public final class UncertaintyRun {
    public static final String MEAN = "mean.mrc";
    public static final String STD = "std.mrc";
    public static final String PNG = "uncertainty.png";

    /** What was done, for the caller to report. */
    public record Outcome(UncertaintyMaps maps, Path checkpoint, boolean dropoutInRun, double meanStd, double maxStd) {
    }

    private UncertaintyRun() {
    }

    /**
     * Samples G_ds of the run in {@code runDir} on {@code mapFile} (simulated once from {@code seed} first when the run
     * was trained on simulated inputs) and writes the three files to {@code out}.
     */
    public static Outcome run(Path runDir, Path mapFile, int samples, long seed, Path out) throws IOException {
        Volume map = MrcReader.readVolume(mapFile);
        try (TrainedModel run = TrainedModel.load(runDir, null)) {
            int box = run.config().get(BOX);
            if (!map.isCube() || map.nx() != box) {
                throw new IllegalArgumentException(mapFile + ": the run was trained on " + box + "³ volumes but the map"
                        + " is " + map.nx() + "x" + map.ny() + "x" + map.nz());
            }
            Volume input = run.generatorInput(map, seed);
            UncertaintyMaps maps = new McDropoutSampler(run.model().samplingGenerator(), run.densityScaler())
                    .sample(input, samples, seed);
            Files.createDirectories(out);
            MrcWriter.write(out.resolve(MEAN), maps.mean());
            MrcWriter.write(out.resolve(STD), maps.std());
            String title = String.format("MC-dropout, %d samples of G_ds(%s), %s", samples,
                    mapFile.getFileName(), run.checkpoint().getFileName());
            new UncertaintyOverlay().write(out.resolve(PNG), maps.mean(), maps.std(), title);
            double sum = 0;
            double max = 0;
            for (float v : maps.std().data()) {
                sum += v;
                max = Math.max(max, v);
            }
            return new Outcome(maps, run.checkpoint(), run.config().get(DROPOUT) > 0, sum / maps.std().data().length, max);
        }
    }
}
