/** Seeded initialisers (normal, uniform, Kaiming, Xavier, PyTorch's defaults) for tensors and whole modules. */
package org.cryoetgan.nn.init;
