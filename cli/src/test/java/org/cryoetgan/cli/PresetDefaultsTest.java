package org.cryoetgan.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import org.cryoetgan.gan.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class PresetDefaultsTest {

    @Test
    void trainHelpListsEverySettingWithItsValueInEachPreset() throws Exception {
        String help = Main.commandLine().getSubcommands().get("train").getUsageMessage();
        assertTrue(help.contains("Defaults per preset (config.json setting: paper | reference-code | demo):"), help);
        JsonNode paper = new ObjectMapper().readTree(TrainingConfig.preset("paper").toJson());
        JsonNode reference = new ObjectMapper().readTree(TrainingConfig.preset("reference-code").toJson());
        JsonNode demo = new ObjectMapper().readTree(TrainingConfig.preset("demo").toJson());
        int rows = 0;
        for (Iterator<String> keys = paper.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (key.equals("preset")) {
                continue;
            }
            String line = String.format("  %-20s %s | %s | %s", key, paper.get(key).asText(),
                    reference.get(key).asText(), demo.get(key).asText());
            assertTrue(help.contains(line + System.lineSeparator()), () -> "missing: " + line + "\n" + help);
            rows++;
        }
        assertTrue(rows >= 25, "rows " + rows);
        assertTrue(help.contains("  cycleWeight          10.0 | 100.0 | 10.0"), help);
    }
}
