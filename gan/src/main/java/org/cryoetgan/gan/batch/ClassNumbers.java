package org.cryoetgan.gan.batch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Numbers class labels 1, 2, 3... in order of first appearance (RELION's rlnClassNumber is 1-based), and counts
 * the samples of each label so that file names stay unique when several sources share a label.
 */
public final class ClassNumbers {

    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    /** 0, 1, 2... for successive samples of a label. */
    public int nextSample(String label) {
        return counts.merge(label, 1, Integer::sum) - 1;
    }

    public int of(String label) {
        return numbers.computeIfAbsent(label, k -> numbers.size() + 1);
    }
}
