package org.cryoetgan.gan.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.NoSuchElementException;
import org.cryoetgan.gan.structure.AtomModel;
import org.junit.jupiter.api.Test;

class DemoModelsTest {

    @Test
    void listsTheSevenComplexesInTheBenchmarksOrder() {
        assertEquals(java.util.List.of("clpb", "cand1-cul1", "t20s-proteasome", "apoferritin", "rubisco", "p97",
                "hsp90-sba1"), DemoModels.names(), "the realistic benchmark's D and specimens depend on this order");
        assertTrue(DemoModels.names().contains("apoferritin"));
        assertEquals("4V1W", DemoModels.info("apoferritin").pdbId());
        assertEquals("1QVR", DemoModels.info("clpb").pdbId());
    }

    @Test
    void everyModelOpens() throws IOException {
        for (String name : DemoModels.names()) {
            AtomModel m = DemoModels.open(name);
            assertTrue(m.size() > 10000, name + " has " + m.size() + " atoms");
        }
    }

    @Test
    void assembliesAreExpandedWhereListed() throws IOException {
        assertEquals(32736, DemoModels.open("apoferritin").size(), "the mmCIF 24-mer");
        AtomModel asu = DemoModels.openAsDeposited("p97");
        AtomModel hexamer = DemoModels.open("p97");
        assertEquals(3, asu.chainIds().size());
        assertEquals(2 * asu.size(), hexamer.size(), "BIOMT doubles the three chains to a hexamer");
        assertEquals(6, hexamer.chainIds().size());
    }

    @Test
    void unknownNameSaysWhatExists() {
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> DemoModels.info("ribosome"));
        assertTrue(e.getMessage().contains("apoferritin"));
    }
}
