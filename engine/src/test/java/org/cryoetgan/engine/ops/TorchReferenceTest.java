package org.cryoetgan.engine.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.backend.PadMode;
import org.cryoetgan.engine.testing.TorchFixtures;
import org.cryoetgan.engine.testing.TorchFixtures.Case;
import org.cryoetgan.engine.testing.TorchFixtures.HostTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forward outputs and input/weight/bias gradients against PyTorch (float64 reference, see
 * {@code tools/torch_reference.py}). Criterion per tensor: {@code max|engine − torch| ≤ 1e-4 · max(max|torch|, 0.1)},
 * i.e. the largest absolute error relative to the tensor's scale; the floor of 0.1 only matters for a reference
 * that is zero up to rounding (the chain's bias before instance norm has an exactly zero gradient), which is then
 * held to 1e-5 absolute.
 */
class TorchReferenceTest {
    private static final double TOL = 1e-4;
    private static final double SCALE_FLOOR = 0.1;

    static Stream<Case> cases() {
        return TorchFixtures.load().stream();
    }

    @Test
    void theFixturesCoverTheRequiredOps() {
        List<String> ops = TorchFixtures.load().stream().map(c -> c.op).distinct().toList();
        for (String op : new String[] {"conv3d", "convTranspose3d", "instanceNorm3d", "pad3d", "leakyRelu", "tanh",
            "chain"}) {
            assertTrue(ops.contains(op), "no fixture for " + op);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(Case c) {
        try (Scope s = Scope.open()) {
            Map<String, Tensor> in = new LinkedHashMap<>();
            for (String name : c.inputs()) {
                HostTensor h = c.get(name);
                in.put(name, Tensor.of(h.data, h.shape).requiresGrad(true));
            }
            Tensor out = apply(c, in);
            compare(c, "out", out);
            out.backward(Tensor.of(c.get("gy").data, c.get("gy").shape));
            for (Map.Entry<String, Tensor> e : in.entrySet()) {
                compare(c, "grad_" + e.getKey(), e.getValue().grad());
            }
        }
    }

    private static Tensor apply(Case c, Map<String, Tensor> in) {
        Tensor x = in.get("x");
        switch (c.op) {
            case "conv3d":
                return Convolution.conv3d(x, in.get("weight"), in.get("bias"), c.ints("stride"), c.ints("padding"),
                        c.ints("dilation"));
            case "convTranspose3d":
                return Convolution.convTranspose3d(x, in.get("weight"), in.get("bias"), c.ints("stride"),
                        c.ints("padding"), c.ints("outputPadding"), c.ints("dilation"));
            case "instanceNorm3d":
                return Normalization.instanceNorm3d(x, in.get("gamma"), in.get("beta"),
                        (float) c.params.get("eps").asDouble());
            case "pad3d":
                return Padding.pad3d(x, PadMode.valueOf(c.params.get("mode").asText()), c.ints("pad"));
            case "leakyRelu":
                return x.leakyRelu((float) c.params.get("slope").asDouble());
            case "tanh":
                return x.tanh();
            case "chain": {
                Tensor h = Padding.pad3d(x, PadMode.REFLECT, c.ints("pad"));
                h = Convolution.conv3d(h, in.get("w1"), in.get("b1"), 1, 0);
                h = Normalization.instanceNorm3d(h, in.get("gamma"), in.get("beta"),
                        (float) c.params.get("eps").asDouble());
                h = h.relu();
                h = Convolution.convTranspose3d(h, in.get("w2"), in.get("b2"), 2, 1, 1);
                return h.tanh();
            }
            default:
                throw new IllegalArgumentException("fixture " + c.name + " has unknown op " + c.op);
        }
    }

    private static void compare(Case c, String name, Tensor actual) {
        HostTensor expected = c.get(name);
        if (actual == null) {
            fail(c.name + ": no " + name);
        }
        assertArrayEquals(expected.shape, actual.shape(), c.name + ": shape of " + name);
        float[] a = actual.toArray();
        double scale = 0;
        double worst = 0;
        int at = 0;
        for (int i = 0; i < a.length; i++) {
            scale = Math.max(scale, Math.abs(expected.data[i]));
            double d = Math.abs((double) a[i] - expected.data[i]);
            if (Double.isNaN(d) || d > worst) {
                worst = d;
                at = i;
                if (Double.isNaN(d)) {
                    break;
                }
            }
        }
        if (!(worst <= TOL * Math.max(scale, SCALE_FLOOR))) {
            fail(String.format("%s: %s differs from PyTorch by %.3g at element %d (%.7g vs %.7g), more than %.0e x "
                    + "scale %.4g", c.name, name, worst, at, a[at], expected.data[at], TOL, scale));
        }
    }
}
