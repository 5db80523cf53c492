package org.cryoetgan.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.TorchFixtures;
import org.cryoetgan.nn.io.HostTensor;
import org.cryoetgan.nn.io.SafeTensorsFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Several steps of each optimizer against torch.optim (and a numpy transcription of TF1's RMSProp). */
class OptimizersVsTorchTest {
    private static final SafeTensorsFile FIX = TorchFixtures.load("optimizers.safetensors");
    static double worst;

    @AfterAll
    static void report() {
        System.out.println("optimizers vs torch: max relative error " + worst);
    }

    static Stream<JsonNode> configs() throws Exception {
        List<JsonNode> list = new ArrayList<>();
        new ObjectMapper().readTree(FIX.metadata().get("configs")).forEach(list::add);
        return list.stream();
    }

    private static double[] lrs() throws Exception {
        JsonNode n = new ObjectMapper().readTree(FIX.metadata().get("lrs"));
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    static Optimizer build(JsonNode c, List<Tensor> params, LearningRateSchedule lr) {
        return switch (c.get("kind").asText()) {
            case "sgd" -> new Sgd(params, lr, c.get("momentum").asDouble(), c.get("dampening").asDouble(),
                    c.get("nesterov").asBoolean(), c.get("weight_decay").asDouble());
            case "adam" -> new Adam(params, lr, c.get("beta1").asDouble(), c.get("beta2").asDouble(),
                    c.get("eps").asDouble(), c.get("weight_decay").asDouble());
            case "rmsprop" -> new RmsProp(params, lr, new RmsProp.Options(c.get("decay").asDouble(),
                    c.get("eps").asDouble(), c.get("momentum").asDouble(), c.get("centered").asBoolean(),
                    c.get("weight_decay").asDouble(), RmsPropConvention.valueOf(c.get("convention").asText())));
            default -> throw new IllegalArgumentException(c.toString());
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void matchesReferenceStepByStep(JsonNode c) throws Exception {
        String name = c.get("name").asText();
        double[] lrs = lrs();
        HostTensor p0 = FIX.tensors().get(name + ".param");
        Tensor p = Scope.unscoped(() -> p0.toTensor(org.cryoetgan.engine.Backends.getDefault())).requiresGrad(true);
        try (p; Optimizer opt = build(c, List.of(p), step -> lrs[(int) step])) {
            for (int k = 1; k <= lrs.length; k++) {
                HostTensor g = FIX.tensors().get(name + ".grad" + k);
                try (Scope s = Scope.open()) {
                    p.accumulateGrad(g.toTensor(p.backend()));
                }
                opt.step();
                opt.zeroGrad();
                double err = TorchFixtures.assertClose(FIX.tensors().get(name + ".expected" + k).data(), p.toArray(),
                        1e-5, name + " step " + k);
                worst = Math.max(worst, err);
            }
            assertEquals(lrs.length, opt.stepCount());
        }
    }
}
