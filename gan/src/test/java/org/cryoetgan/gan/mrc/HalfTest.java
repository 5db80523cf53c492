package org.cryoetgan.gan.mrc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HalfTest {

    @Test
    void everyHalfSurvivesARoundTrip() {
        for (int bits = 0; bits < 0x10000; bits++) {
            float f = Half.toFloat((short) bits);
            if (Float.isNaN(f)) {
                assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(f))));
                continue;
            }
            assertEquals(bits, Half.fromFloat(f) & 0xFFFF, "bits 0x" + Integer.toHexString(bits));
        }
    }

    @Test
    void knownValues() {
        assertEquals(1.0f, Half.toFloat((short) 0x3C00));
        assertEquals(-2.0f, Half.toFloat((short) 0xC000));
        assertEquals(65504f, Half.toFloat((short) 0x7BFF));
        assertEquals(0x1p-24f, Half.toFloat((short) 0x0001));
        assertEquals(Float.POSITIVE_INFINITY, Half.toFloat(Half.fromFloat(70000f)));
    }

    @Test
    void roundsToNearestEven() {
        // 1 + 2^-11 lies halfway between 1 and the next half 1 + 2^-10: ties go to the even mantissa (1.0).
        assertEquals(1.0f, Half.round(1f + 0x1p-11f));
        // 1 + 3·2^-11 lies halfway between 1 + 2^-10 (odd) and 1 + 2^-9 (even).
        assertEquals(1f + 0x1p-9f, Half.round(1f + 3 * 0x1p-11f));
        assertEquals(1f + 0x1p-10f, Half.round(1f + 0x1p-11f + 0x1p-20f));
    }
}
