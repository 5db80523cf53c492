package org.cryoetgan.gan.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cryoetgan.gan.data.LabelTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelFileTest {

    private static final List<LabelTable.Column> COLUMNS = List.of(new LabelTable.Column("file", "rlnImageName"),
            new LabelTable.Column("label", "cryoetganLabel"));

    @TempDir
    Path dir;

    @Test
    void eachRowIsOnDiskAsSoonAsItIsAddedAndTheFileMatchesAWholeTableWrite() throws IOException {
        for (String name : new String[] {"labels.csv", "labels.star"}) {
            Path file = dir.resolve(name);
            LabelTable whole = new LabelTable(COLUMNS);
            try (LabelFile f = LabelFile.create(file, COLUMNS)) {
                f.add("a.mrc", "with space");
                whole.add("a.mrc", "with space");
                assertEquals(List.of("a.mrc"), LabelledFolder.listedFiles(file), "before the file is closed");
                f.add("b.mrc", "x,y");
                whole.add("b.mrc", "x,y");
            }
            Path written = dir.resolve("whole-" + name);
            whole.write(written);
            assertEquals(Files.readString(written), Files.readString(file), name);
        }
    }

    @Test
    void appendingContinuesATableOfTheSameColumnsAndEndsARowCutShort() throws IOException {
        Path file = dir.resolve("labels.csv");
        try (LabelFile f = LabelFile.create(file, COLUMNS)) {
            f.add("a.mrc", "a");
        }
        Files.writeString(file, "half", java.nio.file.StandardOpenOption.APPEND);
        try (LabelFile f = LabelFile.append(file, COLUMNS)) {
            f.add("b.mrc", "b");
            assertEquals(1, f.table().size(), "the table holds this object's rows");
        }
        assertEquals(List.of("file,label", "a.mrc,a", "half", "b.mrc,b"), Files.readAllLines(file));
        try (LabelFile f = LabelFile.append(dir.resolve("new.star"), COLUMNS)) {
            f.add("c.mrc", "c");
        }
        assertEquals(List.of("c.mrc"), LabelledFolder.listedFiles(dir.resolve("new.star")), "created when missing");
    }

    @Test
    void appendingToATableOfOtherColumnsIsRefusedByName() throws IOException {
        Path file = Files.writeString(dir.resolve("labels.csv"), "file,label,rot\na.mrc,a,1\n");
        IOException e = assertThrows(IOException.class, () -> LabelFile.append(file, COLUMNS));
        assertTrue(e.getMessage().startsWith(file + " is not a label table of the columns file, label"),
                e.getMessage());
        assertEquals("file,label,rot\na.mrc,a,1\n", Files.readString(file), "left as it was");
    }
}
