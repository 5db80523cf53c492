package org.cryoetgan.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.engine.ops.Elementwise;

/**
 * A building block of a network with explicitly registered, ordered state: parameters (leaf tensors that
 * require a gradient), buffers (state that is saved but not trained, such as spectral norm's {@code u}) and
 * child modules. State names are dotted paths through the children, e.g. {@code blocks.3.conv1.weight}, in the
 * order PyTorch uses: a module's parameters, then its buffers, then each child's state.
 *
 * <p>Parameters and buffers are long-lived: they are removed from any {@link org.cryoetgan.engine.Scope} when
 * registered and freed by {@link #close()}.
 *
 * <p>A child registered with {@link #registerInlined} contributes its state without a name prefix; this is
 * how a wrapper such as spectral norm keeps PyTorch's names ({@code 0.weight_orig}, {@code 0.bias}).
 */
public abstract class Module implements AutoCloseable {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;
    private boolean closed;

    /** Applies the module to one input. */
    public abstract Tensor forward(Tensor input);

    // ---- registration --------------------------------------------------------------------------------------

    /** Registers a trainable tensor under {@code name}; it is escaped from its scope and marked requiresGrad. */
    protected final Tensor registerParameter(String name, Tensor value) {
        checkName(name);
        value.escape().requiresGrad(true);
        parameters.put(name, value);
        return value;
    }

    /** Registers a saved, untrained tensor under {@code name}; it is escaped from its scope. */
    protected final Tensor registerBuffer(String name, Tensor value) {
        checkName(name);
        buffers.put(name, value.escape());
        return value;
    }

    /** Registers a child module whose state names are prefixed with {@code name + "."}. */
    protected final <M extends Module> M registerModule(String name, M child) {
        checkName(name);
        children.put(name, child);
        return child;
    }

    /** Registers a child whose state appears directly under this module's names (at most one per module). */
    protected final <M extends Module> M registerInlined(M child) {
        if (children.containsKey("")) {
            throw new IllegalStateException("a module can inline only one child");
        }
        children.put("", child);
        return child;
    }

    /** Unregisters a parameter and hands it (still open) to the caller; used by reparametrisations. */
    protected final Tensor removeParameter(String name) {
        Tensor t = parameters.remove(name);
        if (t == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' in " + getClass().getSimpleName());
        }
        return t;
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("state names must be non-empty and contain no '.', got '" + name + "'");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException("'" + name + "' is already registered in "
                    + getClass().getSimpleName());
        }
    }

    // ---- traversal -----------------------------------------------------------------------------------------

    /** Direct children in registration order (an inlined child has the empty name). */
    public final Map<String, Module> children() {
        return java.util.Collections.unmodifiableMap(children);
    }

    /** This module and all its descendants, depth first in registration order. */
    public final List<Module> modules() {
        List<Module> out = new ArrayList<>();
        out.add(this);
        for (Module c : children.values()) {
            out.addAll(c.modules());
        }
        return out;
    }

    /** All parameters with their dotted names, in registration order. */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, true, false);
        return out;
    }

    /** All buffers with their dotted names. */
    public final Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, false, true);
        return out;
    }

    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /**
     * The live state (parameters and buffers, not copies) by dotted name: each module's parameters, then its
     * buffers, then its children's state.
     */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, true, true);
        return out;
    }

    private void collect(String prefix, Map<String, Tensor> out, boolean params, boolean bufs) {
        BiConsumer<String, Tensor> put = (n, t) -> {
            if (out.put(prefix + n, t) != null) {
                throw new IllegalStateException("duplicate state name '" + prefix + n + "'");
            }
        };
        if (params) {
            parameters.forEach(put);
        }
        if (bufs) {
            buffers.forEach(put);
        }
        children.forEach((n, c) -> c.collect(n.isEmpty() ? prefix : prefix + n + ".", out, params, bufs));
    }

    /** Number of trainable scalars. */
    public final long parameterCount() {
        long n = 0;
        for (Tensor t : parameters()) {
            n += t.numel();
        }
        return n;
    }

    // ---- mode and gradients --------------------------------------------------------------------------------

    /** Sets training mode on this module and all descendants; returns this. */
    public Module train(boolean on) {
        for (Module m : modules()) {
            m.training = on;
        }
        return this;
    }

    public final Module train() {
        return train(true);
    }

    public final Module eval() {
        return train(false);
    }

    public final boolean isTraining() {
        return training;
    }

    /** Frees the gradients of all parameters (PyTorch's {@code set_to_none}). */
    public final void zeroGrad() {
        for (Tensor p : parameters()) {
            p.zeroGrad();
        }
    }

    // ---- loading -------------------------------------------------------------------------------------------

    /**
     * Copies values from {@code state} into this module's parameters and buffers by name. Strict loading
     * checks everything first and throws {@link StateDictException} (changing nothing) on any missing,
     * unexpected or mis-shaped entry; non-strict loading copies the entries that match and reports the rest.
     */
    public final LoadReport loadStateDict(Map<String, Tensor> state, boolean strict) {
        Map<String, Tensor> own = stateDict();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor src = state.get(e.getKey());
            if (src == null) {
                missing.add(e.getKey());
            } else if (!Arrays.equals(src.shape(), e.getValue().shape())) {
                mismatched.add(e.getKey() + ": expected " + Arrays.toString(e.getValue().shape()) + ", got "
                        + Arrays.toString(src.shape()));
            }
        }
        for (String k : state.keySet()) {
            if (!own.containsKey(k)) {
                unexpected.add(k);
            }
        }
        LoadReport report = new LoadReport(missing, unexpected, mismatched);
        if (strict && !report.isClean()) {
            throw new StateDictException("state does not match " + getClass().getSimpleName(), report);
        }
        try (GradMode g = GradMode.disable()) {
            for (Map.Entry<String, Tensor> e : own.entrySet()) {
                Tensor src = state.get(e.getKey());
                Tensor dst = e.getValue();
                if (src != null && Arrays.equals(src.shape(), dst.shape())) {
                    if (src.backend() == dst.backend()) {
                        Elementwise.copyInto(dst, src);
                    } else {
                        try (Tensor moved = src.to(dst.backend())) {
                            Elementwise.copyInto(dst, moved);
                        }
                    }
                }
            }
        }
        return report;
    }

    // ---- lifetime ------------------------------------------------------------------------------------------

    /** Frees the parameters, buffers and children (and their gradients). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        parameters.values().forEach(Tensor::close);
        buffers.values().forEach(Tensor::close);
        children.values().forEach(Module::close);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
