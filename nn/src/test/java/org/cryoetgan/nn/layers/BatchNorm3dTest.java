package org.cryoetgan.nn.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.cryoetgan.engine.Backends;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.TorchFixtures;
import org.cryoetgan.nn.io.SafeTensorsFile;
import org.junit.jupiter.api.Test;

/** Batch normalisation against torch.nn.BatchNorm3d from the same weights (tools/torch_nn_reference.py). */
class BatchNorm3dTest {
    private static final SafeTensorsFile FIX = TorchFixtures.load("batch_norm.safetensors");
    private static final double TOL = 1e-5;

    private static Tensor fixture(String key) {
        return FIX.tensors().get(key).toTensor(Backends.getDefault());
    }

    private static void check(String key, float[] actual) {
        TorchFixtures.assertClose(FIX.tensors().get(key).data(), actual, TOL, key);
    }

    @Test
    void trainingStatisticsRunningStatisticsGradientsAndEvalMatchTorch() {
        try (BatchNorm3d bn = new BatchNorm3d(4); Scope s = Scope.open()) {
            assertEquals(List.of("weight", "bias", "running_mean", "running_var"),
                    List.copyOf(bn.stateDict().keySet()));
            bn.loadStateDict(Map.of("weight", fixture("weight"), "bias", fixture("bias"),
                    "running_mean", Tensor.zeros(4), "running_var", Tensor.ones(4)), true);
            bn.train();
            for (int k = 1; k <= 2; k++) {
                Tensor x = fixture("x" + k).requiresGrad(true);
                Tensor y = bn.forward(x);
                check("y" + k, y.toArray());
                check("running_mean" + k, bn.runningMean().toArray());
                check("running_var" + k, bn.runningVar().toArray());
                if (k == 2) {
                    y.mul(fixture("R")).sum().backward();
                    check("grad_x", x.grad().toArray());
                    check("grad_weight", bn.namedParameters().get("weight").grad().toArray());
                    check("grad_bias", bn.namedParameters().get("bias").grad().toArray());
                }
            }
            bn.eval();
            float[] mean = bn.runningMean().toArray();
            check("y_eval", bn.forward(fixture("x1")).toArray());
            assertArrayEquals(mean, bn.runningMean().toArray(), "evaluation leaves the running statistics alone");
        }
    }

    @Test
    void aSingleValuePerChannelKeepsTheRunningVarianceAndGivesTheBias() {
        try (BatchNorm3d bn = new BatchNorm3d(2); Scope s = Scope.open()) {
            bn.train();
            Tensor y = bn.forward(Tensor.of(new float[] {3f, -1f}, 1, 2, 1, 1, 1));
            assertArrayEquals(new float[] {0f, 0f}, y.toArray(), "x − mean is 0; bias starts at 0");
            assertArrayEquals(new float[] {1f, 1f}, bn.runningVar().toArray());
            assertArrayEquals(new float[] {0.3f, -0.1f}, bn.runningMean().toArray(), 1e-6f);
        }
    }

    @Test
    void wrongChannelsAreRejected() {
        try (BatchNorm3d bn = new BatchNorm3d(3); Scope s = Scope.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> bn.forward(Tensor.zeros(1, 2, 2, 2, 2)));
            assertEquals("BatchNorm3d(3) got input [1, 2, 2, 2, 2]", e.getMessage());
        }
    }
}
