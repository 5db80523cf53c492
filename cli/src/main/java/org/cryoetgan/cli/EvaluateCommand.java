package org.cryoetgan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cryoetgan.gan.data.VolumeSet;
import org.cryoetgan.gan.evaluate.EvaluationRun;
import org.cryoetgan.gan.evaluate.EvaluationSettings;
import org.cryoetgan.gan.evaluate.ReportFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cryoetgan-cli evaluate}: the paper's Table 2 metrics for generated (and baseline) volumes against real ones. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare generated (and optionally baseline) volumes with real subtomograms: SSIM, precision,"
                + " recall, density, coverage, downstream accuracy both ways, FID and IS on a CB3D classifier.",
            "Writes report.json, report.md and per-class sample montages to --out (an --out that is not empty is"
                + " refused unless --overwrite). Without --classifier, a CB3D"
                + " classifier is trained on the real data (the classifier options below apply) and saved in"
                + " OUT/classifier."})
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--real", required = true, split = ",", paramLabel = "PATH",
            description = "Real subtomograms: MRC files or folders with one sub-folder per class.")
    List<Path> real;

    @Option(names = "--generated", required = true, split = ",", paramLabel = "PATH", description = "Generated volumes.")
    List<Path> generated;

    @Option(names = "--baseline", split = ",", paramLabel = "PATH",
            description = "Optional baseline volumes (e.g. the traditional simulation) for a side-by-side row.")
    List<Path> baseline;

    @Option(names = "--real-labels", paramLabel = "CSV", description = "Optional CSV 'file,label' for --real.")
    Path realLabels;
    @Option(names = "--generated-labels", paramLabel = "CSV", description = "Optional CSV for --generated.")
    Path generatedLabels;
    @Option(names = "--baseline-labels", paramLabel = "CSV", description = "Optional CSV for --baseline.")
    Path baselineLabels;

    @Option(names = "--classifier", paramLabel = "DIR", description = "A classifier saved by 'classifier train'.")
    Path classifier;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report folder.")
    Path out;

    @Option(names = "--k", description = "Neighbours of precision/recall/density/coverage (default ${DEFAULT-VALUE}).")
    int k = 5;

    @Option(names = "--ssim-references", description = "Real volumes per class each volume is compared with for "
            + "SSIM (default ${DEFAULT-VALUE}).")
    int ssimReferences = 20;

    @Option(names = "--samples", description = "Volumes per class and set in the montages (default ${DEFAULT-VALUE}).")
    int samples = 3;

    @Mixin
    ClassifierOptions options;

    @Mixin
    OverwriteOption overwrite = new OverwriteOption();

    @Override
    public Integer call() throws Exception {
        OptionChecks.atLeast("--k", k, 1);
        OptionChecks.atLeast("--ssim-references", ssimReferences, 1);
        OptionChecks.atLeast("--samples", samples, 0);
        OutputTargets.checkFolder(out, overwrite.overwrite);
        VolumeSet r = DataSets.read("real subtomograms", real, realLabels);
        VolumeSet g = DataSets.read("generated volumes", generated, generatedLabels);
        VolumeSet b = baseline == null ? null : DataSets.read("baseline volumes", baseline, baselineLabels);
        for (VolumeSet set : new VolumeSet[] {r, g, b}) {
            if (set != null && set.box() != r.box()) {
                throw new IllegalArgumentException("real volumes are " + r.box() + "³ but " + set.domain() + " are "
                        + set.box() + "³");
            }
            if (set != null && k >= set.size()) {
                throw new IllegalArgumentException("--k " + k + " needs more than " + k + " volumes in every set, but "
                        + set.domain() + " has " + set.size());
            }
        }
        EvaluationSettings s = new EvaluationSettings();
        s.prdcK = k;
        s.ssimReferences = ssimReferences;
        s.classifier = options.settings();
        new EvaluationRun(s, samples, System.out::println).run(r, g, b, classifier, out);
        String md = Files.readString(out.resolve(ReportFiles.MARKDOWN));
        md.lines().filter(l -> l.startsWith("|")).forEach(System.out::println);
        System.out.println("report: " + out.resolve(ReportFiles.MARKDOWN) + ", " + out.resolve(ReportFiles.JSON));
        return 0;
    }
}
