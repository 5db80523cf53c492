package org.cryoetgan.gan.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;
import org.cryoetgan.gan.settings.Codec;
import org.cryoetgan.gan.settings.Codecs;
import org.cryoetgan.gan.sim.InputSimulation;

/**
 * The {@code inputSimulation} setting: null (the paper: clean maps) or the simulator's values, stored as a nested
 * JSON object. On the command line it is the switch {@code --simulate-input}; its values have options of their own.
 */
final class InputSimulationCodec implements Codec<InputSimulation> {
    private static final Set<String> FIELDS = Set.of("perMap", "snr", "defocusMinUm", "defocusMaxUm");

    @Override
    public InputSimulation parse(String text) {
        return Codecs.SWITCH.parse(text) ? InputSimulation.defaults() : null;
    }

    @Override
    public JsonNode toJson(InputSimulation v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) {
            return f.nullNode();
        }
        ObjectNode o = f.objectNode();
        o.put("perMap", v.perMap);
        o.put("snr", v.snr);
        o.put("defocusMinUm", v.defocusMinUm);
        o.put("defocusMaxUm", v.defocusMaxUm);
        return o;
    }

    @Override
    public InputSimulation fromJson(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected null or an object with " + FIELDS + ", got " + node);
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException("unknown field '" + key + "' (known: " + FIELDS + ")");
            }
        }
        InputSimulation s = InputSimulation.defaults();
        s.perMap = node.has("perMap") ? Codecs.INT.fromJson(node.get("perMap")) : s.perMap;
        s.snr = node.has("snr") ? Codecs.DOUBLE.fromJson(node.get("snr")) : s.snr;
        s.defocusMinUm = node.has("defocusMinUm") ? Codecs.DOUBLE.fromJson(node.get("defocusMinUm")) : s.defocusMinUm;
        s.defocusMaxUm = node.has("defocusMaxUm") ? Codecs.DOUBLE.fromJson(node.get("defocusMaxUm")) : s.defocusMaxUm;
        return s;
    }

    @Override
    public String show(InputSimulation v) {
        return v == null ? "off" : toJson(v).toString();
    }

    @Override
    public InputSimulation copy(InputSimulation v) {
        return v == null ? null : fromJson(toJson(v));
    }

    @Override
    public boolean isSwitch() {
        return true;
    }
}
