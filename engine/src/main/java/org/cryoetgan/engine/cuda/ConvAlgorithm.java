package org.cryoetgan.engine.cuda;

/**
 * A convolution algorithm chosen for one shape: the library's algorithm number, the math type it runs with and
 * the workspace it needs in bytes.
 */
public record ConvAlgorithm(int algo, int mathType, long workspaceBytes) {
}
