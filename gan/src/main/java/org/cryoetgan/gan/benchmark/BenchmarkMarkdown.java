package org.cryoetgan.gan.benchmark;

import java.util.Locale;
import java.util.Map;
import org.cryoetgan.gan.evaluate.SetScores;
import org.cryoetgan.gan.metrics.Prdc;

/** Renders a {@link BenchmarkReport} as Markdown: the accuracy table, the metrics, the collapse check, the times. */
public final class BenchmarkMarkdown {
    private static final String NONE = "–";

    private BenchmarkMarkdown() {
    }

    public static String render(BenchmarkReport r) {
        StringBuilder sb = new StringBuilder("# CryoETGAN benchmark\n\n");
        sb.append(fmt("Data: %s — D %d maps, S-train %d, S-test %d volumes of %d³, classes %s (chance %.1f%%).%n%n",
                r.data(), r.densityMaps(), r.trainSubtomograms(), r.testSubtomograms(), r.box(), r.classes(),
                100.0 / r.classes().size()));
        sb.append(fmt("GAN: %s (checkpoint of step %d); %d volumes per map generated and simulated.%n%n", r.ganRun(),
                r.ganStep(), r.settings().perMap));
        sb.append("## Downstream accuracy on S-test (%)\n\n");
        sb.append("Each classifier is trained on the set named and tested on S-test as it is (no S-test statistics"
                + " are used).\n\n");
        sb.append(accuracyTable(r));
        sb.append("\n## Similarity to S-test\n\n");
        if (r.metrics() == null) {
            sb.append("Not measured: FID, IS and PRDC use CB3D's features, and CB3D was not run.\n");
        } else {
            similarity(sb, r);
        }
        CollapseScore c = r.collapse();
        sb.append("\n## Mode-collapse check\n\n");
        sb.append(fmt("Over %d maps × %d noise draws of G_ds: mean correlation distance (1 − r) between outputs of"
                        + " different maps %.4f, between draws of one map %.4f, ratio %s (≫ 1: outputs follow the map;"
                        + " ≈ 1: they ignore it); the input maps themselves differ by %.4f. RMS voxel difference:"
                        + " across maps %.4f, across draws %.4f.%n%n", c.outputs().maps(), c.outputs().draws(),
                c.outputs().acrossMaps(), c.outputs().acrossNoise(), c.ratio() == null ? "∞ (draws identical)"
                        : fmt("%.2f", c.ratio()), c.inputAcrossMaps(), c.outputs().rmsAcrossMaps(),
                c.outputs().rmsAcrossNoise()));
        sb.append(fmt("In-domain separability of the generated classes: the invariant-feature classifier trained on"
                + " the outputs of half the maps (%d volumes) classifies those of the other maps (%d) with %s%%"
                + " accuracy.%n%n", c.inDomainTrain(), c.inDomainTest(), pct(c.inDomainAccuracy())));
        sb.append("## Minutes per stage\n\n| stage | minutes |\n|---|---:|\n");
        double total = 0;
        for (Map.Entry<String, Double> e : r.minutes().entrySet()) {
            sb.append("| ").append(e.getKey()).append(" | ").append(fmt("%.2f", e.getValue())).append(" |\n");
            total += e.getValue();
        }
        sb.append("| total | ").append(fmt("%.2f", total)).append(" |\n");
        if (!r.notes().isEmpty()) {
            sb.append("\n## Notes\n\n");
            r.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        sb.append("\n## Samples (central sections; rows: D input, GAN output of the same maps, simulator, S-test)\n\n");
        r.montages().forEach(m -> sb.append("![").append(m).append("](").append(m).append(")\n\n"));
        sb.append("## Definitions\n\n- **invariant features**: each volume z-scored, then its radial profile, log radial"
                + " power spectrum, skewness and kurtosis, standardised with the training set's statistics;"
                + " multinomial logistic regression with L2 penalty λ = " + r.settings().invariantLambda + ".\n");
        if (r.metrics() != null) {
            sb.append("- **CB3D**: the project's CB3D trainer with its default settings unless overridden (here: width "
                    + r.settings().classifier.baseChannels + ", fc " + r.settings().classifier.effectiveFcWidth()
                    + ", " + r.settings().classifier.epochs + " epochs), trained on every volume of the set.\n");
        }
        return sb.toString();
    }

    /**
     * The main table: per training set, its size and the S-test accuracy of each yardstick that was run (the CB3D
     * column only when CB3D was).
     */
    public static String accuracyTable(BenchmarkReport r) {
        boolean cb3d = r.metrics() != null;
        StringBuilder sb = new StringBuilder("| training set | n | invariant features |" + (cb3d ? " CB3D |" : "")
                + "\n|---|---:|---:|" + (cb3d ? "---:|" : "") + "\n");
        for (TrainingSetScore s : r.trainingSets()) {
            sb.append("| ").append(s.name()).append(" — ").append(s.description()).append(" | ").append(s.count())
                    .append(" | ").append(pct(s.invariantAccuracy())).append(" |");
            if (cb3d) {
                sb.append(' ').append(pct(s.cb3dAccuracy())).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void similarity(StringBuilder sb, BenchmarkReport r) {
        sb.append("CB3D trained on S-train is the feature network; PRDC k = ").append(r.settings().evaluation.prdcK)
                .append(", SSIM against ").append(r.settings().evaluation.ssimReferences)
                .append(" S-test volumes of the same class (full report in evaluation/).\n\n");
        sb.append("| set | FID | IS | precision | recall | density | coverage | SSIM |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SetScores s : r.metrics().sets()) {
            if (s.fid() == null && s.features() == null) {
                continue; // the ceiling row carries only its accuracy
            }
            Prdc.Result f = s.features();
            sb.append("| ").append(String.join(" | ", s.name(), num("%.4g", s.fid()),
                    s.inceptionScore() == null ? NONE : fmt("%.2f ± %.2f", s.inceptionScore().mean(),
                            s.inceptionScore().std()),
                    f == null ? NONE : fmt("%.3f", f.precision()), f == null ? NONE : fmt("%.3f", f.recall()),
                    f == null ? NONE : fmt("%.3f", f.density()), f == null ? NONE : fmt("%.3f", f.coverage()),
                    s.ssim() == null ? NONE : fmt("%.4f", s.ssim().mean()))).append(" |\n");
        }
    }

    private static String pct(Double a) {
        return a == null ? NONE : fmt("%.1f", 100 * a);
    }

    private static String num(String f, Double v) {
        return v == null ? NONE : fmt(f, v);
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
