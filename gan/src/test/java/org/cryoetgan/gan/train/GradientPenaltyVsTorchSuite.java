package org.cryoetgan.gan.train;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cryoetgan.engine.Backends;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.testing.BackendSuite;
import org.cryoetgan.gan.model.PatchCritic;
import org.cryoetgan.gan.model.TorchFixtures;
import org.cryoetgan.nn.io.SafeTensorsFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * WGAN-GP and R1 penalties of the paper's critic (spectral norm, instance norm, LeakyReLU, 3-D, batch 2, odd
 * edge 17) against torch.autograd.grad(..., create_graph=True): the penalty value and its gradient with respect
 * to every critic parameter, within 1e-4 relative (fixture: tools/torch_penalty_reference.py). Subclasses choose
 * the backend ({@link BackendSuite}): {@link GradientPenaltyVsTorchTest} the CPU,
 * {@link CudaEmulationGradientPenaltyVsTorchTest} the CUDA kernel emulator, {@link CudaGpuGradientPenaltyVsTorchTest}
 * a real GPU where one works.
 */
abstract class GradientPenaltyVsTorchSuite extends BackendSuite {
    private static final double TOL = 1e-4;
    private static final SafeTensorsFile FIX = TorchFixtures.load("penalties.safetensors");
    private double worst;

    @AfterAll
    void report() {
        if (backend() != null) {
            System.out.println("gradient penalties vs torch on " + backend().name() + ": max relative error " + worst);
        }
    }

    private static Tensor fixture(String key) {
        return FIX.tensors().get(key).toTensor(Backends.getDefault());
    }

    private static PatchCritic critic() {
        PatchCritic d = Scope.unscoped(() -> new PatchCritic(2, 3, 2, true, new RandomGenerator(1)));
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (String k : d.stateDict().keySet()) {
            state.put(k, Scope.unscoped(() -> fixture("state." + k)));
        }
        assertTrue(d.loadStateDict(state, true).isClean());
        state.values().forEach(Tensor::close);
        d.train();
        return d;
    }

    @Test
    void wganGpPenaltyAndItsParameterGradientsMatchTorch() {
        try (PatchCritic d = critic(); Scope s = Scope.open()) {
            Tensor gp = GradientPenalty.wganGp(d, fixture("input.real"), fixture("input.fake"), fixture("input.eps"));
            gp.backward();
            compare(d, gp, "gp");
        }
    }

    @Test
    void r1PenaltyAndItsParameterGradientsMatchTorch() {
        try (PatchCritic d = critic(); Scope s = Scope.open()) {
            Tensor r1 = GradientPenalty.r1(d, fixture("input.real"));
            r1.backward();
            compare(d, r1, "r1");
        }
    }

    private void compare(PatchCritic d, Tensor penalty, String what) {
        assertSame(backend(), penalty.backend(), "the penalty is computed on the backend under test");
        check(what + ".value", FIX.tensors().get(what + ".value").data(), penalty.toArray());
        int compared = 0;
        for (Map.Entry<String, Tensor> p : d.namedParameters().entrySet()) {
            Tensor g = p.getValue().grad();
            float[] expected = FIX.tensors().get(what + ".grad." + p.getKey()).data();
            check(what + " gradient of " + p.getKey(), expected, g == null ? new float[expected.length] : g.toArray());
            compared++;
        }
        assertTrue(compared == 8, "all eight parameters compared, got " + compared);
    }

    /**
     * Relative max error within TOL; a gradient that is zero in exact arithmetic (the biases in front of an
     * instance norm, whose torch values are rounding noise below 1e-7) must be as small here.
     */
    private void check(String what, float[] expected, float[] actual) {
        TorchFixtures.MaxErrors e = TorchFixtures.maxErrors(what, expected, actual);
        if (e.scale() < 1e-6) {
            assertTrue(e.actualMax() < 1e-5, what + ": expected zero, got max " + e.actualMax());
            return;
        }
        worst = Math.max(worst, e.relative());
        assertTrue(e.relative() <= TOL, what + ": relative error " + e.relative() + " > " + TOL);
    }
}
