package org.cryoetgan.engine.cuda;

import java.util.function.IntFunction;
import jcuda.driver.CUresult;

/**
 * Opens a CUDA backend, turning every way this can fail (JCuda classes or native library missing, no driver,
 * driver too old, no device, kernels that do not load) into a short reason a user can act on. The device opener
 * is a parameter so that the failure paths are unit-tested with fakes.
 */
public final class CudaProbe {
    /** The result: a backend, or null and the reason. */
    public record Result(CudaBackend backend, String reason) {
        public boolean ok() {
            return backend != null;
        }
    }

    /** CUDA_ERROR_INSUFFICIENT_DRIVER (missing from JCuda's CUresult constants). */
    static final int INSUFFICIENT_DRIVER = 35;

    /** Why JCuda's classes failed to initialise the first time (later attempts only say "could not initialize"). */
    private static volatile String linkFailure;

    private final IntFunction<GpuDevice> opener;

    /** A probe with the real JCuda device. */
    public CudaProbe() {
        this(JCudaDevice::new);
    }

    public CudaProbe(IntFunction<GpuDevice> opener) {
        this.opener = opener;
    }

    /** Tries to open device {@code ordinal} with the options of the system properties. */
    public Result open(int ordinal) {
        return open(ordinal, GpuOptions.fromSystemProperties());
    }

    /** Tries to open device {@code ordinal}. Never throws for an unavailable GPU. */
    public Result open(int ordinal, GpuOptions options) {
        GpuDevice device;
        try {
            device = opener.apply(ordinal);
        } catch (CudaException e) {
            return new Result(null, explain(e));
        } catch (UnsatisfiedLinkError e) {
            linkFailure = "the JCuda native library could not be loaded (" + summarizeLinkError(e.getMessage())
                    + "); is the NVIDIA driver (libcuda.so.1) installed?";
            return new Result(null, linkFailure);
        } catch (NoClassDefFoundError | ExceptionInInitializerError e) {
            String earlier = linkFailure;
            return new Result(null, earlier != null ? earlier : "JCuda is unusable on this platform (" + e + ")");
        } catch (RuntimeException e) {
            return new Result(null, "opening the GPU failed: " + e.getMessage());
        }
        return new Result(new CudaBackend("cuda:" + ordinal, device, CudaBackend.DEFAULT_COLUMN_LIMIT, options), null);
    }

    /** The user's view of a driver error. */
    static String explain(CudaException e) {
        switch (e.result()) {
            case CUresult.CUDA_ERROR_NO_DEVICE:
                return "no CUDA-capable GPU was found";
            case INSUFFICIENT_DRIVER:
                return "the NVIDIA driver is older than the CUDA 12 runtime that JCuda 12.6 needs";
            case CUresult.CUDA_ERROR_INVALID_DEVICE:
                return e.getMessage();
            default:
                return "CUDA error: " + e.getMessage();
        }
    }

    /**
     * The line of JCuda's (long, multi-attempt) loader message that names the real cause, e.g.
     * {@code libcuda.so.1: cannot open shared object file: No such file or directory}; else its first line.
     */
    static String summarizeLinkError(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        String[] lines = message.split("\n");
        for (String line : lines) {
            if (line.contains("cannot open shared object file") || line.contains("undefined symbol")
                    || line.contains("version `")) {
                int so = line.indexOf(".so: ");
                return (so >= 0 ? line.substring(so + 5) : line).trim();
            }
        }
        return lines[0].trim();
    }
}
