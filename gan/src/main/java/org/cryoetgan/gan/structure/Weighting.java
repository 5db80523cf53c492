package org.cryoetgan.gan.structure;

/** How much density one atom contributes. */
public enum Weighting {
    /** Electron count (atomic number), as EMAN2's e2pdb2mrc: H 1, C 6, N 7, O 8, P 15, S 16. */
    ELECTRONS,
    /** Atomic mass in daltons, as Situs' pdb2vol. */
    MASS;

    public double weight(Element e) {
        return this == ELECTRONS ? e.electrons() : e.mass();
    }
}
