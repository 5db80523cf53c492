package org.cryoetgan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cryoetgan.gan.data.VolumeFiles;
import org.cryoetgan.gan.data.VolumeSet;

/** Reads a labelled data set named on the command line: MRC files or folders, labels from class folders or a CSV. */
final class DataSets {
    private DataSets() {
    }

    /**
     * @param domain what the volumes are, for messages ("real subtomograms")
     * @param labels optional CSV 'file,label'; without it, each file's class sub-folder names its label
     */
    static VolumeSet read(String domain, List<Path> paths, Path labels) throws IOException {
        return VolumeFiles.read(domain, paths, labels == null ? null : VolumeFiles.readLabels(labels));
    }
}
