package org.cryoetgan.engine.cuda;

import java.util.Arrays;

/**
 * The arguments of one kernel launch in order, each with its C type: {@code i} (int), {@code l} (64-bit integer),
 * {@code f} (float), {@code p} (device pointer, 0 for null). Devices turn them into driver parameters or into
 * the emulator's tagged messages.
 */
public final class KernelArgs {
    private char[] tags = new char[24];
    private long[] values = new long[24];
    private int size;

    private KernelArgs add(char tag, long value) {
        if (size == tags.length) {
            tags = Arrays.copyOf(tags, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        tags[size] = tag;
        values[size++] = value;
        return this;
    }

    public KernelArgs i(int v) {
        return add('i', v);
    }

    /** Several int arguments. */
    public KernelArgs ints(int... vs) {
        for (int v : vs) {
            i(v);
        }
        return this;
    }

    public KernelArgs l(long v) {
        return add('l', v);
    }

    public KernelArgs f(float v) {
        return add('f', Float.floatToRawIntBits(v));
    }

    /** A device address. */
    public KernelArgs p(long address) {
        return add('p', address);
    }

    public int size() {
        return size;
    }

    public char tag(int i) {
        return tags[i];
    }

    /** The value: the int, the long, the address, or the float's raw bits. */
    public long value(int i) {
        return values[i];
    }
}
