package org.cryoetgan.gan.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.io.HostTensor;
import org.cryoetgan.nn.io.SafeTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes gan/src/test/resources/torch/cycle_wgan.safetensors: the initial weights of {@code G_ds} and
 * {@code D_A} of a {@link CycleWgan} in {@link TorchParity}'s configuration, under the model's state names, plus
 * the inputs, for {@code tools/torch_nn_reference.py nets} to run in PyTorch. Runs only with
 * {@code -Dcryoetgan.writeFixtures=true}.
 */
class WriteCycleWganFixture {

    @Test
    @EnabledIfSystemProperty(named = "cryoetgan.writeFixtures", matches = "true")
    void write() throws Exception {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        try (CycleWgan m = TorchParity.model(101); Scope s = Scope.open()) {
            m.stateDict().forEach((k, t) -> {
                if (k.startsWith(TorchParity.GENERATOR) || k.startsWith(TorchParity.CRITIC)) {
                    out.put(k, HostTensor.of(t));
                }
            });
            RandomGenerator rng = new RandomGenerator(303);
            int n = TorchParity.SIZE;
            int o = TorchParity.criticOutputSize();
            out.put("input.x", HostTensor.of(Tensor.randn(rng, 1, 1, n, n, n)));
            out.put("input.noise", HostTensor.of(Tensor.randn(TorchParity.noiseStream(), 1,
                    m.densityToSubtomogram().noiseChannels(), n / 4, n / 4, n / 4)));
            out.put("input.gen_R", HostTensor.of(Tensor.randn(rng, 1, 1, n, n, n)));
            out.put("input.critic_x", HostTensor.of(Tensor.randn(rng, 1, 1, n, n, n)));
            out.put("input.critic_R", HostTensor.of(Tensor.randn(rng, 1, 1, o, o, o)));
        }
        SafeTensors.write(Path.of("src/test/resources/torch/cycle_wgan.safetensors"), out,
                Map.of("config", new ObjectMapper().writeValueAsString(TorchParity.configMap())));
    }
}
