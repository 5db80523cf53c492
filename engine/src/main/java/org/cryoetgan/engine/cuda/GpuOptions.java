package org.cryoetgan.engine.cuda;

/**
 * User choices for the GPU libraries: whether cuBLAS and cuDNN may be used (both on by default, used only when
 * they load) and whether TF32 tensor-core math is allowed. The default is true fp32 (FMA) math, so results match
 * the CPU backend to about 1e-6; TF32 is faster on Ampere and newer GPUs but rounds products to 10-bit mantissas.
 *
 * <p>System properties: {@code -Dcryoetgan.tf32=true}, {@code -Dcryoetgan.cublas=false},
 * {@code -Dcryoetgan.cudnn=false}.
 */
public record GpuOptions(boolean cublas, boolean cudnn, boolean tf32) {

    /** cuBLAS and cuDNN when available, fp32 math. */
    public static final GpuOptions DEFAULT = new GpuOptions(true, true, false);

    /** The options given as system properties (defaults for those not set). */
    public static GpuOptions fromSystemProperties() {
        return new GpuOptions(flag("cryoetgan.cublas", true), flag("cryoetgan.cudnn", true),
                flag("cryoetgan.tf32", false));
    }

    private static boolean flag(String name, boolean fallback) {
        String v = System.getProperty(name);
        return v == null || v.isBlank() ? fallback : Boolean.parseBoolean(v.trim());
    }

    public GpuOptions withTf32(boolean on) {
        return new GpuOptions(cublas, cudnn, on);
    }

    /** Own kernels only (no cuBLAS, no cuDNN). */
    public GpuOptions ownKernelsOnly() {
        return new GpuOptions(false, false, tf32);
    }
}
