package org.cryoetgan.gan.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MmcifReaderTest {

    @Test
    void readsAtomsWithMultiCharacterChainIds() throws IOException {
        AtomModel m = AtomModels.read(StructureFixtures.resource("6ZU5_extract.cif"));
        assertEquals(20, m.size());
        assertEquals(List.of("A", "B", "AA", "BA"), m.chainIds());
        assertEquals(Element.P, m.element(0));
        assertEquals(Element.O, m.element(1));
        assertEquals(245.052, m.x(0), 1e-9);
        assertEquals(266.439, m.y(0), 1e-9);
        assertEquals(246.766, m.z(0), 1e-9);
    }

    @Test
    void operatorProductsExpandRightToLeft() throws IOException {
        AtomModel m = AtomModels.read(StructureFixtures.resource("6ZU5_extract.cif"));
        assertEquals(2, m.assemblies().size());
        AtomModel one = m.expand(m.assembly("1").orElseThrow());
        assertEquals(20, one.size());
        AtomModel two = m.expand(m.assembly("2").orElseThrow());
        assertEquals(20, two.size(), "chains A and AA (10 atoms) times 2 operator products");
        // (1,2)(3): operator 3 (x + 100) first, then 1 (identity) or 2 (180° about z).
        assertEquals(345.052, two.x(0), 1e-9);
        assertEquals(266.439, two.y(0), 1e-9);
        assertEquals(-345.052, two.x(10), 1e-9);
        assertEquals(-266.439, two.y(10), 1e-9);
        assertEquals(246.766, two.z(10), 1e-9);
        assertTrue(two.chain(10).startsWith("A"));
    }
}
