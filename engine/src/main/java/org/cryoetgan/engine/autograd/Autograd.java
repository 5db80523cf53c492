package org.cryoetgan.engine.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;

/**
 * The backward walk: orders the graph topologically from the roots, propagates gradients through each node's
 * closure and either accumulates them into the {@code grad} of leaves that require one ({@link #backward}) or
 * returns them for given tensors ({@link #grad}).
 *
 * <p>Without {@code createGraph} the closures run under no-grad and the intermediate gradients live in a scope
 * of their own that is closed when the walk ends. With {@code createGraph} the closures run with grad mode on,
 * so the gradients they compute are recorded in the graph and can be differentiated again; they then belong to
 * the caller's innermost scope, like any other tensor the caller computes.
 */
public final class Autograd {
    /** The tensors whose gradients the running walk needs (null: all); read by {@link #needsGrad}. */
    private static final ThreadLocal<Set<Tensor>> WANTED = new ThreadLocal<>();

    private Autograd() {
    }

    /**
     * Back-propagates {@code seed} (the gradient of the loss with respect to {@code root}) through the graph.
     *
     * @param retainGraph keep the closures so that backward can run again through the same graph
     */
    public static void backward(Tensor root, Tensor seed, boolean retainGraph) {
        backward(root, seed, retainGraph, false);
    }

    /**
     * Back-propagates {@code seed} into the {@code grad} of every leaf that requires one.
     *
     * @param retainGraph keep the closures so that backward can run again through the same graph
     * @param createGraph record the backward pass itself, so that the leaves' gradients can be differentiated
     *                    again (the graph is then retained as well)
     */
    public static void backward(Tensor root, Tensor seed, boolean retainGraph, boolean createGraph) {
        checkRoot(root, seed, "backward()");
        Tensor[] roots = {root};
        List<Tensor> order = topologicalOrder(roots);
        if (createGraph) {
            try (GradMode on = GradMode.enable()) {
                Map<Tensor, Tensor> leaves = walk(order, roots, new Tensor[] {seed}, null);
                for (Map.Entry<Tensor, Tensor> e : leaves.entrySet()) {
                    e.getKey().accumulateGradInGraph(e.getValue());
                }
            }
            return;
        }
        try (Scope walk = Scope.open(); GradMode noGrad = GradMode.disable()) {
            Map<Tensor, Tensor> leaves = walk(order, roots, new Tensor[] {seed}, null);
            for (Map.Entry<Tensor, Tensor> e : leaves.entrySet()) {
                e.getKey().accumulateGrad(e.getValue());
            }
            if (!retainGraph) {
                release(order);
            }
        }
    }

