package org.cryoetgan.nn.init;

import java.util.function.Consumer;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.Module;
import org.cryoetgan.nn.layers.WeightedLayer;

/**
 * Initialisation of whole networks: applies a weight initialiser to every convolution, transposed
 * convolution and linear layer under a module (also when wrapped by spectral norm) and zeroes their biases.
 */
public final class ModuleInit {
    private ModuleInit() {
    }

    /** Applies {@code weightInit} to each weighted layer's weight and zeroes its bias; returns the layer count. */
    public static int apply(Module root, Consumer<Tensor> weightInit) {
        int n = 0;
        for (Module m : root.modules()) {
            if (m instanceof WeightedLayer layer) {
                weightInit.accept(layer.weight());
                if (layer.bias() != null) {
                    Init.zeros(layer.bias());
                }
                n++;
            }
        }
        return n;
    }

    /** CycleGAN's {@code init_weights(net, 'normal', 0.02)}: weights N(0, std²), biases zero. */
    public static int normal(Module root, double std, RandomGenerator rng) {
        return apply(root, w -> Init.normal(w, 0, std, rng));
    }

    /** Kaiming-normal weights (fan-in, ReLU gain), biases zero. */
    public static int kaiming(Module root, RandomGenerator rng) {
        return apply(root, w -> Init.kaimingNormal(w, 0, FanMode.FAN_IN, Nonlinearity.RELU, rng));
    }

    /** Xavier-normal weights with the given gain, biases zero. */
    public static int xavier(Module root, double gain, RandomGenerator rng) {
        return apply(root, w -> Init.xavierNormal(w, gain, rng));
    }
}
