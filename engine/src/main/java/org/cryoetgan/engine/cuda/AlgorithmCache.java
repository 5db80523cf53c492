package org.cryoetgan.engine.cuda;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.cryoetgan.engine.backend.ConvGeometry;

/**
 * Convolution algorithms chosen once per (pass, shape) and remembered, including "the library has none for this
 * shape" (so the fallback is not re-probed every step). Shapes are compared by value.
 */
final class AlgorithmCache {
    /** A pass of one convolution shape. */
    record Key(ConvDirection direction, List<Integer> shape) {
    }

    private final Map<Key, Optional<ConvAlgorithm>> chosen = new HashMap<>();
    private int queries;

    /** Every number that defines a geometry: batch, channels, sizes, kernel, stride, padding, dilation. */
    static List<Integer> shape(ConvGeometry g) {
        Integer[] v = new Integer[18];
        v[0] = g.batch;
        v[1] = g.inChannels;
        v[2] = g.outChannels;
        int i = 3;
        for (int[] a : new int[][] {g.in, g.kernel, g.stride, g.padding, g.dilation}) {
            for (int x : a) {
                v[i++] = x;
            }
        }
        return List.of(v);
    }

    static Key key(ConvDirection direction, ConvGeometry g) {
        return new Key(direction, shape(g));
    }

    /**
     * The algorithm for {@code key}, asking {@code choose} only the first time; empty when {@code choose} threw
     * {@link UnsupportedOperationException} for it.
     */
    synchronized Optional<ConvAlgorithm> get(Key key, Supplier<ConvAlgorithm> choose) {
        Optional<ConvAlgorithm> a = chosen.get(key);
        if (a == null) {
            queries++;
            try {
                a = Optional.of(choose.get());
            } catch (UnsupportedOperationException e) {
                a = Optional.empty();
            }
            chosen.put(key, a);
        }
        return a;
    }

    /** How many times the library was asked (cache misses). */
    synchronized int queries() {
        return queries;
    }

    synchronized int size() {
        return chosen.size();
    }
}
