package org.cryoetgan.gan.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CtfTest {

    @Test
    void relativisticWavelength() {
        assertEquals(0.019687, new Ctf(300, 2.7, -4, 0.07, 0).wavelength(), 2e-6);
        assertEquals(0.025079, new Ctf(200, 2.7, -4, 0.07, 0).wavelength(), 2e-6);
    }

    @Test
    void lowFrequencyContrastIsTheAmplitudeContrast() {
        assertEquals(0.07, Ctf.typical().value(0), 1e-12);
    }

    @Test
    void firstZeroMatchesTheDefocusFormula() {
        Ctf ctf = new Ctf(300, 0, -4, 0.07, 0);
        double lambda = ctf.wavelength();
        double chi = Math.PI - Math.atan(0.07 / Math.sqrt(1 - 0.07 * 0.07));
        double expected = Math.sqrt(chi / (Math.PI * lambda * 4e4));
        assertEquals(expected, ctf.firstZero(0.2), 1e-4);
        assertTrue(new Ctf(300, 0, -2, 0.07, 0).firstZero(0.2) > expected, "less defocus, later zero");
    }

    @Test
    void envelopeDampsHighFrequencies() {
        Ctf sharp = new Ctf(300, 2.7, -4, 0.07, 0);
        Ctf damped = new Ctf(300, 2.7, -4, 0.07, 400);
        double k = 0.1;
        assertEquals(Math.exp(-400 * k * k / 4), damped.value(k) / sharp.value(k), 1e-9);
    }

    @Test
    void mtf() {
        assertEquals(1, Mtf.none().value(0.4), 0);
        assertEquals(2 / Math.PI, new Mtf(1, 0).value(0.5), 1e-12, "square pixel at Nyquist");
        assertTrue(Mtf.typicalDetector().value(0.5) < Mtf.typicalDetector().value(0.1));
    }
}
