package org.cryoetgan.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cryoetgan.gan.classify.ConfusionMatrix;
import org.cryoetgan.gan.classify.TrainedClassifier;
import org.cryoetgan.gan.data.VolumeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cryoetgan-cli classifier eval}: accuracy and confusion matrix of a saved classifier on labelled volumes. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Apply a saved CB3D classifier to labelled volumes; print accuracy and the confusion matrix.")
final class ClassifierEvalCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Folder written by 'classifier train'.")
    Path model;

    @Option(names = "--data", required = true, split = ",", paramLabel = "PATH",
            description = "Labelled volumes: MRC files or folders.")
    List<Path> data;

    @Option(names = "--labels", paramLabel = "CSV", description = "Optional CSV 'file,label'.")
    Path labels;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (TrainedClassifier c = TrainedClassifier.load(model)) {
            VolumeSet set = DataSets.read("labelled volumes", data, labels);
            ConfusionMatrix m = c.evaluate(set);
            if (json) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(m.toMap()));
            } else {
                System.out.printf("accuracy %.4f (%d volumes)%n%n%s", m.accuracy(), m.total(), m.render());
            }
        }
        return 0;
    }
}
