package org.cryoetgan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cryoetgan.gan.classify.ClassifierFolder;
import org.cryoetgan.gan.classify.ClassifierTrainer;
import org.cryoetgan.gan.classify.TrainedClassifier;
import org.cryoetgan.gan.data.VolumeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cryoetgan-cli classifier train}: trains CB3D on labelled volumes and saves it in a folder. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the CB3D classifier on labelled volumes (one sub-folder per class, or --labels).",
            "Reports the accuracy on a held-out part after every epoch; saves " + ClassifierFolder.WEIGHTS + " and "
                + ClassifierFolder.DESCRIPTION + " in --out."})
final class ClassifierTrainCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, split = ",", paramLabel = "PATH",
            description = "Labelled volumes: MRC files or folders (searched recursively).")
    List<Path> data;

    @Option(names = "--labels", paramLabel = "CSV", description = "Optional CSV 'file,label'.")
    Path labels;

    @Option(names = "--validation", split = ",", paramLabel = "PATH",
            description = "Labelled volumes to report accuracy on after every epoch instead of a held-out part of"
                + " --data (then every --data volume trains).")
    List<Path> validation;

    @Option(names = "--validation-labels", paramLabel = "CSV", description = "Optional CSV 'file,label' for --validation.")
    Path validationLabels;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the trained classifier.")
    Path out;

    @Mixin
    ClassifierOptions options;

    @Override
    public Integer call() throws Exception {
        VolumeSet set = DataSets.read("labelled volumes", data, labels);
        VolumeSet check = validation == null ? null
                : DataSets.read("validation volumes", validation, validationLabels);
        if (check != null && check.box() != set.box()) {
            throw new IllegalArgumentException("--validation: volumes are " + check.box() + "³, --data volumes "
                    + set.box() + "³");
        }
        System.out.printf("training CB3D (width %d) on %d volumes of %d³ in classes %s%s%n", options.width,
                set.size(), set.box(), set.labels(),
                check == null ? "" : "; validating on " + check.size() + " volumes");
        ClassifierTrainer trainer = new ClassifierTrainer(options.settings(), r -> System.out.printf(
                "epoch %3d  loss %.4f  train acc %.3f  held-out acc %s%n", r.epoch(), r.loss(), r.trainAccuracy(),
                r.heldOutAccuracy() == null ? "-" : String.format("%.3f", r.heldOutAccuracy())));
        try (TrainedClassifier c = check == null ? trainer.train(set) : trainer.train(set, check)) {
            c.save(out);
            System.out.println("saved classifier (classes " + c.classes() + ") to " + out);
        }
        return 0;
    }
}
