package org.cryoetgan.nn.layers;

import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.Module;

/**
 * A layer computed from a weight and an optional bias (convolution, transposed convolution, linear). The
 * forward pass is split into {@link #forwardWith}, so that a reparametrisation such as {@link SpectralNorm} can
 * supply a transformed weight; once a layer is wrapped, its {@code weight} parameter belongs to the wrapper.
 */
public abstract class WeightedLayer extends Module {
    private final Tensor weight;
    private final Tensor bias;
    private boolean reparametrized;

    protected WeightedLayer(Tensor weight, Tensor bias) {
        this.weight = registerParameter("weight", weight);
        this.bias = bias == null ? null : registerParameter("bias", bias);
    }

    /** The weight tensor (registered here, or as {@code weight_orig} of a wrapper after reparametrisation). */
    public final Tensor weight() {
        return weight;
    }

    /** The bias, or null. */
    public final Tensor bias() {
        return bias;
    }

    /** The weight axis that indexes output features (0, or 1 for transposed convolutions). */
    public int outputAxis() {
        return 0;
    }

    /** The layer's computation with the given weight in place of its own. */
    public abstract Tensor forwardWith(Tensor input, Tensor weight);

    @Override
    public final Tensor forward(Tensor input) {
        if (reparametrized) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " is reparametrised; call the wrapper's forward");
        }
        return forwardWith(input, weight);
    }

    /** Hands the weight parameter to a wrapper: it is unregistered here and this layer's forward is disabled. */
    final Tensor releaseWeight() {
        if (reparametrized) {
            throw new IllegalStateException(getClass().getSimpleName() + " is already reparametrised");
        }
        reparametrized = true;
        return removeParameter("weight");
    }
}
