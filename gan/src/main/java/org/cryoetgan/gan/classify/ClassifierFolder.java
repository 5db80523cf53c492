package org.cryoetgan.gan.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.gan.data.ScalerSpec;
import org.cryoetgan.nn.io.AtomicFiles;
import org.cryoetgan.nn.io.WeightsFile;

/**
 * The on-disk form of a {@link TrainedClassifier}: a folder with {@value #WEIGHTS} (the network's state as plain
 * safetensors, so it opens in PyTorch) and {@value #DESCRIPTION} (format, class names in output order,
 * architecture, settings, normalisation and training history).
 */
public final class ClassifierFolder {
    public static final String WEIGHTS = "weights.safetensors";
    public static final String DESCRIPTION = "classifier.json";
    public static final String FORMAT = "cryoetgan-classifier/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The content of {@value #DESCRIPTION}. */
    public record Description(String format, List<String> classes, Cb3dArchitecture architecture,
                              ClassifierSettings settings, ScalerSpec normalization, List<EpochReport> history) {
    }

    private ClassifierFolder() {
    }

    static void save(Path dir, TrainedClassifier c) throws IOException {
        Files.createDirectories(dir);
        WeightsFile.save(dir.resolve(WEIGHTS), c.model(), Map.of("format", FORMAT));
        Description d = new Description(FORMAT, c.classes(), c.model().architecture(), c.settings(),
                ScalerSpec.of(c.scaler()), c.history());
        byte[] json = JSON.writeValueAsBytes(d);
        AtomicFiles.write(dir.resolve(DESCRIPTION), o -> o.write(json));
    }

    static TrainedClassifier load(Path dir) throws IOException {
        Path desc = dir.resolve(DESCRIPTION);
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no such classifier folder");
        }
        if (!Files.isRegularFile(desc) || !Files.isRegularFile(dir.resolve(WEIGHTS))) {
            throw new IOException(dir + ": not a classifier folder (expected " + DESCRIPTION + " and " + WEIGHTS + ")");
        }
        Description d;
        try {
            d = JSON.readValue(desc.toFile(), Description.class);
        } catch (JsonProcessingException e) {
            throw new IOException(desc + ": not a valid classifier description: " + e.getOriginalMessage());
        }
        if (!FORMAT.equals(d.format())) {
            throw new IOException(desc + ": format '" + d.format() + "', expected '" + FORMAT + "'");
        }
        if (d.architecture() == null || d.classes() == null || d.settings() == null || d.normalization() == null
                || d.normalization().mode() == null) {
            throw new IOException(desc + ": missing architecture, classes, settings or normalization");
        }
        Cb3d model = Scope.unscoped(() -> new Cb3d(d.architecture(), new RandomGenerator(d.settings().seed)));
        try {
            WeightsFile.load(dir.resolve(WEIGHTS), model, true);
            return new TrainedClassifier(model, d.classes(), d.normalization().toScaler(), d.settings(),
                    d.history() == null ? List.of() : d.history());
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
