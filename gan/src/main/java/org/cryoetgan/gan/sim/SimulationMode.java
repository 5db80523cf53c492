package org.cryoetgan.gan.sim;

/** How the traditional simulator turns a density map into a subtomogram. */
public enum SimulationMode {
    /**
     * Tilt series: project the map at each tilt, apply CTF and MTF to each image, add noise to the images at the
     * SNR, and reconstruct by weighted back-projection. The SNR is that of the tilt images.
     */
    TILT_SERIES,
    /**
     * Fourier-space shortcut (as AITom's public simulator): multiply the map's 3D spectrum by CTF × MTF × the
     * missing-wedge mask, and add noise limited to the measured frequencies. The SNR is that of the output volume.
     */
    FOURIER
}
