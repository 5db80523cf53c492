package org.cryoetgan.engine.backend;

/**
 * Elementwise binary kernels with broadcasting. The {@code *_GRAD} entries are fused backward kernels:
 * {@code RELU_GRAD(x, g) = x > 0 ? g : 0}, {@code LEAKY_RELU_GRAD} uses the kernel's scalar as slope,
 * {@code TANH_GRAD(y, g) = g·(1−y²)}, {@code SIGMOID_GRAD(y, g) = g·y·(1−y)}; {@code CLAMP_GRAD} passes g where
 * x lies inside [lo, hi] given as the two scalars.
 */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, MAX, MIN, POW, RELU_GRAD, LEAKY_RELU_GRAD, TANH_GRAD, SIGMOID_GRAD, CLAMP_GRAD, GT, EQ
}
