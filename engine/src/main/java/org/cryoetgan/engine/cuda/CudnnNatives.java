package org.cryoetgan.engine.cuda;

import jcuda.JCudaVersion;
import jcuda.LibUtils;
import jcuda.jcudnn.JCudnn;

/**
 * Loads JCudnn 11.7.0 next to JCuda 12.6 and checks the cuDNN it finds. JCudnn's loader asks for the native
 * library {@code JCudnn-<JCuda version>} ({@code lib/libJCudnn-12.6.0-linux-x86_64.so}), while its natives jar
 * ships {@code libJCudnn-11.7.0-...}: the engine's build puts a renamed copy into the engine jar (engine/pom.xml,
 * maven-dependency-plugin), for linux-x86_64, so the ordinary loader finds it. That binding links against
 * {@code libcudnn.so.8}, i.e. cuDNN 8.x (8.9 is the release for CUDA 12); cuDNN 9 ships {@code libcudnn.so.9}
 * and cannot be used by it.
 */
final class CudnnNatives {
    static final String LIBRARY = "libcudnn.so.8";
    static final String INSTALL = "cuDNN 8.9 for CUDA 12, e.g. the libcudnn8 package";

    private CudnnNatives() {
    }

    /** The jar resource JCuda's loader looks for, e.g. {@code /lib/libJCudnn-12.6.0-linux-x86_64.so}. */
    static String nativeResource() {
        return "/lib/" + LibUtils.createLibraryFileName(LibUtils.createPlatformLibraryName("JCudnn-"
                + JCudaVersion.get()));
    }

    /** "8.9.7" from cuDNN's version number (major·1000 + minor·100 + patch up to 8.x, ·10000 from 9.0). */
    static String versionString(long v) {
        return v >= 10000 ? v / 10000 + "." + v / 100 % 100 + "." + v % 100
                : v / 1000 + "." + v / 100 % 10 + "." + v % 100;
    }

    /** Null when cuDNN version {@code v} works with JCudnn 11.7 (8.x), else why not. */
    static String versionProblem(long v) {
        if (v >= 8000 && v < 9000) {
            return null;
        }
        return "cuDNN " + versionString(v) + " was loaded but JCudnn 11.7 needs cuDNN 8 (install " + INSTALL + ")";
    }

    /**
     * Loads the binding and returns cuDNN's version string.
     *
     * @throws LibraryUnavailableException with the reason when it cannot be used
     */
    static String load() {
        long version;
        try {
            version = JCudnn.cudnnGetVersion();
        } catch (LinkageError | RuntimeException e) {
            String reason = NativeFailures.explain(e, "JCudnn", LIBRARY, INSTALL);
            if (CudnnNatives.class.getResource(nativeResource()) == null) {
                reason += "; the engine jar lacks " + nativeResource().substring(1)
                        + " (the renamed JCudnn binding is only packaged for linux-x86_64)";
            }
            throw new LibraryUnavailableException(reason);
        }
        String problem = versionProblem(version);
        if (problem != null) {
            throw new LibraryUnavailableException(problem);
        }
        long cudart = JCudnn.cudnnGetCudartVersion();
        return versionString(version) + " for CUDA " + cudart / 1000 + "." + cudart % 1000 / 10;
    }
}