    /**
     * The gradients of {@code Σ outputs[i]·gradOutputs[i]} with respect to each of {@code inputs} (leaves or
     * intermediate tensors), returned rather than accumulated: no {@code grad} field changes. An input the
     * outputs do not depend on gets a zero gradient. A null gradOutput seeds a one-element output with 1.
     * The graph is retained exactly when {@code createGraph} is set (like PyTorch's default).
     *
     * @param createGraph record the backward pass, so that the returned gradients can be differentiated again
     */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] inputs, Tensor[] gradOutputs, boolean createGraph) {
        return grad(outputs, inputs, gradOutputs, createGraph, createGraph);
    }

    /** {@link #grad(Tensor[], Tensor[], Tensor[], boolean)} with an explicit choice to retain the graph. */
    public static Tensor[] grad(Tensor[] outputs, Tensor[] inputs, Tensor[] gradOutputs, boolean createGraph,
                                boolean retainGraph) {
        if (gradOutputs != null && gradOutputs.length != outputs.length) {
            throw new IllegalArgumentException("grad(): " + outputs.length + " outputs but " + gradOutputs.length
                    + " output gradients");
        }
        for (Tensor in : inputs) {
            if (!in.requiresGrad()) {
                throw new IllegalArgumentException("grad(): an input of shape " + Arrays.toString(in.shape())
                        + " does not require grad");
            }
        }
        Tensor[] seeds = new Tensor[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            Tensor go = gradOutputs == null ? null : gradOutputs[i];
            if (go == null) {
                if (outputs[i].numel() != 1) {
                    throw new IllegalArgumentException("grad(): output " + i + " has shape "
                            + Arrays.toString(outputs[i].shape()) + "; give its gradient (only one-element outputs"
                            + " default to 1)");
                }
                go = Tensor.full(outputs[i].backend(), 1f, outputs[i].shape());
            }
            checkRoot(outputs[i], go, "grad()");
            seeds[i] = go;
        }
        List<Tensor> order = topologicalOrder(outputs);
        Set<Tensor> wanted = ancestorsOf(order, inputs);
        Tensor[] result = new Tensor[inputs.length];
        if (createGraph) {
            try (GradMode on = GradMode.enable()) {
                Map<Tensor, Tensor> found = walk(order, outputs, seeds, wanted);
                for (int i = 0; i < inputs.length; i++) {
                    result[i] = found.get(inputs[i]);
                }
            }
        } else {
            try (Scope walk = Scope.open(); GradMode noGrad = GradMode.disable()) {
                Map<Tensor, Tensor> found = walk(order, outputs, seeds, wanted);
                for (int i = 0; i < inputs.length; i++) {
                    Tensor g = found.get(inputs[i]);
                    result[i] = g == null ? null : owned(g, result, i).escape();
                }
                if (!retainGraph) {
                    release(order);
                }
            }
            for (Tensor r : result) {
                if (r != null) {
                    r.rescope();
                }
            }
        }
        for (int i = 0; i < inputs.length; i++) {
            if (result[i] == null) {
                result[i] = Tensor.zeros(inputs[i].backend(), inputs[i].shape());
            }
        }
        return result;
    }

    /**
     * Whether the running backward walk needs the gradient with respect to {@code input}: it must require grad,
     * and a {@link #grad} walk only needs the tensors through which its requested inputs are reached. Backward
     * closures use this to skip gradients nobody asked for.
     */
    public static boolean needsGrad(Tensor input) {
        if (input == null || !input.requiresGrad()) {
            return false;
        }
        Set<Tensor> wanted = WANTED.get();
        return wanted == null || wanted.contains(input);
    }

    /** The same tensor, or a copy when an earlier result already is it (so every result can be escaped once). */
    private static Tensor owned(Tensor g, Tensor[] earlier, int upTo) {
        for (int j = 0; j < upTo; j++) {
            if (earlier[j] == g) {
                return org.cryoetgan.engine.ops.Movement.contiguousCopy(g);
            }
        }
        return g;
    }

    private static void checkRoot(Tensor root, Tensor seed, String what) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException(what + " on a tensor that does not require grad (did you detach it "
                    + "or compute it under GradMode.disable()?)");
        }
        if (!Arrays.equals(seed.shape(), root.shape())) {
            throw new IllegalArgumentException("gradient shape " + Arrays.toString(seed.shape())
                    + " does not match tensor shape " + Arrays.toString(root.shape()));
        }
    }

    /**
     * Propagates the seeds through {@code order}. Returns the gradient reaching each leaf that requires grad
     * (wanted == null), or else the gradient of every visited tensor of {@code wanted} (leaves and intermediate
     * tensors alike; only the wanted part of the graph is visited).
     */
    private static Map<Tensor, Tensor> walk(List<Tensor> order, Tensor[] roots, Tensor[] seeds, Set<Tensor> wanted) {
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        for (int i = 0; i < roots.length; i++) {
            Tensor prev = grads.get(roots[i]);
            grads.put(roots[i], prev == null ? seeds[i] : prev.add(seeds[i]));
        }
        Map<Tensor, Tensor> result = new IdentityHashMap<>();
        Set<Tensor> previousWanted = WANTED.get();
        WANTED.set(wanted);
        try {
            for (Tensor t : order) {
                if (wanted != null && !wanted.contains(t)) {
                    continue;
                }
                Tensor g = grads.remove(t);
                if (g == null) {
                    continue;
                }
                Node node = t.gradFn();
                if (wanted != null) {
                    result.put(t, g);
                }
                if (node == null) {
                    if (wanted == null && t.requiresGrad()) {
                        result.put(t, g);
                    }
                    continue;
                }
                Tensor[] inputs = node.inputs();
                Tensor[] inGrads = node.applyBackward(g);
                for (int i = 0; i < inputs.length; i++) {
                    Tensor in = inputs[i];
                    if (inGrads[i] == null || !needsGrad(in)) {
                        continue;
                    }
                    Tensor prev = grads.get(in);
                    grads.put(in, prev == null ? inGrads[i] : prev.add(inGrads[i]));
                }
            }
        } finally {
            WANTED.set(previousWanted);
        }
        return result;
    }

    private static void release(List<Tensor> order) {
        for (Tensor t : order) {
            Node n = t.gradFn();
            if (n != null) {
                n.release();
            }
        }
    }

    /**
     * The tensors of {@code order} from which one of {@code targets} is reached through recorded nodes (the
     * targets included): the part of the graph a {@link #grad} walk must visit.
     */
    static Set<Tensor> ancestorsOf(List<Tensor> order, Tensor[] targets) {
        Set<Tensor> leads = Collections.newSetFromMap(new IdentityHashMap<>());
        Collections.addAll(leads, targets);
        // order lists consumers before their inputs; walk it backwards so that inputs are decided first
        for (int i = order.size() - 1; i >= 0; i--) {
            Tensor t = order.get(i);
            Node n = t.gradFn();
            if (n == null || leads.contains(t)) {
                continue;
            }
            for (Tensor in : n.inputs()) {
                if (in != null && leads.contains(in)) {
                    leads.add(t);
                    break;
                }
            }
        }
        return leads;
    }

    /** Tensors reachable from root through recorded nodes, root first, each after all its consumers. */
    static List<Tensor> topologicalOrder(Tensor root) {
        return topologicalOrder(new Tensor[] {root});
    }

    /** Tensors reachable from the roots through recorded nodes, each after all its consumers. */
    static List<Tensor> topologicalOrder(Tensor[] roots) {
        Map<Tensor, Boolean> visited = new IdentityHashMap<>();
        List<Tensor> post = new ArrayList<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        for (int r = roots.length - 1; r >= 0; r--) {
            Tensor root = roots[r];
            if (visited.put(root, Boolean.TRUE) != null) {
                continue;
            }
            stack.push(new Object[] {root, 0});
            while (!stack.isEmpty()) {
                Object[] frame = stack.peek();
                Tensor t = (Tensor) frame[0];
                int next = (Integer) frame[1];
                Node n = t.gradFn();
                Tensor[] ins = n == null ? null : n.inputs();
                if (n != null && ins == null) {
                    throw new IllegalStateException("the graph through '" + n.name() + "' was already released by"
                            + " a previous backward(); use retainGraph to call backward twice");
                }
                if (ins != null && next < ins.length) {
                    frame[1] = next + 1;
                    Tensor in = ins[next];
                    if (in != null && in.requiresGrad() && visited.put(in, Boolean.TRUE) == null) {
                        stack.push(new Object[] {in, 0});
                    }
                } else {
                    stack.pop();
                    post.add(t);
                }
            }
        }
        Collections.reverse(post);
        return post;
    }
}
