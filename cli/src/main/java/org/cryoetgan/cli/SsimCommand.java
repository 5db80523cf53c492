package org.cryoetgan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cryoetgan.gan.metrics.Ssim;
import org.cryoetgan.gan.metrics.VolumeShape;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cryoetgan-cli metrics ssim A.mrc B.mrc}: the mean SSIM of two volumes (scikit-image's definition). */
@Command(name = "ssim", mixinStandardHelpOptions = true,
        description = {"Mean structural similarity of two volumes of the same shape, as scikit-image computes it:",
                "7^3 box window, K1 0.01, K2 0.03, sample covariance, border of 3 voxels left out."})
final class SsimCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A.mrc", description = "Reference volume.")
    Path first;

    @Parameters(index = "1", paramLabel = "B.mrc", description = "Volume to compare.")
    Path second;

    @Option(names = "--data-range", paramLabel = "R",
            description = "Intensity range R of the data (C1 = (0.01 R)^2, C2 = (0.03 R)^2). "
                    + "Default: max - min over both volumes.")
    Double dataRange;

    @Option(names = "--gaussian",
            description = "11^3 Gaussian window, sigma 1.5 (scikit-image gaussian_weights=True).")
    boolean gaussian;

    @Option(names = "--population-covariance",
            description = "Population instead of sample (co)variances (with --gaussian: Wang et al. 2004).")
    boolean populationCovariance;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final VolumeLoader loader;

    SsimCommand() {
        this(VolumeLoader.mrc());
    }

    SsimCommand(VolumeLoader loader) {
        this.loader = loader;
    }

    @Override
    public Integer call() throws IOException {
        VolumeLoader.Loaded a = loader.load(first);
        VolumeLoader.Loaded b = loader.load(second);
        if (!a.shape().equals(b.shape())) {
            throw new IllegalArgumentException(first + " and " + second + " differ in shape: " + a.shape() + " vs "
                    + b.shape());
        }
        double range = dataRange != null ? dataRange : Ssim.jointDataRange(a.voxels(), b.voxels());
        if (!(range > 0) || Double.isInfinite(range)) {
            throw new IllegalArgumentException((dataRange != null ? "--data-range" : "the data range of " + first
                    + " and " + second) + " must be positive and finite (got " + range + ")"
                    + (dataRange != null ? "" : "; pass --data-range"));
        }
        Ssim ssim = (gaussian ? Ssim.gaussian() : Ssim.scikitImageDefault()).withSampleCovariance(!populationCovariance);
        double value = ssim.mean(a.voxels(), b.voxels(), a.shape(), range);
        print(spec.commandLine().getOut(), ssim, value, range, a.shape());
        return 0;
    }

    private void print(PrintWriter out, Ssim ssim, double value, double range, VolumeShape shape) {
        if (json) {
            out.printf(Locale.ROOT, "{\"metric\":\"ssim\",\"value\":%s,\"window\":\"%s\",\"window_size\":%d,"
                            + "\"sample_covariance\":%b,\"data_range\":%s,\"shape\":[%d,%d,%d]}%n",
                    Double.toString(value), gaussian ? "gaussian" : "uniform", ssim.window().size(),
                    ssim.sampleCovariance(), Double.toString(range), shape.nx(), shape.ny(), shape.nz());
        } else {
            out.printf(Locale.ROOT, "SSIM %.6f  (%s window, %s covariance, data range %.6g, %s voxels)%n", value,
                    ssim.window(), ssim.sampleCovariance() ? "sample" : "population", range, shape);
        }
        out.flush();
    }
}
