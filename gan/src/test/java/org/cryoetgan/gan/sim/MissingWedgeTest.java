package org.cryoetgan.gan.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MissingWedgeTest {

    private final MissingWedge wedge = new MissingWedge(TiltScheme.standard());

    @Test
    void wedgeOfHalfAngleThirtyAroundKz() {
        assertTrue(wedge.isMeasured(1, 0));
        assertFalse(wedge.isMeasured(0, 1));
        assertTrue(wedge.isMeasured(Math.cos(Math.toRadians(59)), Math.sin(Math.toRadians(59))));
        assertFalse(wedge.isMeasured(Math.cos(Math.toRadians(61)), -Math.sin(Math.toRadians(61))));
        assertEquals(30, wedge.degreesIntoWedge(0, 1), 1e-9);
        assertEquals(-60, wedge.degreesIntoWedge(1, 0), 1e-9);
        assertEquals(20, wedge.degreesIntoWedge(Math.cos(Math.toRadians(100)), Math.sin(Math.toRadians(100))), 1e-9);
    }

    @Test
    void tiltAnglesIncludeBothEnds() {
        double[] a = TiltScheme.standard().angles();
        assertEquals(41, a.length);
        assertEquals(-60, a[0]);
        assertEquals(60, a[40]);
    }
}
