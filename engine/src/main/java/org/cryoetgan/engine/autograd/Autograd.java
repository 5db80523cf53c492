package org.cryoetgan.engine.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;

/**
 * The backward walk: orders the graph topologically from the root, propagates gradients through each node's
 * closure and accumulates them into the {@code grad} of leaves that require one. Intermediate gradients live
 * in a scope of their own that is closed when the walk ends.
 */
public final class Autograd {
    private Autograd() {
    }

    /**
     * Back-propagates {@code seed} (the gradient of the loss with respect to {@code root}) through the graph.
     *
     * @param retainGraph keep the closures so that backward can run again through the same graph
     */
    public static void backward(Tensor root, Tensor seed, boolean retainGraph) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward() on a tensor that does not require grad (did you detach it "
                    + "or compute it under GradMode.disable()?)");
        }
        if (!java.util.Arrays.equals(seed.shape(), root.shape())) {
            throw new IllegalArgumentException("gradient shape " + java.util.Arrays.toString(seed.shape())
                    + " does not match tensor shape " + java.util.Arrays.toString(root.shape()));
        }
        List<Tensor> order = topologicalOrder(root);
        try (Scope walk = Scope.open(); GradMode noGrad = GradMode.disable()) {
            Map<Tensor, Tensor> grads = new IdentityHashMap<>();
            grads.put(root, seed);
            for (Tensor t : order) {
                Tensor g = grads.remove(t);
                if (g == null) {
                    continue;
                }
                Node node = t.gradFn();
                if (node == null) {
                    if (t.requiresGrad()) {
                        t.accumulateGrad(g);
                    }
                    continue;
                }
                Tensor[] inputs = node.inputs();
                Tensor[] inGrads = node.applyBackward(g);
                for (int i = 0; i < inputs.length; i++) {
                    Tensor in = inputs[i];
                    if (in == null || !in.requiresGrad() || inGrads[i] == null) {
                        continue;
                    }
                    Tensor prev = grads.get(in);
                    grads.put(in, prev == null ? inGrads[i] : prev.add(inGrads[i]));
                }
            }
            if (!retainGraph) {
                for (Tensor t : order) {
                    Node n = t.gradFn();
                    if (n != null) {
                        n.release();
                    }
                }
            }
        }
    }

    /** Tensors reachable from root through recorded nodes, root first, each after all its consumers. */
    static List<Tensor> topologicalOrder(Tensor root) {
        Map<Tensor, Boolean> visited = new IdentityHashMap<>();
        List<Tensor> post = new ArrayList<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        visited.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            Node n = t.gradFn();
            Tensor[] ins = n == null ? null : n.inputs();
            if (n != null && ins == null) {
                throw new IllegalStateException("the graph through '" + n.name()
                        + "' was already released by a previous backward(); use retainGraph to call backward twice");
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
        java.util.Collections.reverse(post);
        return post;
    }
}
