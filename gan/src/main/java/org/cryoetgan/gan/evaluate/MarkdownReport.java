package org.cryoetgan.gan.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cryoetgan.gan.metrics.Prdc;

/** Renders an {@link EvaluationReport} as Markdown: a summary, the table (one row per data set), definitions, notes. */
public final class MarkdownReport {
    private static final String NONE = "–";

    private MarkdownReport() {
    }

    /**
     * @param montages file names of the sample montages to link (relative to the report), may be empty
     */
    public static String render(EvaluationReport r, List<String> montages) {
        StringBuilder sb = new StringBuilder();
        sb.append("# CryoETGAN evaluation\n\n");
        sb.append(String.format(Locale.ROOT, "Real data: %d volumes of %d³ voxels in classes %s.%n%n", r.realCount(),
                r.box(), r.realClasses()));
        sb.append("Classifier (CB3D): ").append(r.classifier());
        if (r.classifierHeldOutAccuracy() != null) {
            sb.append(String.format(Locale.ROOT, "; accuracy on its held-out real volumes %.1f%%",
                    100 * r.classifierHeldOutAccuracy()));
        }
        sb.append(".\n\n");
        sb.append("| data set | n | SSIM | SSIM nearest | precision | recall | density | coverage "
                + "| acc. gen→real (%) | acc. real→gen (%) | FID | IS | voxels P / R / D / C |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (SetScores s : rows(r)) {
            sb.append(row(s)).append('\n');
        }
        sb.append("\n").append(definitions(r.settings()));
        if (!r.notes().isEmpty()) {
            sb.append("\n## Notes\n\n");
            for (String n : r.notes()) {
                sb.append("- ").append(n).append('\n');
            }
        }
        if (!montages.isEmpty()) {
            sb.append("\n## Samples (central sections; rows: real, then each data set)\n\n");
            for (String m : montages) {
                sb.append("![").append(m).append("](").append(m).append(")\n\n");
            }
        }
        return sb.toString();
    }

    private static List<SetScores> rows(EvaluationReport r) {
        List<SetScores> all = new ArrayList<>(r.sets());
        all.add(0, r.real());
        return all;
    }

    private static String row(SetScores s) {
        Prdc.Result f = s.features();
        Prdc.Result v = s.voxels();
        String name = "real".equals(s.name()) ? "real (reference)" : s.name();
        return "| " + String.join(" | ", name, Integer.toString(s.count()),
                s.ssim() == null ? NONE : fmt("%.4f", s.ssim().mean()),
                s.ssim() == null ? NONE : fmt("%.4f", s.ssim().nearest()),
                f == null ? NONE : fmt("%.3f", f.precision()), f == null ? NONE : fmt("%.3f", f.recall()),
                f == null ? NONE : fmt("%.3f", f.density()), f == null ? NONE : fmt("%.3f", f.coverage()),
                pct(s.accuracyGeneratedToReal()), pct(s.accuracyRealToGenerated()),
                s.fid() == null ? NONE : fmt("%.3f", s.fid()),
                s.inceptionScore() == null ? NONE
                        : fmt("%.3f ± %.3f", s.inceptionScore().mean(), s.inceptionScore().std()),
                v == null ? NONE : fmt("%.2f / %.2f / %.2f / %.2f", v.precision(), v.recall(), v.density(),
                        v.coverage())) + " |";
    }

    private static String pct(Double a) {
        return a == null ? NONE : fmt("%.1f", 100 * a);
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }

    private static String definitions(EvaluationSettings s) {
        return "## Definitions\n\n"
                + "- **SSIM**: each volume z-scored on its own (clipped to ±3σ, mapped to [−1, 1]); scikit-image's SSIM "
                + "(7³ box window, K1 0.01, K2 0.03, sample covariance, data range 2) between each volume of the set "
                + "and up to " + s.ssimReferences + " real volumes of its class; **SSIM** averages the mean over "
                + "those references, **SSIM nearest** the best one (1 when every volume has an identical real twin).\n"
                + "- **precision, recall, density, coverage**: Naeem et al. 2020 with k = " + s.prdcK
                + " on the classifier's fc6 activations (real volumes as the reference manifold); **voxels P / R / D / "
                + "C**: the same on the z-scored voxels.\n"
                + "- **acc. gen→real**: a CB3D classifier with the same settings trained on this set, tested on all "
                + "real volumes (the data-augmentation use case); **acc. real→gen**: the evaluation classifier "
                + "(trained on real volumes) tested on this set, as the public reference code measured.\n"
                + "- **FID**: Fréchet distance between Gaussians fitted to the fc6 activations of this set and of "
                + "the real volumes; **IS**: Inception Score of the classifier's softmax on this set (mean ± std over "
                + "up to " + s.inceptionSplits + " splits of the volumes in a seeded random order; between 1 and the "
                + "number of classes).\n";
    }
}
