package org.cryoetgan.gan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cryoetgan.engine.MemoryStats;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.gan.model.PatchCritic;
import org.junit.jupiter.api.Test;

/** The recorded backward passes of the penalties live in the step's scope: nothing outlives it. */
class GradientPenaltyScopeTest {
    @Test
    void manyPenaltyStepsReturnTheLiveTensorAndByteCountsToTheirBaseline() {
        RandomGenerator rng = new RandomGenerator(3);
        try (PatchCritic d = new PatchCritic(2, 2, 2, true, rng)) {
            d.train();
            Tensor real = Scope.unscoped(() -> Tensor.randn(rng, 2, 1, 9, 9, 9));
            Tensor fake = Scope.unscoped(() -> Tensor.randn(rng, 2, 1, 9, 9, 9));
            long tensors = MemoryStats.openTensors();
            long bytes = MemoryStats.liveBytes();
            for (int step = 0; step < 12; step++) {
                try (Scope s = Scope.open()) {
                    Tensor loss = GradientPenalty.wganGp(d, real, fake, rng).mul(10f)
                            .add(GradientPenalty.r1(d, real)).add(d.forward(fake).mean());
                    loss.backward();
                }
                d.parameters().forEach(Tensor::zeroGrad);
                assertEquals(tensors, MemoryStats.openTensors(), "open tensors after step " + step);
                assertEquals(bytes, MemoryStats.liveBytes(), "live bytes after step " + step);
            }
            real.close();
            fake.close();
        }
    }
}
