package org.cryoetgan.engine.profile;

/** The groups of backend kernels that {@link ProfilingBackend} keeps time for. */
public enum KernelKind {
    CONV_FORWARD,
    CONV_BACKWARD_DATA,
    CONV_BACKWARD_WEIGHT,
    GEMM,
    ELEMENTWISE,
    REDUCE,
    INSTANCE_NORM,
    PAD,
    POOL,
    RANDOM,
    COPY,
    ALLOCATE
}
