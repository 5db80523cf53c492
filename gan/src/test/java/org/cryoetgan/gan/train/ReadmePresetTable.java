package org.cryoetgan.gan.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cryoetgan.gan.settings.PresetTable;

/**
 * The README's preset table, generated from {@link TrainingSettings} between two marker lines. Run {@link #main}
 * (or the test with {@code UPDATE_README=1} in the environment) to rewrite it after changing a setting.
 */
final class ReadmePresetTable {
    static final String START = "<!-- preset table: generated from TrainingSettings, see ReadmePresetTable -->";
    static final String END = "<!-- end of preset table -->";
    static final Path README = Path.of("../README.md");

    private ReadmePresetTable() {
    }

    /** The table as the settings define it. */
    static String generated() {
        return PresetTable.markdown(TrainingSettings.ALL);
    }

    /** The table now in {@code readme}'s text, between the markers. */
    static String current(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("README.md has no preset table markers " + START + " ... " + END);
        }
        return readme.substring(start + START.length() + 1, end);
    }

    /** {@code readme} with the generated table between the markers. */
    static String updated(String readme) {
        String now = current(readme);
        int at = readme.indexOf(START) + START.length() + 1;
        return readme.substring(0, at) + generated() + readme.substring(at + now.length());
    }

    /** Rewrites {@code ../README.md} (run from the gan folder) with the generated table. */
    public static void main(String[] args) throws IOException {
        Path readme = args.length > 0 ? Path.of(args[0]) : README;
        Files.writeString(readme, updated(Files.readString(readme, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
