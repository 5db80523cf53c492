package org.cryoetgan.engine.testing;

import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.Autograd;
import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.engine.ops.Reductions;

/**
 * Second-order finite-difference check (gradgradcheck): checks that the backward pass of an op, recorded with
 * {@code createGraph}, is itself differentiated correctly.
 *
 * <p>For inputs x, fixed random projections W (of the output) and V_i (of each checked input), the check builds
 * the scalar {@code S(x) = Σ_i ⟨∂L/∂x_i, V_i⟩} with {@code L = Σ W·f(x)²}: the analytic gradients ∂L/∂x_i come
 * from {@link Autograd#grad} and depend on x both through f's inputs and through the output gradient
 * {@code 2W·f(x)} (so the backward must be differentiable in both). {@link GradCheck} then compares
 * the gradient of S from a second, recorded backward pass with central differences of S, where each S is
 * computed from first-order analytic gradients at the perturbed x. Constant inputs stay constant throughout.
 */
public final class GradGradCheck {
    private final GradCheck.Op op;
    private final boolean[] checked;
    private final long seed;

    private GradGradCheck(GradCheck.Op op, boolean[] checked, long seed) {
        this.op = op;
        this.checked = checked;
        this.seed = seed;
    }

    /** A gradgradcheck of {@code op} on the given inputs, with GradCheck's defaults raised to eps 1e-2, tol 5e-3. */
    public static GradCheck of(GradCheck.Op op, GradCheck.Input... inputs) {
        return of(op, 4321, inputs);
    }

    /** As {@link #of(GradCheck.Op, GradCheck.Input...)}; {@code seed} draws W and the V_i. */
    public static GradCheck of(GradCheck.Op op, long seed, GradCheck.Input... inputs) {
        boolean[] checked = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            checked[i] = inputs[i].grad;
        }
        return GradCheck.of(new GradGradCheck(op, checked, seed)::firstOrderProjection).eps(1e-2).tol(5e-3);
    }

    /**
     * S(x) for the given inputs. Inputs that require grad (GradCheck's analytic pass) keep the graph to them, so
     * S can be differentiated; plain inputs (its finite-difference evaluations) are copied into fresh leaves
     * and S is a value computed from a first-order backward pass.
     */
    private Tensor firstOrderProjection(Tensor[] in) {
        boolean recorded = false;
        for (int i = 0; i < in.length; i++) {
            recorded |= checked[i] && in[i].requiresGrad();
        }
        try (GradMode on = GradMode.enable()) {
            Tensor[] leaves = new Tensor[in.length];
            List<Tensor> wrt = new ArrayList<>();
            for (int i = 0; i < in.length; i++) {
                leaves[i] = checked[i] && !recorded ? Tensor.of(in[i].toArray(), in[i].shape()).requiresGrad(true)
                        : in[i];
                if (checked[i]) {
                    wrt.add(leaves[i]);
                }
            }
            Tensor out = op.apply(leaves);
            Tensor w = Tensor.of(GradCheck.normal(seed, (int) out.numel(), 0, 1), out.shape());
            Tensor loss = Reductions.sum(out.mul(out).mul(w));
            Tensor[] grads = Autograd.grad(new Tensor[] {loss}, wrt.toArray(new Tensor[0]), null, recorded);
            Tensor s = null;
            for (int j = 0; j < grads.length; j++) {
                Tensor v = Tensor.of(GradCheck.normal(seed + 1 + j, (int) grads[j].numel(), 0, 1), grads[j].shape());
                Tensor term = Reductions.sum(grads[j].mul(v));
                s = s == null ? term : s.add(term);
            }
            return s;
        }
    }
}
