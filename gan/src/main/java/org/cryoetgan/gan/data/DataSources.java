package org.cryoetgan.gan.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a run's two domains come from, saved as {@code data.json} so that {@code --resume} reloads the same
 * data: folders/files of MRC volumes with an optional labels CSV. A demo run (train without data) names the folders
 * of the demo's data set, which the demo wrote into the run folder, and that folder as {@code demoData}.
 *
 * @param density       density-map files or folders
 * @param subtomograms  subtomogram files or folders
 * @param labels        optional CSV of file name → label
 * @param demoData      the demo's data folder (D/, S-train/, S-test/) for a demo run, else null
 */
public record DataSources(List<String> density, List<String> subtomograms, String labels, String demoData) {

    /** Refuses sources with only one of the two domains. */
    public DataSources {
        density = List.copyOf(density);
        subtomograms = List.copyOf(subtomograms);
        if (density.isEmpty() || subtomograms.isEmpty()) {
            throw new IllegalArgumentException(density.isEmpty()
                    ? "subtomograms were given but no density maps (--density)"
                    : "density maps were given but no subtomograms (--subtomograms)");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A demo run's sources: the maps in {@code density}, the subtomograms in {@code subtomograms}, below {@code root}. */
    public static DataSources demo(Path root, Path density, Path subtomograms) {
        return new DataSources(List.of(density.toString()), List.of(subtomograms.toString()), null, root.toString());
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDemo() {
        return demoData != null;
    }

    /** Both domains: {density maps, subtomograms}. Every file is read and checked before training starts. */
    public VolumeSet[] load() throws IOException {
        Map<String, String> labelMap = labels == null ? null : VolumeFiles.readLabels(Path.of(labels));
        VolumeSet d = VolumeFiles.read("density maps", paths(density), labelMap);
        VolumeSet s = VolumeFiles.read("subtomograms", paths(subtomograms), labelMap);
        return new VolumeSet[] {d, s};
    }

    private static List<Path> paths(List<String> names) {
        return names.stream().map(Path::of).toList();
    }

    public void write(Path file) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(this);
        org.cryoetgan.nn.io.AtomicFiles.write(file, o -> o.write(bytes));
    }

    /** Reads a data.json; one written by an older version (whose demo simulated its subtomograms) is refused. */
    public static DataSources read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), DataSources.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not a data.json of this version (" + e.getOriginalMessage() + ")", e);
        }
    }
}
