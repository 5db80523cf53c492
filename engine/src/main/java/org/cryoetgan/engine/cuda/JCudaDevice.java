package org.cryoetgan.engine.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuDriverGetVersion;
import static jcuda.driver.JCudaDriver.cuInit;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUresult;

/**
 * A {@link GpuDevice} on the CUDA driver API through JCuda: the device's primary context (made current on every
 * thread that calls in), the legacy default stream, the engine's kernel modules loaded from the shipped PTX, or
 * compiled from the shipped sources with NVRTC when the driver is too old for the PTX ISA. Needs only
 * {@code libcuda.so.1} (plus {@code libnvrtc.so.12} for the fallback).
 */
public final class JCudaDevice implements GpuDevice {
    private final int ordinal;
    private final CUdevice device = new CUdevice();
    private final CUcontext context = new CUcontext();
    private final ThreadLocal<Boolean> current = ThreadLocal.withInitial(() -> false);
    private final List<CUmodule> modules = new ArrayList<>();
    private final Map<String, CUfunction> functions = new ConcurrentHashMap<>();
    private final String description;
    private volatile boolean closed;

    /** A device pointer whose address can be read (JCuda keeps it protected). */
    private static final class DevicePointer extends CUdeviceptr {
        long address() {
            return getNativePointer();
        }
    }

    /** A device pointer at an address. */
    static CUdeviceptr at(long address) {
        return new CUdeviceptr().withByteOffset(address);
    }

