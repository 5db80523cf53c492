package org.cryoetgan.engine.cuda;

import static jcuda.nvrtc.JNvrtc.nvrtcCompileProgram;
import static jcuda.nvrtc.JNvrtc.nvrtcCreateProgram;
import static jcuda.nvrtc.JNvrtc.nvrtcDestroyProgram;
import static jcuda.nvrtc.JNvrtc.nvrtcGetPTX;
import static jcuda.nvrtc.JNvrtc.nvrtcGetProgramLog;

import jcuda.nvrtc.JNvrtc;
import jcuda.nvrtc.nvrtcProgram;
import jcuda.nvrtc.nvrtcResult;

/**
 * Compiles a shipped kernel module to PTX at run time with NVRTC (JNvrtc needs {@code libnvrtc.so.12}); the
 * fallback for drivers older than the PTX ISA that nvcc 13 emits.
 */
final class NvrtcCompiler {
    private NvrtcCompiler() {
    }

    /** PTX for module {@code module} targeting compute capability {@code cc} (e.g. 86). */
    static String compile(String module, int cc) {
        JNvrtc.setExceptionsEnabled(false);
        nvrtcProgram program = new nvrtcProgram();
        String[] headers = KernelSources.HEADERS.stream().map(KernelSources::source).toArray(String[]::new);
        String[] names = KernelSources.HEADERS.toArray(new String[0]);
        check(nvrtcCreateProgram(program, KernelSources.source(module + ".cu"), module + ".cu", headers.length, headers,
                names), "nvrtcCreateProgram", null);
        try {
            int r = nvrtcCompileProgram(program, 1, new String[] {"--gpu-architecture=compute_" + cc});
            check(r, "compiling " + module + ".cu", program);
            String[] ptx = new String[1];
            check(nvrtcGetPTX(program, ptx), "nvrtcGetPTX", program);
            return ptx[0];
        } finally {
            nvrtcDestroyProgram(program);
        }
    }

    private static void check(int r, String what, nvrtcProgram program) {
        if (r != nvrtcResult.NVRTC_SUCCESS) {
            String log = "";
            if (program != null) {
                String[] l = new String[1];
                nvrtcGetProgramLog(program, l);
                log = l[0] == null ? "" : ": " + l[0];
            }
            throw new IllegalStateException(what + " failed: " + nvrtcResult.stringFor(r) + log);
        }
    }
}
