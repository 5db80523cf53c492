package org.cryoetgan.gan.model;

import static org.cryoetgan.gan.train.TrainingSettings.BOX;
import static org.cryoetgan.gan.train.TrainingSettings.CRITIC_WIDTH;
import static org.cryoetgan.gan.train.TrainingSettings.GENERATOR_AVERAGE;
import static org.cryoetgan.gan.train.TrainingSettings.GENERATOR_WIDTH;
import static org.cryoetgan.gan.train.TrainingSettings.NOISE_CHANNELS;
import static org.cryoetgan.gan.train.TrainingSettings.REFINER;
import static org.cryoetgan.gan.train.TrainingSettings.RESIDUAL_BLOCKS;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.gan.train.NetworkSpecs;
import org.cryoetgan.gan.train.TrainingConfig;
import org.cryoetgan.nn.optim.Adam;
import org.junit.jupiter.api.Test;

class CycleGeneratorRefinerTest {
    private static TrainingConfig config(boolean refiner) {
        TrainingConfig c = TrainingConfig.cpu()
                .with(BOX, 8)
                .with(GENERATOR_WIDTH, 4)
                .with(RESIDUAL_BLOCKS, 1)
                .with(NOISE_CHANNELS, 2)
                .with(CRITIC_WIDTH, 4)
                .with(REFINER, refiner);
        return c;
    }

    private static Tensor input() {
        return Tensor.uniform(new RandomGenerator(5), -0.9f, 0.9f, 1, 1, 8, 8, 8);
    }

    @Test
    void aRefinerStartsAsTheIdentityAndAPlainGeneratorDoesNot() {
        try (CycleWgan refining = Scope.unscoped(() -> new CycleWgan(NetworkSpecs.of(config(true)), 3));
             CycleWgan plain = Scope.unscoped(() -> new CycleWgan(NetworkSpecs.of(config(false)), 3));
             Scope s = Scope.open()) {
            Tensor x = input();
            assertTrue(refining.densityToSubtomogram().isRefiner());
            assertTrue(refining.subtomogramToDensity().isRefiner());
            assertFalse(plain.densityToSubtomogram().isRefiner());
            assertArrayEquals(x.toArray(), refining.densityToSubtomogram().forward(x).toArray(), 0f);
            assertArrayEquals(x.toArray(), refining.subtomogramToDensity().forward(x).toArray(), 0f);
            float[] p = plain.densityToSubtomogram().forward(x).toArray();
            double diff = 0;
            for (int i = 0; i < p.length; i++) {
                diff += Math.abs(p[i] - x.toArray()[i]);
            }
            assertTrue(diff / p.length > 0.1, "a plain generator's output is not its input: " + diff / p.length);
        }
    }

    @Test
    void theAveragedGeneratorComputesWhatGdsComputesWithTheSameWeights() {
        for (boolean refiner : new boolean[] {true, false}) {
            TrainingConfig c = config(refiner).with(GENERATOR_AVERAGE, 0.999);
            try (CycleWgan model = Scope.unscoped(() -> new CycleWgan(NetworkSpecs.of(c), 3)); Scope s = Scope.open()) {
                CycleGenerator average = model.densityToSubtomogramAverage().orElseThrow();
                assertTrue(model.samplingGenerator() == average, "generation uses the average");
                assertTrue(average.isRefiner() == refiner, "the average is a refiner exactly when G_ds is");
                Tensor x = input();
                for (int round = 0; round < 2; round++) {
                    float[] expected = Tensor.noGrad(() -> model.densityToSubtomogram().forward(x,
                            new RandomGenerator(9))).toArray();
                    float[] actual = Tensor.noGrad(() -> average.forward(x, new RandomGenerator(9))).toArray();
                    assertArrayEquals(expected, actual, 0f, "refiner " + refiner + ", round " + round);
                    // move G_ds away from its start (the refiner's zeroed output layer included), copy, compare again
                    org.cryoetgan.nn.init.ModuleInit.normal(model.densityToSubtomogram(), 0.05, new RandomGenerator(4));
                    average.loadStateDict(model.densityToSubtomogram().stateDict(), true);
                }
            }
        }
    }

    private static double gradientMagnitude(Tensor p) {
        double sum = 0;
        for (float v : p.grad().toArray()) {
            sum += Math.abs(v);
        }
        return sum;
    }

    @Test
    void theGradientReachesTheWholeNetworkFromTheZeroStartAndTheLossFalls() {
        try (CycleWgan model = Scope.unscoped(() -> new CycleWgan(NetworkSpecs.of(config(true)), 3))) {
            CycleGenerator g = model.densityToSubtomogram();
            Tensor x = Scope.unscoped(CycleGeneratorRefinerTest::input);
            Tensor target = Scope.unscoped(() -> x.mul(0.5f));
            java.util.List<Tensor> params = g.parameters();
            Tensor firstWeight = params.get(0);
            Tensor outputWeight = g.namedParameters().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("decoder.2.") && e.getKey().endsWith("weight"))
                    .findFirst().orElseThrow().getValue();
            Adam adam = new Adam(params, 2e-3);
            double first = 0;
            double last = 0;
            for (int step = 0; step < 60; step++) {
                try (Scope s = Scope.open()) {
                    g.zeroGrad();
                    Tensor loss = g.forward(x).sub(target).abs().mean();
                    loss.backward();
                    if (step == 0) {
                        first = loss.item();
                        assertTrue(gradientMagnitude(outputWeight) > 0, "the zeroed output layer gets a gradient");
                        assertTrue(gradientMagnitude(firstWeight) == 0, "behind a zero layer nothing does yet");
                    } else if (step == 1) {
                        assertTrue(gradientMagnitude(firstWeight) > 0, "after one update the first layer learns");
                    }
                    adam.step();
                    last = loss.item();
                }
            }
            assertTrue(last < 0.95 * first, "the L1 to a scaled copy falls from " + first + " to " + last);
        }
    }
}
