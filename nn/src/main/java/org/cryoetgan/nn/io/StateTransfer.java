package org.cryoetgan.nn.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.nn.LoadReport;
import org.cryoetgan.nn.Module;
import org.cryoetgan.nn.StateDictException;

/** Moves module state between live tensors and host tensors read from or written to a file. */
final class StateTransfer {
    private StateTransfer() {
    }

    /** Host copies of a module's state, names prefixed with {@code prefix}. */
    static Map<String, HostTensor> toHost(Module m, String prefix) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        m.stateDict().forEach((k, t) -> out.put(prefix + k, HostTensor.of(t)));
        return out;
    }

    /** Loads {@code state} into {@code m}, turning a strict mismatch into an error that names the file. */
    static LoadReport load(Path file, Map<String, HostTensor> state, Module m, boolean strict) {
        try (Scope s = Scope.open()) {
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            state.forEach((k, h) -> tensors.put(k, h.toTensor(org.cryoetgan.engine.Backends.getDefault())));
            return m.loadStateDict(tensors, strict);
        } catch (StateDictException e) {
            throw new StateDictException(file + ": state does not match " + m.getClass().getSimpleName(),
                    e.report());
        }
    }
}
