package org.cryoetgan.nn.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryoetgan.engine.Backends;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.LoadReport;
import org.cryoetgan.nn.Module;
import org.cryoetgan.nn.optim.Optimizer;
import org.cryoetgan.nn.optim.OptimizerState;

/**
 * A training checkpoint in one safetensors file, written atomically: the state of several named modules
 * (tensor names {@code <module>.<state name>}, e.g. {@code G_ds.encoder.1.weight}), the state of named
 * optimizers (tensors {@code optimizer/<name>/<param index>.<slot>}) and a JSON metadata block. The
 * {@code __metadata__} map holds {@code format} ({@value #FORMAT}), {@code modules} (a JSON list of names),
 * {@code optimizers} (a JSON object of each optimizer's counters) and {@code metadata} (the caller's JSON).
 */
public final class Checkpoint {
    public static final String FORMAT = "cryoetgan-checkpoint/1";
    private static final String OPT_PREFIX = "optimizer/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final SafeTensorsFile content;
    private final List<String> modules;
    private final JsonNode optimizers;
    private final JsonNode metadata;

    private Checkpoint(Path file, SafeTensorsFile content, List<String> modules, JsonNode optimizers,
                       JsonNode metadata) {
        this.file = file;
        this.content = content;
        this.modules = modules;
        this.optimizers = optimizers;
        this.metadata = metadata;
    }

    /**
     * Writes modules, optimizers and metadata (any Jackson-serialisable value, e.g. a map or a record) to
     * {@code file} atomically.
     */
    public static void save(Path file, Map<String, ? extends Module> modules, Map<String, ? extends Optimizer> optimizers,
                            Object metadata) throws IOException {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends Module> e : modules.entrySet()) {
            checkName(e.getKey());
            tensors.putAll(StateTransfer.toHost(e.getValue(), e.getKey() + "."));
        }
        ObjectNode counters = JSON.createObjectNode();
        for (Map.Entry<String, ? extends Optimizer> e : optimizers.entrySet()) {
            checkName(e.getKey());
            OptimizerState st = e.getValue().exportState();
            st.tensors().forEach((k, t) -> tensors.put(OPT_PREFIX + e.getKey() + "/" + k, HostTensor.of(t)));
            ObjectNode c = counters.putObject(e.getKey());
            new java.util.TreeMap<>(st.counters()).forEach(c::put); // sorted: identical files from run to run
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("modules", JSON.writeValueAsString(new ArrayList<>(modules.keySet())));
        meta.put("optimizers", JSON.writeValueAsString(counters));
        meta.put("metadata", JSON.writeValueAsString(metadata == null ? JSON.createObjectNode() : metadata));
        SafeTensors.write(file, tensors, meta);
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.contains("/") || name.contains(".")) {
            throw new IllegalArgumentException("checkpoint entry names must be non-empty without '/' or '.', got '"
                    + name + "'");
        }
    }

    /** Reads and validates a checkpoint. */
    public static Checkpoint open(Path file) throws IOException {
        SafeTensorsFile content = SafeTensors.read(file);
        Map<String, String> meta = content.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new CheckpointFormatException(file, "not a cryoetgan checkpoint (format '" + meta.get("format")
                    + "', expected '" + FORMAT + "')");
        }
        try {
            List<String> modules = new ArrayList<>();
            JSON.readTree(meta.getOrDefault("modules", "[]")).forEach(n -> modules.add(n.asText()));
            JsonNode optimizers = JSON.readTree(meta.getOrDefault("optimizers", "{}"));
            JsonNode metadata = JSON.readTree(meta.getOrDefault("metadata", "{}"));
            return new Checkpoint(file, content, List.copyOf(modules), optimizers, metadata);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CheckpointFormatException(file, "invalid JSON in the checkpoint metadata: "
                    + e.getOriginalMessage());
        }
    }

    public Path file() {
        return file;
    }

    /** The caller's metadata block. */
    public JsonNode metadata() {
        return metadata;
    }

    public List<String> moduleNames() {
        return modules;
    }

    public List<String> optimizerNames() {
        List<String> names = new ArrayList<>();
        optimizers.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The module's tensors as stored, without the prefix. */
    public Map<String, HostTensor> moduleState(String name) throws CheckpointFormatException {
        if (!modules.contains(name)) {
            throw new CheckpointFormatException(file, "no module '" + name + "' (has " + modules + ")");
        }
        return withPrefix(name + ".");
    }

    /** Loads the stored state of module {@code name} into {@code module} (see {@link Module#loadStateDict}). */
    public LoadReport restoreModule(String name, Module module, boolean strict) throws CheckpointFormatException {
        return StateTransfer.load(file, moduleState(name), module, strict);
    }

    /** Replaces {@code optimizer}'s state with the stored state of optimizer {@code name}. */
    public void restoreOptimizer(String name, Optimizer optimizer) throws CheckpointFormatException {
        JsonNode c = optimizers.get(name);
        if (c == null || !c.isObject()) {
            throw new CheckpointFormatException(file, "no optimizer '" + name + "' (has " + optimizerNames() + ")");
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = c.properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            counters.put(e.getKey(), e.getValue().asLong());
        }
        try (Scope s = Scope.open()) {
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            withPrefix(OPT_PREFIX + name + "/").forEach((k, h) -> tensors.put(k, h.toTensor(Backends.getDefault())));
            optimizer.loadState(new OptimizerState(tensors, counters));
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(file, "optimizer '" + name + "': " + e.getMessage());
        }
    }

    private Map<String, HostTensor> withPrefix(String prefix) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        content.tensors().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
