package org.cryoetgan.gan.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cryoetgan.gan.data.Normalization;
import org.cryoetgan.gan.data.ShapeVolumes;
import org.cryoetgan.gan.data.VolumeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierFolderTest {

    @Test
    void aSavedClassifierLoadsBackWithIdenticalOutputs(@TempDir Path dir) throws IOException {
        ClassifierSettings s = ClassifierTrainerTest.tiny();
        s.epochs = 2;
        s.normalization = Normalization.GLOBAL_ZSCORE;
        VolumeSet data = ShapeVolumes.set(12, 4, 0.3, 7);
        try (TrainedClassifier c = new ClassifierTrainer(s).train(data)) {
            c.save(dir);
            assertTrue(Files.size(dir.resolve(ClassifierFolder.WEIGHTS)) > 1000);
            try (TrainedClassifier back = TrainedClassifier.load(dir)) {
                assertEquals(c.classes(), back.classes());
                assertEquals(c.history(), back.history());
                assertEquals(c.model().architecture(), back.model().architecture());
                assertEquals(Normalization.GLOBAL_ZSCORE, back.scaler().mode());
                assertEquals(c.scaler().mean(), back.scaler().mean(), 0);
                assertEquals(c.scaler().std(), back.scaler().std(), 0);
                Predictions a = c.predict(data);
                Predictions b = back.predict(data);
                for (int i = 0; i < data.size(); i++) {
                    assertArrayEquals(a.features()[i], b.features()[i], 0f);
                    assertArrayEquals(a.probabilities()[i], b.probabilities()[i], 0);
                }
            }
        }
    }

    @Test
    void aFolderWithoutAClassifierGivesAClearError(@TempDir Path dir) throws IOException {
        IOException missing = assertThrows(IOException.class, () -> TrainedClassifier.load(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
        Files.writeString(dir.resolve(ClassifierFolder.DESCRIPTION), "{}");
        IOException notOne = assertThrows(IOException.class, () -> TrainedClassifier.load(dir));
        assertTrue(notOne.getMessage().contains("not a classifier folder"), notOne.getMessage());
    }
}
