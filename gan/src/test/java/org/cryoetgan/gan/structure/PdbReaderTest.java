package org.cryoetgan.gan.structure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PdbReaderTest {

    @Test
    void readsFirstModelSkippingWatersAndLaterAltLocs() throws IOException {
        AtomModel m = AtomModels.read(StructureFixtures.resource("mini.pdb"));
        assertEquals("mini", m.name());
        assertEquals(5, m.size(), "N, CA, SG(A), P, FE: water, SG(B) and model 2 are skipped");
        assertEquals(List.of(Element.N, Element.C, Element.S, Element.P, Element.FE),
                List.of(m.element(0), m.element(1), m.element(2), m.element(3), m.element(4)));
        assertEquals(3.0, m.x(2));
        assertEquals(List.of("A", "B"), m.chainIds());
    }

    @Test
    void elementComesFromTheAtomNameWhenTheLineIsShort() throws IOException {
        AtomModel m = AtomModels.read(StructureFixtures.resource("mini.pdb"));
        assertEquals(Element.P, m.element(3), "66-column line: element from ' P  '");
        assertEquals(Element.FE, m.element(4), "60-column line: element from 'FE  ' starting in column 13");
    }

    @Test
    void biomtAssemblyWithContinuedChainList() throws IOException {
        AtomModel m = AtomModels.read(StructureFixtures.resource("mini.pdb"));
        assertEquals(1, m.assemblies().size());
        BiologicalAssembly a = m.assemblies().get(0);
        assertEquals("1", a.id());
        assertEquals(Set.of("A", "B"), a.generators().get(0).chains());
        AtomModel full = m.expand(a);
        assertEquals(10, full.size());
        assertArrayEquals(new double[] {9, -2, 3}, new double[] {full.x(5), full.y(5), full.z(5)}, 1e-9,
                "second copy of N (1,2,3) under x' = -x + 10, y' = -y");
    }

    @Test
    void noAtomsIsAnError() {
        byte[] text = "HEADER    NOTHING\nEND\n".getBytes(StandardCharsets.US_ASCII);
        IOException e = assertThrows(IOException.class, () -> AtomModels.read(new ByteArrayInputStream(text), "empty.pdb"));
        assertTrue(e.getMessage().contains("empty"));
    }

    @Test
    void badCoordinatesNameTheLine() {
        byte[] text = "ATOM      1  N   ALA A   1       1.000   x.000   3.000  1.00 20.00           N\n"
                .getBytes(StandardCharsets.US_ASCII);
        IOException e = assertThrows(IOException.class, () -> AtomModels.read(new ByteArrayInputStream(text), "bad.pdb"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }
}
