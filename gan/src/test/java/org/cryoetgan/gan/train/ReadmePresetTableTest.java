package org.cryoetgan.gan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ReadmePresetTableTest {
    @Test
    void theReadmesPresetTableIsTheOneTheSettingsDefine() throws Exception {
        if ("1".equals(System.getenv("UPDATE_README"))) {
            ReadmePresetTable.main(new String[0]);
        }
        String readme = Files.readString(ReadmePresetTable.README, StandardCharsets.UTF_8);
        assertEquals(ReadmePresetTable.generated(), ReadmePresetTable.current(readme),
                "README.md's preset table is stale: run the test with UPDATE_README=1 (or ReadmePresetTable.main)");
    }
}
