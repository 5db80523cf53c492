package org.cryoetgan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cryoetgan.gan.mrc.MrcReader;
import org.cryoetgan.gan.mrc.MrcSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cryoetgan-cli inspect FILE...}: header and statistics of MRC files. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Print the header and statistics of MRC/CCP4 files (plain or .gz): size, mode, voxel size (Å), "
                + "origin (Å), axis order, byte order, and min, max, mean, rms of the data.",
            "Exit status 1 if any file could not be read (the others are still reported)."})
final class InspectCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "MRC files to inspect.")
    List<Path> files;

    @Option(names = "--json", description = "Print one JSON object per file, one per line.")
    boolean json;

    @Override
    public Integer call() {
        ObjectMapper mapper = new ObjectMapper();
        int status = 0;
        for (Path f : files) {
            try {
                MrcSummary s = MrcSummary.of(f, MrcReader.read(f));
                System.out.println(json ? mapper.writeValueAsString(s.toMap()) : s.toText());
            } catch (IOException e) {
                status = 1;
                System.err.println("error: " + e.getMessage());
                if (json) {
                    System.out.println("{\"file\":" + quote(mapper, f.toString()) + ",\"error\":" + quote(mapper, e.getMessage()) + "}");
                }
            }
        }
        return status;
    }

    private static String quote(ObjectMapper m, String s) {
        try {
            return m.writeValueAsString(s);
        } catch (IOException e) {
            return "\"?\"";
        }
    }
}
