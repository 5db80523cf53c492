package org.cryoetgan.engine.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.Loader;

/**
 * Loads the bytedeco CUDA presets (JNI bindings of CUDA 13.1 and cuDNN 9, linux-x86_64) once per process and says
 * why when they cannot be used. The presets bring no CUDA libraries of their own: their JNI parts link
 * {@code libcuda.so.1} and {@code libcudart.so.13} (cudart), {@code libcublas.so.13} and
 * {@code libcublasLt.so.13} (cuBLAS), {@code libcudnn_graph/ops/cnn/adv.so.9} (cuDNN), found on the library path.
 * Loading the cuDNN binding loads the cuBLAS and cudart ones first, so the first missing library is named.
 * Each outcome is remembered: a later attempt gives the same reason without loading again.
 */
final class BytedecoNatives {
    /** A shared library that the dynamic linker could not find. */
    private static final Pattern MISSING = Pattern.compile("(lib[A-Za-z0-9_+-]+\\.so[0-9.]*): cannot open shared "
            + "object file");

    private static Outcome cublas;
    private static Outcome cudnn;

    /** A version string, or the reason there is none. */
    private record Outcome(String version, String failure) {
    }

    private BytedecoNatives() {
    }

    /**
     * The cuBLAS 13 binding's version, e.g. {@code 13.1.0}.
     *
     * @throws LibraryUnavailableException with the reason when it cannot be used
     */
    static synchronized String cublasVersion() {
        if (cublas == null) {
            cublas = attempt(() -> {
                Loader.load(org.bytedeco.cuda.global.cublas.class);
                StringBuilder v = new StringBuilder();
                for (int part = 0; part < 3; part++) {  // MAJOR_VERSION, MINOR_VERSION, PATCH_LEVEL
                    int[] value = new int[1];
                    org.bytedeco.cuda.global.cublas.cublasGetProperty(part, value);
                    v.append(part == 0 ? "" : ".").append(value[0]);
                }
                return v.toString();
            });
        }
        return get(cublas);
    }

    /**
     * The cuDNN 9 binding's version, e.g. {@code 9.19.0 for CUDA 13.1}.
     *
     * @throws LibraryUnavailableException with the reason when it cannot be used
     */
    static synchronized String cudnnVersion() {
        if (cudnn == null) {
            cudnn = attempt(() -> {
                cublasVersion();  // the cuDNN binding loads the cuBLAS one first: its reason comes first
                Loader.load(org.bytedeco.cuda.global.cudnn.class);
                long v = org.bytedeco.cuda.global.cudnn.cudnnGetVersion();
                String problem = versionProblem(v);
                if (problem != null) {
                    throw new LibraryUnavailableException(problem);
                }
                long rt = org.bytedeco.cuda.global.cudnn.cudnnGetCudartVersion();
                return CudnnNatives.versionString(v) + " for CUDA " + rt / 1000 + "." + rt % 1000 / 10;
            });
        }
        return get(cudnn);
    }

    /** Null when cuDNN version number {@code v} (major·10000 + minor·100 + patch) is a 9.x, else why not. */
    static String versionProblem(long v) {
        return v >= 90000 && v < 100000 ? null : "cuDNN " + CudnnNatives.versionString(v)
                + " was loaded but the cuDNN 9 binding needs cuDNN 9 (install " + installFor("libcudnn.so.9") + ")";
    }

    private static Outcome attempt(java.util.function.Supplier<String> load) {
        try {
            return new Outcome(load.get(), null);
        } catch (LinkageError | RuntimeException e) {
            return new Outcome(null, explain(e));
        }
    }

    private static String get(Outcome o) {
        if (o.failure() != null) {
            throw new LibraryUnavailableException(o.failure());
        }
        return o.version();
    }

    /** The presets' version, e.g. {@code 13.1-9.19-1.5.13}, from the jar's Maven metadata; "?" when absent. */
    static String presetsVersion() {
        try (InputStream in = Loader.class.getResourceAsStream(
                "/META-INF/maven/org.bytedeco/cuda/pom.properties")) {
            if (in == null) {
                return "?";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "?");
        } catch (IOException | LinkageError e) {
            return "?";
        }
    }

    /** What to install to get the shared library {@code soname}. */
    static String installFor(String soname) {
        if (soname.startsWith("libcuda.so")) {
            return "the NVIDIA driver";
        }
        if (soname.startsWith("libcudart")) {
            return "the CUDA 13 runtime, e.g. the pip wheel nvidia-cuda-runtime 13.x or the cuda-cudart-13-x package";
        }
        if (soname.startsWith("libcublas")) {
            return "cuBLAS for CUDA 13, e.g. the pip wheel nvidia-cublas 13.x or the libcublas-13-x package";
        }
        if (soname.startsWith("libcudnn")) {
            return "cuDNN 9 for CUDA 13, e.g. the pip wheel nvidia-cudnn-cu13 or the cudnn9-cuda-13 package";
        }
        return "the CUDA 13 libraries";
    }

    /** The reason a preset failed to load or initialise, naming the missing library when there is one. */
    static String explain(Throwable failure) {
        if (failure instanceof LibraryUnavailableException) {
            return failure.getMessage();
        }
        if (failure instanceof NoClassDefFoundError && !String.valueOf(failure.getMessage()).contains("initialize")) {
            return "the bytedeco CUDA presets are not on the class path (" + failure.getMessage() + ")";
        }
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        String line = CudaProbe.summarizeLinkError(all.toString());
        Matcher m = MISSING.matcher(line);
        if (m.find()) {
            return m.group(1) + " not found on the library path (install " + installFor(m.group(1)) + ")";
        }
        if (line.contains("undefined symbol") || line.contains("version `")) {
            return "a CUDA library is not the version the bytedeco presets " + presetsVersion() + " were built for ("
                    + line + ")";
        }
        return "the bytedeco CUDA presets could not be loaded (" + failure.getClass().getSimpleName() + ": " + line
                + ")";
    }
}
