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
            "A WARNING line flags what makes a readable file unusable as input: NaN or infinite voxels, a voxel size"
                + " that is not positive, a non-finite origin, data beyond what the header describes.",
            "Exit status: 0 when every file was read without warnings; " + InspectCommand.UNREADABLE + " when any"
                + " file could not be read (the others are still reported); " + InspectCommand.WARNINGS + " when every"
                + " file was read but some printed a WARNING."})
final class InspectCommand implements Callable<Integer> {

    /** Exit status when a file could not be read. */
    static final int UNREADABLE = 1;

    /** Exit status when every file was read but some have warnings (2 is picocli's, for a bad command line). */
    static final int WARNINGS = 3;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "MRC files to inspect.")
    List<Path> files;

    @Option(names = "--json", description = "Print one JSON object per file, one per line.")
    boolean json;

    @Override
    public Integer call() {
        ObjectMapper mapper = new ObjectMapper();
        boolean unreadable = false;
        boolean warned = false;
        for (Path f : files) {
            try {
                MrcSummary s = MrcSummary.of(f, MrcReader.read(f));
                System.out.println(json ? mapper.writeValueAsString(s.toMap()) : s.toText());
                warned |= !s.defects().isEmpty();
            } catch (IOException e) {
                unreadable = true;
                System.err.println("error: " + e.getMessage());
                if (json) {
                    System.out.println("{\"file\":" + quote(mapper, f.toString()) + ",\"error\":" + quote(mapper, e.getMessage()) + "}");
                }
            }
        }
        return unreadable ? UNREADABLE : warned ? WARNINGS : 0;
    }

    private static String quote(ObjectMapper m, String s) {
        try {
            return m.writeValueAsString(s);
        } catch (IOException e) {
            return "\"?\"";
        }
    }
}
