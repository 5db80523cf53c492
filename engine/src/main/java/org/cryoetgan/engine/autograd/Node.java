package org.cryoetgan.engine.autograd;

import org.cryoetgan.engine.Tensor;

/**
 * One recorded op of the define-by-run graph: its name, its inputs and its backward closure. The graph is
 * released after {@code backward()} unless asked to retain it.
 */
public final class Node {
    private final String name;
    private Tensor[] inputs;
    private BackwardFunction backward;

    private Node(String name, Tensor[] inputs, BackwardFunction backward) {
        this.name = name;
        this.inputs = inputs;
        this.backward = backward;
    }

    /**
     * Attaches a node to {@code output} when grad mode is on and any input requires a gradient; returns the
     * output either way. This is how every op joins the graph.
     */
    public static Tensor record(Tensor output, String name, BackwardFunction backward, Tensor... inputs) {
        if (!GradMode.isEnabled()) {
            return output;
        }
        boolean any = false;
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad()) {
                any = true;
                break;
            }
        }
        if (any) {
            output.attachGradFn(new Node(name, inputs.clone(), backward));
        }
        return output;
    }

    public String name() {
        return name;
    }

    /** The recorded inputs; null after the graph was released. */
    public Tensor[] inputs() {
        return inputs;
    }

    Tensor[] applyBackward(Tensor grad) {
        if (backward == null) {
            throw new IllegalStateException("the graph through '" + name
                    + "' was already released by a previous backward(); use retainGraph to call backward twice");
        }
        return backward.apply(grad);
    }

    void release() {
        inputs = null;
        backward = null;
    }

    boolean released() {
        return backward == null;
    }

    @Override
    public String toString() {
        return "Node[" + name + "]";
    }
}
