package org.cryoetgan.engine.backend;

/**
 * Elementwise unary kernels. Some take scalar parameters {@code a} and {@code b}:
 * {@code LEAKY_RELU} (a = negative slope), {@code POW} (a = exponent), {@code AFFINE} (a·x + b),
 * {@code CLAMP} (a = min, b = max), {@code STEP} (x &gt; a ? 1 : 0).
 */
public enum UnaryOp {
    NEG, EXP, LOG, SQRT, ABS, SIGN, RELU, LEAKY_RELU, TANH, SIGMOID, POW, AFFINE, CLAMP, RECIPROCAL, SQUARE, STEP, SOFTPLUS
}
