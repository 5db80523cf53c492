package org.cryoetgan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.cryoetgan.gan.train.TrainingConfig;

/**
 * The table at the end of {@code train --help}: every setting of config.json (each has a {@code train} option of
 * the same name in dashed form, e.g. cycleWeight and --cycle-weight) with its value in each preset, read from the
 * presets themselves.
 */
final class PresetDefaults {

    static final List<String> PRESETS = List.of("paper", "reference-code", "demo");

    private PresetDefaults() {
    }

    /** The footer text: a heading and one line per setting. */
    static String table() {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> presets = new ArrayList<>();
        try {
            for (String p : PRESETS) {
                presets.add(json.readTree(TrainingConfig.preset(p).toJson()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder s = new StringBuilder("%nDefaults per preset (config.json setting: "
                + String.join(" | ", PRESETS) + "):%n");
        for (Iterator<String> keys = presets.get(0).fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (key.equals("preset")) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (JsonNode p : presets) {
                values.add(p.path(key).asText(p.path(key).toString()));
            }
            s.append(String.format("  %-20s %s%%n", key, String.join(" | ", values)));
        }
        return s.toString();
    }
}
