package org.cryoetgan.gan.data;

import org.cryoetgan.gan.volume.Volume;

/** One volume of a data set with its class label (may be empty) and where it came from. */
public record Sample(Volume volume, String label, String source) {
}
