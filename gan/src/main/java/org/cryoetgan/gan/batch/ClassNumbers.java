package org.cryoetgan.gan.batch;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Numbers the class labels of a batch 1, 2, 3... in sorted label order (RELION's rlnClassNumber is 1-based), so
 * that {@code density}, {@code simulate} and {@code generate} give one label one number whatever order their
 * inputs come in; and counts the samples of each label so that file names stay unique when several sources share
 * a label.
 */
public final class ClassNumbers {

    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    /** The numbering of a batch whose sources carry {@code labels} (repeats allowed). */
    public ClassNumbers(Collection<String> labels) {
        for (String label : new TreeSet<>(labels)) {
            numbers.put(label, numbers.size() + 1);
        }
    }

    /** The given numbering (label to its class number), e.g. one a folder already uses. */
    public static ClassNumbers of(Map<String, Integer> numbers) {
        ClassNumbers c = new ClassNumbers(List.of());
        c.numbers.putAll(numbers);
        return c;
    }

    /** This numbering, with the labels it lacks numbered after its highest number, in sorted order. */
    public ClassNumbers with(Collection<String> labels) {
        ClassNumbers c = of(numbers);
        int next = numbers.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        for (String label : new TreeSet<>(labels)) {
            if (!c.numbers.containsKey(label)) {
                c.numbers.put(label, next++);
            }
        }
        return c;
    }

    /** Every label with its class number. */
    public Map<String, Integer> numbers() {
        return Collections.unmodifiableMap(numbers);
    }

    /** 0, 1, 2... for successive samples of a label. */
    public int nextSample(String label) {
        return counts.merge(label, 1, Integer::sum) - 1;
    }

    /** The class number of a label of the batch. */
    public int of(String label) {
        Integer n = numbers.get(label);
        if (n == null) {
            throw new IllegalArgumentException("label '" + label + "' is not one of the batch's " + numbers.keySet());
        }
        return n;
    }
}
