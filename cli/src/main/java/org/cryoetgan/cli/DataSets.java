package org.cryoetgan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cryoetgan.gan.data.LabelTable;
import org.cryoetgan.gan.data.VolumeFiles;
import org.cryoetgan.gan.data.VolumeSet;

/**
 * Reads a labelled data set named on the command line: MRC files or folders. Labels come from the CSV given, else
 * from the label table {@code generate} writes into its output folder ({@code labels.csv} or {@code labels.star}),
 * else from each file's class sub-folder.
 */
final class DataSets {
    private DataSets() {
    }

    /**
     * @param domain what the volumes are, for messages ("real subtomograms")
     * @param labels optional CSV 'file,label'
     */
    static VolumeSet read(String domain, List<Path> paths, Path labels) throws IOException {
        Map<String, String> map = labels != null ? VolumeFiles.readLabels(labels) : generatedLabels(paths);
        return VolumeFiles.read(domain, paths, map);
    }

    private static Map<String, String> generatedLabels(List<Path> paths) throws IOException {
        if (paths.size() != 1 || !Files.isDirectory(paths.get(0))) {
            return null;
        }
        Map<String, String> byName = new HashMap<>();
        LabelTable.readLabels(paths.get(0)).forEach((file, label) -> byName.put(Path.of(file).getFileName().toString(),
                label));
        return byName.isEmpty() ? null : byName;
    }
}
