package org.cryoetgan.engine.backend;

/** Reductions over axes: sum, max, min. */
public enum ReduceOp {
    SUM, MAX, MIN
}
