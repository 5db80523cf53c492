package org.cryoetgan.gan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryoetgan.engine.Backends;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.Module;
import org.cryoetgan.nn.io.HostTensor;
import org.cryoetgan.nn.io.SafeTensorsFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The production generator {@code G_ds} and critic {@code D_A} of a {@link CycleWgan} against the same networks
 * in PyTorch, with the weights Java wrote under the model's state names (cycle_wgan.safetensors) and PyTorch's
 * outputs and gradients (cycle_wgan_expected.safetensors, tools/torch_nn_reference.py).
 */
class CycleWganVsTorchTest {
    private static final SafeTensorsFile IN = TorchFixtures.load("cycle_wgan.safetensors");
    private static final SafeTensorsFile EXP = TorchFixtures.load("cycle_wgan_expected.safetensors");
    private static final double TOL = 1e-4;
    static final Map<String, Double> ERRORS = new LinkedHashMap<>();
    static final List<String> ZEROS = new ArrayList<>();

    @AfterAll
    static void report() {
        ERRORS.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(6)
                .forEach(e -> System.out.println("cycle wgan vs torch: " + e.getKey() + " rel. err " + e.getValue()));
        System.out.println("cycle wgan vs torch: zero gradients on both sides: " + ZEROS);
    }

    private static Tensor input(String name) {
        return IN.tensors().get("input." + name).toTensor(Backends.getDefault());
    }

    private static void load(Module m, String prefix) {
        Map<String, Tensor> state = new LinkedHashMap<>();
        IN.tensors().forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                state.put(k.substring(prefix.length()), v.toTensor(Backends.getDefault()));
            }
        });
        assertTrue(m.loadStateDict(state, true).isClean());
    }

    /**
     * Norm-wise relative error {@code max|a − e| / max|e|} of a tensor. Gradients whose reference is below
     * {@code zeroLevel} everywhere are true zeros (conv biases followed by instance norm: the norm removes
     * them), where both sides hold only rounding noise; for those, Java must be below that level too.
     */
    private static void compare(String what, float[] expected, float[] actual, double zeroLevel) {
        TorchFixtures.MaxErrors e = TorchFixtures.maxErrors(what, expected, actual);
        if (e.scale() < zeroLevel) {
            ZEROS.add(what);
            assertTrue(e.actualMax() < zeroLevel, what + ": expected a zero gradient, got max " + e.actualMax());
            return;
        }
        double err = e.relative();
        ERRORS.put(what, err);
        assertTrue(err <= TOL, what + ": relative error " + err);
    }

    private static double zeroLevel(String prefix) {
        double max = 0;
        for (Map.Entry<String, HostTensor> e : EXP.tensors().entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                for (float f : e.getValue().data()) {
                    max = Math.max(max, Math.abs(f));
                }
            }
        }
        return 1e-5 * max;
    }

    private static float[] expected(String key) {
        HostTensor t = EXP.tensors().get(key);
        assertTrue(t != null, "the reference has no " + key);
        return t.data();
    }

    @Test
    void theFixtureHoldsTheModelsOwnStateNames() {
        try (CycleWgan m = TorchParity.model(7)) {
            List<String> names = new ArrayList<>();
            m.stateDict().keySet().stream()
                    .filter(k -> k.startsWith(TorchParity.GENERATOR) || k.startsWith(TorchParity.CRITIC))
                    .forEach(names::add);
            List<String> stored = new ArrayList<>(IN.tensors().keySet());
            stored.removeIf(k -> k.startsWith("input."));
            assertEquals(names, stored);
        }
    }

    @Test
    void generatorOutputAndGradientsMatchTorch() {
        try (CycleWgan m = TorchParity.model(7); Scope s = Scope.open()) {
            CycleGenerator g = m.densityToSubtomogram();
            load(g, TorchParity.GENERATOR);
            g.train();
            Tensor x = input("x");
            Tensor noise = input("noise");
            assertArrayEquals(noise.toArray(), Tensor.randn(TorchParity.noiseStream(), noise.shape()).toArray(),
                    "the noise channel PyTorch was given is the one the generator draws");
            Tensor y = g.forward(x, TorchParity.noiseStream());
            compare("G_ds output", expected("G_ds.output"), y.toArray(), 0);
            y.mul(input("gen_R")).sum().backward();
            double zero = zeroLevel("G_ds.grad.");
            g.namedParameters().forEach((k, p) -> compare("G_ds grad " + k, expected("G_ds.grad." + k),
                    p.grad().toArray(), zero));
            assertEquals(20, g.namedParameters().size());
        }
    }

    @Test
    void criticWithSpectralNormMatchesTorch() {
        try (CycleWgan m = TorchParity.model(8); Scope s = Scope.open()) {
            PatchCritic d = m.subtomogramCritic();
            load(d, TorchParity.CRITIC);
            d.train();
            Tensor y = d.forward(input("critic_x"));
            compare("D_A output", expected("D_A.output"), y.toArray(), 0);
            y.mul(input("critic_R")).sum().backward();
            double zero = zeroLevel("D_A.grad.");
            d.namedParameters().forEach((k, p) -> compare("D_A grad " + k, expected("D_A.grad." + k),
                    p.grad().toArray(), zero));
            d.namedBuffers().forEach((k, b) -> compare("D_A buffer " + k, expected("D_A.after." + k),
                    b.toArray(), 0));
            assertEquals(4, d.namedBuffers().size() / 2, "u and v of four spectral-normed convolutions");
        }
    }
}
