package org.cryoetgan.nn.layers;

import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.init.Init;

/** Fully connected layer {@code y = x·Wᵀ + b} on [N, in] inputs; weight [out, in], optional bias [out]. */
public final class Linear extends WeightedLayer {

    public Linear(int inFeatures, int outFeatures, boolean bias, RandomGenerator rng) {
        super(Scope.unscoped(() -> Tensor.zeros(outFeatures, inFeatures)),
                bias ? Scope.unscoped(() -> Tensor.zeros(outFeatures)) : null);
        Init.torchDefault(weight(), bias(), rng);
    }

    @Override
    public Tensor forwardWith(Tensor input, Tensor w) {
        if (input.rank() != 2) {
            throw new IllegalArgumentException("Linear expects [N, features], got " + java.util.Arrays.toString(
                    input.shape()) + " (use Flatten first)");
        }
        Tensor y = input.matmul(w.transpose(0, 1));
        return bias() == null ? y : y.add(bias());
    }

    @Override
    public String toString() {
        return "Linear(" + weight().size(1) + "->" + weight().size(0) + ")";
    }
}
