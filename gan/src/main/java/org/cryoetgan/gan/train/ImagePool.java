package org.cryoetgan.gan.train;

import java.util.ArrayList;
import java.util.List;
import org.cryoetgan.engine.RandomGenerator;
import org.cryoetgan.engine.Scope;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.ops.Movement;

/**
 * CycleGAN's history of generated samples: with probability ½ the critic sees a stored older fake (which the
 * new one replaces) instead of the newest. A capacity of 0 always returns the newest fake. Stored tensors are
 * detached copies owned by the pool.
 */
public final class ImagePool implements AutoCloseable {
    private final int capacity;
    private final List<Tensor> stored = new ArrayList<>();

    public ImagePool(int capacity) {
        this.capacity = capacity;
    }

    /** The fake to show the critic: {@code fake} itself or an older one (both detached from the graph). */
    public Tensor query(Tensor fake, RandomGenerator rng) {
        Tensor detached = fake.detach();
        if (capacity == 0) {
            return detached;
        }
        if (stored.size() < capacity) {
            stored.add(copyOwned(detached));
            return detached;
        }
        if (rng.nextDouble() < 0.5) {
            int i = rng.nextInt(capacity);
            Tensor old = stored.get(i);
            Tensor out = Movement.contiguousCopy(old);
            old.close();
            stored.set(i, copyOwned(detached));
            return out;
        }
        return detached;
    }

    /** Visits the stored fakes in order. */
    public void forEach(java.util.function.BiConsumer<Integer, Tensor> visitor) {
        for (int i = 0; i < stored.size(); i++) {
            visitor.accept(i, stored.get(i));
        }
    }

    /** Replaces the stored fakes with {@code prefix + i} entries of a saved state (for exact resumption). */
    public void restore(java.util.Map<String, org.cryoetgan.nn.io.HostTensor> state, String prefix) {
        close();
        for (int i = 0; state.containsKey(prefix + i); i++) {
            org.cryoetgan.nn.io.HostTensor h = state.get(prefix + i);
            stored.add(Scope.unscoped(() -> h.toTensor(org.cryoetgan.engine.Backends.getDefault())));
        }
    }

    public int size() {
        return stored.size();
    }

    private static Tensor copyOwned(Tensor t) {
        return Scope.unscoped(() -> Tensor.noGrad(() -> Movement.contiguousCopy(t)));
    }

    @Override
    public void close() {
        stored.forEach(Tensor::close);
        stored.clear();
    }
}
