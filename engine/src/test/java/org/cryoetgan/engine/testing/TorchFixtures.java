package org.cryoetgan.engine.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PyTorch reference fixtures written by {@code tools/torch_reference.py}: classpath resources
 * {@code /torch/index.json} and one little-endian float32 {@code <case>.bin} per case.
 */
public final class TorchFixtures {
    private static final String DIR = "/torch/";

    private TorchFixtures() {
    }

    /** One named host tensor of a case. */
    public static final class HostTensor {
        public final int[] shape;
        public final float[] data;

        HostTensor(int[] shape, float[] data) {
            this.shape = shape;
            this.data = data;
        }
    }

    /** One case: op name, parameters and tensors in file order (inputs, out, gy, then grad_&lt;input&gt;). */
    public static final class Case {
        public final String name;
        public final String op;
        public final JsonNode params;
        public final Map<String, HostTensor> tensors;

        Case(String name, String op, JsonNode params, Map<String, HostTensor> tensors) {
            this.name = name;
            this.op = op;
            this.params = params;
            this.tensors = tensors;
        }

        /** A tensor by name; throws if the fixture lacks it. */
        public HostTensor get(String tensor) {
            HostTensor t = tensors.get(tensor);
            if (t == null) {
                throw new IllegalArgumentException("fixture " + name + " has no tensor " + tensor);
            }
            return t;
        }

        /** Names of the inputs, in order: every tensor before {@code out}. */
        public List<String> inputs() {
            List<String> names = new ArrayList<>();
            for (String n : tensors.keySet()) {
                if (n.equals("out")) {
                    break;
                }
                names.add(n);
            }
            return names;
        }

        /** An integer-array parameter. */
        public int[] ints(String key) {
            JsonNode a = params.get(key);
            int[] v = new int[a.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = a.get(i).asInt();
            }
            return v;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** All cases of the committed index. */
    public static List<Case> load() {
        try {
            JsonNode index = new ObjectMapper().readTree(resource("index.json"));
            List<Case> cases = new ArrayList<>();
            for (JsonNode c : index.get("cases")) {
                ByteBuffer bytes = ByteBuffer.wrap(resource(c.get("file").asText()).readAllBytes())
                        .order(ByteOrder.LITTLE_ENDIAN);
                Map<String, HostTensor> tensors = new LinkedHashMap<>();
                for (JsonNode t : c.get("tensors")) {
                    int[] shape = new int[t.get("shape").size()];
                    int n = 1;
                    for (int i = 0; i < shape.length; i++) {
                        shape[i] = t.get("shape").get(i).asInt();
                        n *= shape[i];
                    }
                    float[] data = new float[n];
                    int offset = t.get("offset").asInt();
                    for (int i = 0; i < n; i++) {
                        data[i] = bytes.getFloat((offset + i) * Float.BYTES);
                    }
                    tensors.put(t.get("name").asText(), new HostTensor(shape, data));
                }
                cases.add(new Case(c.get("name").asText(), c.get("op").asText(), c.get("params"), tensors));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = TorchFixtures.class.getResourceAsStream(DIR + name);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + DIR + name
                    + " (regenerate with tools/torch_reference.py)");
        }
        return in;
    }
}
