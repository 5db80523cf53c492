package org.cryoetgan.gan.classify;

/** How the classifier is trained: SGD with Nesterov momentum (Che et al. 2018, lr 0.005) or Adam. */
public enum ClassifierOptimizer {
    SGD, ADAM
}
