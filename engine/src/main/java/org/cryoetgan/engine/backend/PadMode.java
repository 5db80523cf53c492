package org.cryoetgan.engine.backend;

/** How {@code pad3d} fills the border: zeros, mirror without repeating the edge (PyTorch "reflect"), or edge copy. */
public enum PadMode {
    ZERO, REFLECT, REPLICATE
}
