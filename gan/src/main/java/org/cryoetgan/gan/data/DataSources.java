package org.cryoetgan.gan.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a run's two domains come from, saved as {@code data.json} so that {@code --resume} reloads the same
 * data: either folders/files of MRC volumes (with an optional labels CSV) or the built-in demo.
 *
 * @param density       density-map files or folders (empty for the demo)
 * @param subtomograms  subtomogram files or folders (empty for the demo)
 * @param labels        optional CSV of file name → label
 * @param demoPerClass  volumes per class and domain of the demo (0 when real data are given)
 */
public record DataSources(List<String> density, List<String> subtomograms, String labels, int demoPerClass) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static DataSources demo(int perClass) {
        return new DataSources(List.of(), List.of(), null, perClass);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDemo() {
        return density.isEmpty();
    }

    /**
     * Both domains: {density maps, subtomograms}. Every file is read and checked before training starts.
     *
     * @param box  edge of the demo's volumes in voxels (files are read at their own size)
     * @param seed seed of the demo's orientations (unused for files)
     */
    public VolumeSet[] load(int box, long seed, PrintStream log) throws IOException {
        if (isDemo()) {
            DemoDataset demo = new DemoDataset(box, demoPerClass, seed);
            log.printf("demo data: %d classes (%s) x %d per domain, %d³ voxels of %.1f Å; subtomograms simulated"
                    + " with the traditional simulator (SNR 0.5, ±60° tilts, CTF, MTF)%n", demo.classes().size(),
                    String.join(", ", demo.classes()), demoPerClass, box, demo.voxelSize());
            long t0 = System.nanoTime();
            VolumeSet d = demo.densityMaps(null);
            VolumeSet s = demo.subtomograms(null);
            log.printf("demo data ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            return new VolumeSet[] {d, s};
        }
        if (subtomograms.isEmpty()) {
            throw new IllegalArgumentException("density maps were given but no subtomograms (--subtomograms)");
        }
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

    public static DataSources read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), DataSources.class);
    }
}
