/**
 * Neural-network building blocks on the engine: {@link org.cryoetgan.nn.Module} (registered parameters, buffers
 * and children with PyTorch-style dotted state names) and state loading reports. Layers are in
 * {@code nn.layers}, initialisers in {@code nn.init}, optimizers and schedules in {@code nn.optim}, safetensors
 * files and checkpoints in {@code nn.io}.
 */
package org.cryoetgan.nn;
