package org.cryoetgan.gan.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ElementTest {

    @Test
    void symbolsAndWeights() {
        assertEquals(Element.FE, Element.of("Fe"));
        assertEquals(Element.H, Element.of("D"));
        assertEquals(Element.OTHER, Element.of("Xx"));
        assertEquals(1, Weighting.ELECTRONS.weight(Element.H));
        assertEquals(6, Weighting.ELECTRONS.weight(Element.C));
        assertEquals(7, Weighting.ELECTRONS.weight(Element.N));
        assertEquals(8, Weighting.ELECTRONS.weight(Element.O));
        assertEquals(15, Weighting.ELECTRONS.weight(Element.P));
        assertEquals(16, Weighting.ELECTRONS.weight(Element.S));
        assertEquals(12.011, Weighting.MASS.weight(Element.C), 1e-9);
    }

    @Test
    void elementFromAtomName() {
        assertEquals(Element.C, Element.fromAtomName(" CA "));
        assertEquals(Element.CA, Element.fromAtomName("CA  "));
        assertEquals(Element.H, Element.fromAtomName("1HB "));
        assertEquals(Element.ZN, Element.fromAtomName("ZN  "));
    }
}
