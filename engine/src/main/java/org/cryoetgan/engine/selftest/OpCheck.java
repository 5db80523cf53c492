package org.cryoetgan.engine.selftest;

import java.util.List;
import java.util.function.Function;
import org.cryoetgan.engine.backend.Backend;

/**
 * One selftest case: a computation through the engine's ops that is run on two backends from the same inputs;
 * {@code run} returns its outputs (values and gradients) as host arrays.
 */
public record OpCheck(String name, Function<Backend, List<float[]>> run) {
}
