/**
 * Layers (convolutions, instance norm, padding, activations, dropout with an MC mode, linear, pooling), the
 * CycleGAN generator blocks (c7s1-k, dk, uk, Rk) and spectral normalisation with PyTorch's semantics.
 */
package org.cryoetgan.nn.layers;
