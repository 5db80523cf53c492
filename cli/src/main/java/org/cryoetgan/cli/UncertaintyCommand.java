package org.cryoetgan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cryoetgan.gan.uncertainty.UncertaintyRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cryoetgan-cli uncertainty}: MC-dropout uncertainty map of one density map under a trained run (Figure 4). */
@Command(name = "uncertainty", mixinStandardHelpOptions = true,
        description = {"Translate one density map many times with G_ds of a trained run, dropout kept active"
                + " (MC-dropout) and fresh noise each time; write the per-voxel mean and standard deviation.",
            "Writes " + UncertaintyRun.MEAN + ", " + UncertaintyRun.STD + " (MRC, the map's voxel size) and "
                + UncertaintyRun.PNG + " (std over the mean, central sections) to --out."})
final class UncertaintyCommand implements Callable<Integer> {

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "Training run folder (its selected checkpoint when training selected one, else the newest).")
    Path run;

    @Option(names = "--map", required = true, paramLabel = "FILE", description = "Density map (MRC) of the run's box size.")
    Path map;

    @Option(names = "--samples", description = "Generations to draw (default ${DEFAULT-VALUE}, as in the paper).")
    int samples = 20;

    @Option(names = "--seed", description = "Seed of the dropout masks and noise (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @picocli.CommandLine.Mixin
    OverwriteOption overwrite = new OverwriteOption();

    @Override
    public Integer call() throws Exception {
        OptionChecks.atLeast("--samples", samples, 2);
        OutputTargets.checkFolder(out, overwrite.overwrite);
        UncertaintyRun.Outcome o = UncertaintyRun.run(run, map, samples, seed, out);
        if (!o.dropoutInRun()) {
            System.out.println("notice: this run was trained without dropout (dropout 0), so only the noise channel"
                    + " varies between samples; MC-dropout uncertainty needs a run trained with --dropout > 0"
                    + " (e.g. 0.5).");
        }
        System.out.printf("%d samples from %s (%d dropout layers active): std mean %.4g, max %.4g%n", o.maps().samples(),
                o.checkpoint(), o.maps().dropoutLayers(), o.meanStd(), o.maxStd());
        System.out.println("wrote " + out.resolve(UncertaintyRun.MEAN) + ", " + out.resolve(UncertaintyRun.STD) + ", "
                + out.resolve(UncertaintyRun.PNG));
        return 0;
    }
}
