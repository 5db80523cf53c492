package org.cryoetgan.engine.autograd;

import org.cryoetgan.engine.Tensor;

/**
 * The backward closure an op records: given the gradient of the loss with respect to the op's output, returns
 * the gradients with respect to each input, in the order the inputs were recorded (null for an input that
 * needs none).
 */
@FunctionalInterface
public interface BackwardFunction {
    Tensor[] apply(Tensor gradOutput);
}
