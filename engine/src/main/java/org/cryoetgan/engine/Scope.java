package org.cryoetgan.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Owns the tensors created on its thread while it is the innermost open scope, and closes them when it is
 * closed. Typical use is one scope per training step:
 *
 * <pre>{@code
 * try (Scope step = Scope.open()) {
 *     Tensor loss = model.forward(x).sub(y).abs().mean();
 *     loss.backward();
 *     optimizer.step();
 * } // every intermediate tensor is freed here
 * }</pre>
 *
 * Parameters and other long-lived tensors are created outside any scope (or {@link Tensor#escape() escaped})
 * and closed by their owner. Gradients accumulated into leaf tensors belong to the leaf.
 */
public final class Scope implements AutoCloseable {
    private static final ThreadLocal<ArrayDeque<Scope>> STACK = ThreadLocal.withInitial(ArrayDeque::new);

    private final List<Tensor> owned = new ArrayList<>();
    private final Thread thread;
    private boolean closed;

    private Scope() {
        this.thread = Thread.currentThread();
    }

    /** Opens a scope that becomes the innermost scope of the current thread. */
    public static Scope open() {
        Scope s = new Scope();
        STACK.get().push(s);
        return s;
    }

    /** The innermost open scope of the current thread, or null. */
    static Scope current() {
        return STACK.get().peek();
    }

    /**
     * Runs {@code body} with no scope active on this thread: tensors it creates are owned by the caller. Used
     * for parameters, optimizer state and gradients that must outlive the step.
     */
    public static <T> T unscoped(java.util.function.Supplier<T> body) {
        ArrayDeque<Scope> stack = STACK.get();
        ArrayDeque<Scope> saved = new ArrayDeque<>(stack);
        stack.clear();
        try {
            return body.get();
        } finally {
            stack.clear();
            stack.addAll(saved);
        }
    }

    void adopt(Tensor t) {
        owned.add(t);
    }

    /** Number of tensors this scope currently owns (closed or escaped ones included until it closes). */
    public int size() {
        return owned.size();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("a scope must be closed on the thread that opened it");
        }
        ArrayDeque<Scope> stack = STACK.get();
        if (stack.peek() != this) {
            throw new IllegalStateException("scopes must be closed innermost first");
        }
        stack.pop();
        closed = true;
        for (int i = owned.size() - 1; i >= 0; i--) {
            Tensor t = owned.get(i);
            if (t.owner() == this) {
                t.close();
            }
        }
        owned.clear();
    }
}
