package org.cryoetgan.engine.cuda;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * The bridge from the engine's device addresses (the value of a JCuda {@code CUdeviceptr}) to the bytedeco
 * presets' pointer arguments: a {@link Pointer} that holds the address and nothing else, so nothing is copied or
 * allocated and the memory stays owned by the engine's allocator.
 */
final class DevicePointers {
    private DevicePointers() {
    }

    /** A pointer at a device address, never dereferenced on the host. */
    private static final class Address extends Pointer {
        Address(long address) {
            this.address = address;
        }
    }

    /** {@code address} as an untyped pointer (cuDNN's {@code void*} arguments). */
    static Pointer at(long address) {
        return new Address(address);
    }

    /** {@code address} as a {@code float*} (cuBLAS's matrix arguments). */
    static FloatPointer floats(long address) {
        return new FloatPointer(at(address));
    }
}
