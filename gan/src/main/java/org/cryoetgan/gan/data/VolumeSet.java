package org.cryoetgan.gan.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cryoetgan.engine.RandomGenerator;

/**
 * The volumes of one domain (density maps or subtomograms) of equal cubic size, with a seeded train/validation
 * split and seeded shuffling of the training part.
 */
public final class VolumeSet {
    private final String domain;
    private final List<Sample> samples;
    private final int box;

    /**
     * @param domain a name for messages ("density maps", "subtomograms")
     * @throws IllegalArgumentException when the set is empty or the volumes are not cubes of one size
     */
    public VolumeSet(String domain, List<Sample> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no " + domain + " given (the folder or list is empty)");
        }
        int n = -1;
        for (Sample s : samples) {
            var v = s.volume();
            if (!v.isCube()) {
                throw new IllegalArgumentException(s.source() + ": " + domain + " must be cubes, got " + v.nx() + "x"
                        + v.ny() + "x" + v.nz());
            }
            if (n < 0) {
                n = v.nx();
            } else if (v.nx() != n) {
                throw new IllegalArgumentException(s.source() + ": size " + v.nx() + "³ differs from the other "
                        + domain + " (" + n + "³, e.g. " + samples.get(0).source() + ")");
            }
        }
        this.domain = domain;
        this.samples = List.copyOf(samples);
        this.box = n;
    }

    public String domain() {
        return domain;
    }

    public int box() {
        return box;
    }

    public int size() {
        return samples.size();
    }

    public Sample get(int i) {
        return samples.get(i);
    }

    public List<Sample> samples() {
        return samples;
    }

    /**
     * Splits into (training, held-out) with the held-out fraction rounded down but leaving at least one training
     * sample; the assignment depends only on the seed.
     */
    public VolumeSet[] split(double heldOutFraction, long seed) {
        int[] order = new int[samples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        new RandomGenerator(seed).shuffle(order);
        int held = Math.min((int) Math.floor(samples.size() * heldOutFraction), samples.size() - 1);
        List<Sample> train = new ArrayList<>();
        List<Sample> val = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            (i < held ? val : train).add(samples.get(order[i]));
        }
        VolumeSet t = new VolumeSet(domain, train);
        VolumeSet v = val.isEmpty() ? null : new VolumeSet(domain, val);
        return new VolumeSet[] {t, v};
    }

    /** The distinct labels in order of first appearance. */
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        for (Sample s : samples) {
            if (s.label() != null && !s.label().isEmpty() && !out.contains(s.label())) {
                out.add(s.label());
            }
        }
        return Collections.unmodifiableList(out);
    }
}
