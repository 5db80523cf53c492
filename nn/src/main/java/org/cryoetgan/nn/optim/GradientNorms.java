package org.cryoetgan.nn.optim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.nn.Module;

/** L2 norms of gradients, for logging and for spotting exploding or vanishing updates. */
public final class GradientNorms {
    private GradientNorms() {
    }

    /** sqrt(Σ‖g‖²) over all parameters that have a gradient (0 when none has). */
    public static double total(Iterable<Tensor> params) {
        double sq = 0;
        for (Tensor p : params) {
            if (p.grad() != null) {
                double n = norm(p.grad());
                sq += n * n;
            }
        }
        return Math.sqrt(sq);
    }

    /** The gradient norm of each named parameter of a module (those without a gradient are left out). */
    public static Map<String, Double> perParameter(Module module) {
        Map<String, Double> out = new LinkedHashMap<>();
        module.namedParameters().forEach((k, p) -> {
            if (p.grad() != null) {
                out.put(k, norm(p.grad()));
            }
        });
        return out;
    }

    private static double norm(Tensor g) {
        try (GradMode m = GradMode.disable(); Scope s = Scope.open()) {
            return Math.sqrt(g.mul(g).sum().item());
        }
    }
}