    /** Throws {@link CudaException} when {@code result} is not CUDA_SUCCESS. */
    static void check(int result, String what) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw new CudaException(what + " failed: " + CUresult.stringFor(result), result);
        }
    }

    /**
     * Opens device {@code ordinal}: initialises the driver, retains the primary context, loads the kernels.
     *
     * @throws CudaException with the driver's error when any step fails
     */
    public JCudaDevice(int ordinal) {
        this.ordinal = ordinal;
        check(cuInit(0), "cuInit");
        int[] count = new int[1];
        check(cuDeviceGetCount(count), "cuDeviceGetCount");
        if (ordinal < 0 || ordinal >= count[0]) {
            throw new CudaException("no CUDA device " + ordinal + " (" + count[0] + " present)",
                    CUresult.CUDA_ERROR_INVALID_DEVICE);
        }
        check(cuDeviceGet(device, ordinal), "cuDeviceGet");
        check(cuDevicePrimaryCtxRetain(context, device), "cuDevicePrimaryCtxRetain");
        makeCurrent();
        String how = loadModules();
        description = describeDevice() + ", kernels " + how;
    }

    @Override
    public void makeCurrent() {
        if (closed) {
            throw new IllegalStateException("CUDA device " + ordinal + " was closed");
        }
        if (!current.get()) {
            check(cuCtxSetCurrent(context), "cuCtxSetCurrent");
            current.set(true);
        }
    }

    private int attribute(int attr) {
        int[] v = new int[1];
        check(cuDeviceGetAttribute(v, attr, device), "cuDeviceGetAttribute");
        return v[0];
    }

    private String describeDevice() {
        byte[] name = new byte[256];
        check(cuDeviceGetName(name, name.length, device), "cuDeviceGetName");
        int len = 0;
        while (len < name.length && name[len] != 0) {
            len++;
        }
        long[] mem = new long[1];
        check(cuDeviceTotalMem(mem, device), "cuDeviceTotalMem");
        int[] driver = new int[1];
        check(cuDriverGetVersion(driver), "cuDriverGetVersion");
        return String.format("%s (sm_%d%d, %.1f GiB, driver CUDA %d.%d)", new String(name, 0, len,
                StandardCharsets.US_ASCII), attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR),
                attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR), mem[0] / 1073741824.0,
                driver[0] / 1000, driver[0] % 1000 / 10);
    }

    /** Loads every module from PTX, or from NVRTC when the driver rejects the PTX version; says which. */
    private String loadModules() {
        String fallbackReason = null;
        for (String m : KernelSources.MODULES) {
            CUmodule module = new CUmodule();
            int r = CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION;
            if (fallbackReason == null) {
                byte[] ptx = KernelSources.ptx(m);
                byte[] z = java.util.Arrays.copyOf(ptx, ptx.length + 1);  // NUL-terminated image
                r = cuModuleLoadData(module, z);
                if (r == CUresult.CUDA_ERROR_UNSUPPORTED_PTX_VERSION) {
                    fallbackReason = "the driver is too old for PTX ISA " + KernelSources.ptxIsaVersion(ptx) / 10 + "."
                            + KernelSources.ptxIsaVersion(ptx) % 10 + " of the shipped kernels";
                }
            }
            if (fallbackReason != null) {
                int cc = attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR) * 10
                        + attribute(CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
                String ptx;
                try {
                    ptx = NvrtcCompiler.compile(m, cc);
                } catch (RuntimeException | LinkageError e) {
                    throw new CudaException(fallbackReason + ", and compiling them with NVRTC failed ("
                            + e.getMessage() + "); install a CUDA 13 driver (>= 580) or the CUDA 12 NVRTC library "
                            + "(libnvrtc.so.12)", r);
                }
                r = cuModuleLoadData(module, ptx);
            }
            check(r, "loading kernel module " + m);
            modules.add(module);
        }
        return fallbackReason == null ? "from shipped PTX" : "compiled with NVRTC (" + fallbackReason + ")";
    }

    private CUfunction function(String name) {
        return functions.computeIfAbsent(name, n -> {
            for (CUmodule m : modules) {
                CUfunction f = new CUfunction();
                if (cuModuleGetFunction(f, m, n) == CUresult.CUDA_SUCCESS) {
                    return f;
                }
            }
            throw new IllegalArgumentException("no kernel named " + n + " in the loaded modules");
        });
    }

    @Override
    public GpuLibraries libraries() {
        return new JCudaLibraries(this);
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public long malloc(long bytes) {
        makeCurrent();
        DevicePointer p = new DevicePointer();
        int r = cuMemAlloc(p, bytes);
        if (r == CUresult.CUDA_ERROR_OUT_OF_MEMORY) {
            throw new DeviceOutOfMemoryException("cuMemAlloc of " + bytes + " bytes: " + CUresult.stringFor(r));
        }
        check(r, "cuMemAlloc(" + bytes + ")");
        return p.address();
    }

    @Override
    public void free(long address) {
        makeCurrent();
        check(cuCtxSynchronize(), "cuCtxSynchronize");  // queued kernels may still use the block
        check(cuMemFree(at(address)), "cuMemFree");
    }

    @Override
    public void copyToDevice(float[] src, int srcOffset, long dstAddress, int count) {
        makeCurrent();
        check(cuMemcpyHtoD(at(dstAddress), Pointer.to(src).withByteOffset(4L * srcOffset), 4L * count),
                "cuMemcpyHtoD");
    }

    @Override
    public void copyToHost(long srcAddress, float[] dst, int dstOffset, int count) {
        makeCurrent();
        check(cuMemcpyDtoH(Pointer.to(dst).withByteOffset(4L * dstOffset), at(srcAddress), 4L * count),
                "cuMemcpyDtoH");
    }

    @Override
    public void launch(String name, LaunchConfig c, KernelArgs args) {
        makeCurrent();
        NativePointerObject[] params = new NativePointerObject[args.size()];
        for (int i = 0; i < args.size(); i++) {
            long v = args.value(i);
            switch (args.tag(i)) {
                case 'i':
                    params[i] = Pointer.to(new int[] {(int) v});
                    break;
                case 'f':
                    params[i] = Pointer.to(new float[] {Float.intBitsToFloat((int) v)});
                    break;
                default:
                    params[i] = Pointer.to(new long[] {v});
            }
        }
        check(cuLaunchKernel(function(name), c.gridX, c.gridY, c.gridZ, c.blockX, c.blockY, c.blockZ, 0, null,
                Pointer.to(params), null), "launching " + name + c);
    }

    @Override
    public void synchronize() {
        makeCurrent();
        check(cuCtxSynchronize(), "cuCtxSynchronize");
    }

    @Override
    public void close() {
        if (!closed) {
            synchronize();
            closed = true;
            cuDevicePrimaryCtxRelease(device);
        }
    }
}
