package org.cryoetgan.nn.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.autograd.GradMode;
import org.cryoetgan.engine.backend.UnaryOp;
import org.cryoetgan.engine.ops.Elementwise;

/**
 * Base of the gradient-descent optimizers. {@link #step()} updates every parameter that has a gradient in
 * place, under no-grad and inside a scope that frees the temporaries; per-parameter state tensors (momentum,
 * moment estimates) are created on first use, live until {@link #close()}, and can be exported and loaded for
 * exact resumption.
 */
public abstract class Optimizer implements AutoCloseable {
    private final List<Tensor> params;
    private final List<Map<String, Tensor>> slots = new ArrayList<>();
    private final long[] paramSteps;
    private LearningRateSchedule schedule;
    private long steps;

    protected Optimizer(List<Tensor> params, LearningRateSchedule schedule) {
        this.params = List.copyOf(params);
        for (Tensor p : this.params) {
            if (!p.isContiguous() || p.offset() != 0) {
                throw new IllegalArgumentException("parameters must be contiguous tensors at offset 0: " + p);
            }
            slots.add(new LinkedHashMap<>());
        }
        this.paramSteps = new long[this.params.size()];
        this.schedule = schedule;
    }

    /**
     * Applies one update to the parameter {@code p} with gradient {@code g}.
     *
     * @param index the parameter's position (for {@link #slot})
     * @param step  how many updates this parameter has had, this one included (1 for the first)
     */
    protected abstract void update(int index, Tensor p, Tensor g, double lr, long step);

    /** Updates all parameters that have a gradient and advances the step count. */
    public final void step() {
        double lr = schedule.rate(steps);
        try (GradMode g = GradMode.disable()) {
            for (int i = 0; i < params.size(); i++) {
                Tensor p = params.get(i);
                if (p.grad() == null) {
                    continue;
                }
                try (Scope s = Scope.open()) {
                    update(i, p, p.grad(), lr, ++paramSteps[i]);
                }
            }
        }
        steps++;
    }

    /** Frees the gradients of the optimized parameters. */
    public final void zeroGrad() {
        params.forEach(Tensor::zeroGrad);
    }

    public final List<Tensor> parameters() {
        return params;
    }

    /** Steps taken so far. */
    public final long stepCount() {
        return steps;
    }

    /** The rate the next step will use. */
    public final double learningRate() {
        return schedule.rate(steps);
    }

    public final void setSchedule(LearningRateSchedule schedule) {
        this.schedule = schedule;
    }

    // ---- helpers for subclasses ----------------------------------------------------------------------------

    /**
     * The state tensor {@code name} of parameter {@code index}; on first use {@code init} creates it (a new
     * contiguous tensor, long-lived: it runs outside any scope).
     */
    protected final Tensor slot(int index, String name, Supplier<Tensor> init) {
        return slots.get(index).computeIfAbsent(name, k -> Scope.unscoped(() -> {
            try (GradMode g = GradMode.disable()) {
                return init.get();
            }
        }));
    }

    /** Whether parameter {@code index} already has the slot. */
    protected final boolean hasSlot(int index, String name) {
        return slots.get(index).containsKey(name);
    }

    /** {@code t ← a·t + b} in place. */
    protected static void affineInPlace(Tensor t, double a, double b) {
        Elementwise.unaryInPlace(UnaryOp.AFFINE, (float) a, (float) b, t);
    }

    /** {@code target ← target + alpha·source} in place. */
    protected static void axpy(double alpha, Tensor source, Tensor target) {
        Elementwise.axpyInPlace((float) alpha, source, target);
    }

    /** A new contiguous copy (in the current scope). */
    protected static Tensor copy(Tensor t) {
        Tensor c = Tensor.empty(t.backend(), t.shape());
        Elementwise.copyInto(c, t);
        return c;
    }

    /** {@code g + weightDecay·p} (a temporary), or g itself when there is no decay. */
    protected static Tensor withWeightDecay(Tensor g, Tensor p, double weightDecay) {
        if (weightDecay == 0) {
            return g;
        }
        Tensor d = copy(g);
        axpy(weightDecay, p, d);
        return d;
    }

    // ---- state ---------------------------------------------------------------------------------------------

    /** The live state (no copies). */
    public final OptimizerState exportState() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("steps", steps);
        for (int i = 0; i < params.size(); i++) {
            final int idx = i;
            slots.get(i).forEach((k, t) -> tensors.put(idx + "." + k, t));
            if (paramSteps[i] > 0) {
                counters.put(i + ".step", paramSteps[i]);
            }
        }
        return new OptimizerState(tensors, counters);
    }

    /**
     * Replaces this optimizer's state with a copy of {@code state} (as exported by an optimizer of the same
     * kind over parameters of the same shapes).
     */
    public final void loadState(OptimizerState state) {
        Long s = state.counters().get("steps");
        if (s == null) {
            throw new IllegalArgumentException("optimizer state has no 'steps' counter");
        }
        List<Map<String, Tensor>> fresh = new ArrayList<>();
        long[] freshSteps = new long[params.size()];
        for (int i = 0; i < params.size(); i++) {
            fresh.add(new LinkedHashMap<>());
            freshSteps[i] = state.counters().getOrDefault(i + ".step", 0L);
        }
        try (GradMode g = GradMode.disable()) {
            for (Map.Entry<String, Tensor> e : state.tensors().entrySet()) {
                String key = e.getKey();
                int dot = key.indexOf('.');
                int idx;
                try {
                    idx = Integer.parseInt(key.substring(0, Math.max(dot, 0)));
                } catch (NumberFormatException ex) {
                    idx = -1;
                }
                if (idx < 0 || idx >= params.size()) {
                    fresh.forEach(m -> m.values().forEach(Tensor::close));
                    throw new IllegalArgumentException("optimizer state entry '" + key + "' names no parameter (have "
                            + params.size() + ")");
                }
                Tensor src = e.getValue();
                if (!Arrays.equals(src.shape(), params.get(idx).shape())) {
                    fresh.forEach(m -> m.values().forEach(Tensor::close));
                    throw new IllegalArgumentException("optimizer state entry '" + key + "' has shape "
                            + Arrays.toString(src.shape()) + ", parameter " + idx + " has "
                            + Arrays.toString(params.get(idx).shape()));
                }
                Tensor moved = src.backend() == params.get(idx).backend() ? src : src.to(params.get(idx).backend());
                fresh.get(idx).put(key.substring(dot + 1), Scope.unscoped(() -> copy(moved)));
                if (moved != src) {
                    moved.close();
                }
            }
        }
        closeSlots();
        slots.clear();
        slots.addAll(fresh);
        System.arraycopy(freshSteps, 0, paramSteps, 0, freshSteps.length);
        steps = s;
    }

    private void closeSlots() {
        for (Map<String, Tensor> m : slots) {
            m.values().forEach(Tensor::close);
        }
    }

    /** Frees the state tensors (not the parameters). */
    @Override
    public void close() {
        closeSlots();
        for (Map<String, Tensor> m : slots) {
            m.clear();
        }
    }
}
