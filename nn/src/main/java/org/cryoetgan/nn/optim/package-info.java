/**
 * SGD, Adam and RMSProp (PyTorch and TF1 conventions) with exportable state, learning-rate schedules, WGAN
 * weight clipping and gradient-norm reporting. Updates run in place under no-grad.
 */
package org.cryoetgan.nn.optim;
