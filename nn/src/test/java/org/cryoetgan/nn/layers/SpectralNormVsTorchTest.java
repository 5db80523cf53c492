package org.cryoetgan.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryoetgan.engine.Backends;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.TorchFixtures;
import org.cryoetgan.nn.io.SafeTensorsFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spectral norm against torch.nn.utils.spectral_norm from the same u (tools/torch_nn_reference.py). */
class SpectralNormVsTorchTest {
    private static final SafeTensorsFile FIX = TorchFixtures.load("spectral_norm.safetensors");
    private static final double TOL = 1e-5;
    static double worst;

    @AfterAll
    static void report() {
        System.out.println("spectral norm vs torch: max relative error " + worst);
    }

    private static WeightedLayer layer(String name) {
        RandomGenerator rng = new RandomGenerator(1);
        return switch (name) {
            case "conv" -> new Conv3d(3, 6, 2, 1, 0, true, rng);
            case "linear" -> new Linear(7, 5, true, rng);
            case "convt" -> new ConvTranspose3d(3, 6, 2, 1, 0, 0, true, rng);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static void check(String what, String key, float[] actual) {
        worst = Math.max(worst, TorchFixtures.assertClose(FIX.tensors().get(key).data(), actual, TOL, what));
    }

    @ParameterizedTest
    @ValueSource(strings = {"conv", "linear", "convt"})
    void powerIterationSigmaWeightAndGradientMatchTorch(String name) {
        try (SpectralNorm sn = new SpectralNorm(layer(name), new RandomGenerator(2)); Scope s = Scope.open()) {
            assertEquals(List.of("weight_orig", "weight_u", "weight_v", "bias"), List.copyOf(sn.stateDict().keySet()));
            Map<String, Tensor> state = new LinkedHashMap<>();
            for (String k : List.of("weight_orig", "bias", "weight_u", "weight_v")) {
                state.put(k, FIX.tensors().get(name + "." + k).toTensor(Backends.getDefault()));
            }
            sn.loadStateDict(state, true);
            for (int k = 1; k <= 3; k++) {
                Tensor w = sn.normalizedWeight();
                check(name + " u" + k, name + ".u" + k, sn.u().toArray());
                check(name + " v" + k, name + ".v" + k, sn.v().toArray());
                check(name + " sigma" + k, name + ".sigma" + k, new float[] {sn.currentSigma()});
                check(name + " W/sigma" + k, name + ".weight" + k, w.toArray());
                if (k == 3) {
                    Tensor r = FIX.tensors().get(name + ".R").toTensor(Backends.getDefault());
                    w.mul(r).sum().backward();
                    check(name + " grad", name + ".grad_weight_orig", sn.layer().weight().grad().toArray());
                }
            }
            sn.eval();
            float[] u = sn.u().toArray();
            check(name + " eval W", name + ".weight_eval", sn.normalizedWeight().toArray());
            assertArrayEquals(u, sn.u().toArray(), "no power iteration in eval mode");
            check(name + " eval u", name + ".u_eval", sn.u().toArray());
        }
    }
}
