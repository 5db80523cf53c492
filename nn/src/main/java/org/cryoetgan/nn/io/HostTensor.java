package org.cryoetgan.nn.io;

import java.util.Arrays;
import org.cryoetgan.engine.Tensor;
import org.cryoetgan.engine.backend.Backend;

/** A float32 array with a shape, held in Java memory: what files are read into and written from. */
public record HostTensor(int[] shape, float[] data) {

    public HostTensor {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(data.length + " values do not fill shape " + Arrays.toString(shape));
        }
        shape = shape.clone();
    }

    /** A host copy of a tensor's values. */
    public static HostTensor of(Tensor t) {
        return new HostTensor(t.shape(), t.toArray());
    }

    /** A new tensor on {@code backend} (owned by the current scope, if any). */
    public Tensor toTensor(Backend backend) {
        return Tensor.of(backend, data, shape.length == 0 ? new int[] {1} : shape);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    public long numel() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostTensor h && Arrays.equals(shape, h.shape) && Arrays.equals(data, h.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "HostTensor" + Arrays.toString(shape);
    }
}
