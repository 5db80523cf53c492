package org.cryoetgan.nn.optim;

import java.util.Map;
import org.cryoetgan.engine.Tensor;

/**
 * An optimizer's resumable state: its per-parameter tensors named {@code <param index>.<slot>} (e.g.
 * {@code 3.exp_avg}) and its integer counters ({@code steps} and {@code <param index>.step}). The tensors are
 * the optimizer's live ones when exported; loading copies values.
 */
public record OptimizerState(Map<String, Tensor> tensors, Map<String, Long> counters) {

    public OptimizerState {
        // insertion-ordered copies (Map.copyOf's order changes between JVM runs), so saved files are reproducible
        tensors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tensors));
        counters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counters));
    }
}
