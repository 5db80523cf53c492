package org.cryoetgan.engine.cuda;

/**
 * What {@link CudaBackend} needs from a device: memory, host copies, named kernel launches on one in-order
 * stream. Implemented on the CUDA driver by {@link JCudaDevice} and, in the tests, by the kernel emulator.
 */
public interface GpuDevice extends DeviceMemory, AutoCloseable {

    /** A one-line description (device name, memory, how the kernels were loaded). */
    String describe();

    /** Copies host floats to the device (returns when the source may be reused). */
    void copyToDevice(float[] src, int srcOffset, long dstAddress, int count);

    /** Copies device floats to the host after all submitted work is done. */
    void copyToHost(long srcAddress, float[] dst, int dstOffset, int count);

    /** Queues kernel {@code name} with the given launch configuration and arguments. */
    void launch(String name, LaunchConfig config, KernelArgs args);

    /**
     * Makes the device's context current on the calling thread (before a vendor library call that finds the
     * device through it); nothing for devices without one.
     */
    default void makeCurrent() {
    }

    /** The vendor libraries (cuBLAS, cuDNN) this device can offer; none by default. */
    default GpuLibraries libraries() {
        return GpuLibraries.NONE;
    }

    /** Waits for all queued work. */
    void synchronize();

    @Override
    void close();
}
