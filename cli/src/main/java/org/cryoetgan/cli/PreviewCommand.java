package org.cryoetgan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cryoetgan.gan.mrc.MrcReader;
import org.cryoetgan.gan.viz.Montage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cryoetgan-cli preview FILE... --out montage.png}: central slices of volumes in one PNG. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Write a PNG montage of the central XY, XZ and YZ slices of each volume (one row per file), "
                + "with a grey window from percentiles of each volume, like the paper's Figures 2 and 3.")
final class PreviewCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "MRC files (the first volume of a stack is shown).")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "Output PNG.")
    Path out;

    @Option(names = "--low", defaultValue = "1", description = "Lower percentile of the grey window (default ${DEFAULT-VALUE}).")
    double low;

    @Option(names = "--high", defaultValue = "99", description = "Upper percentile of the grey window (default ${DEFAULT-VALUE}).")
    double high;

    @Option(names = "--panel", defaultValue = "120", description = "Minimum panel size in pixels (default ${DEFAULT-VALUE}).")
    int panel;

    @picocli.CommandLine.Mixin
    OverwriteOption overwrite = new OverwriteOption();

    @Override
    public Integer call() throws IOException {
        OptionChecks.between("--low", low, 0, 100);
        OptionChecks.between("--high", high, 0, 100);
        if (!(low < high)) {
            throw new IllegalArgumentException("--low (" + low + ") must be below --high (" + high + ")");
        }
        OptionChecks.between("--panel", panel, 1, 4096);
        OutputTargets.checkFile(out, overwrite.overwrite);
        List<Montage.Entry> entries = new ArrayList<>();
        for (Path f : files) {
            entries.add(new Montage.Entry(f.getFileName().toString(), MrcReader.readVolume(f)));
        }
        new Montage(low, high, panel).write(out, entries);
        System.out.println("wrote " + out);
        return 0;
    }
}
