package org.cryoetgan.gan.settings;

import java.util.function.Predicate;

/**
 * What a setting's value must be: a test and its wording, which completes "--option (key) must be ...".
 *
 * @param <T> the value type
 * @param test whether a value is allowed
 * @param wording what an allowed value is, e.g. {@code ">= 1"}
 */
public record Rule<T>(Predicate<T> test, String wording) {

    /** Every value. */
    public static <T> Rule<T> any() {
        return new Rule<>(v -> true, "anything");
    }

    /** An integer of at least {@code min}. */
    public static Rule<Integer> atLeast(int min) {
        return new Rule<>(v -> v >= min, ">= " + min);
    }

    /** A finite number above zero. */
    public static Rule<Double> positive() {
        return new Rule<>(v -> v > 0 && Double.isFinite(v), "a finite number > 0");
    }

    /** A finite number of at least zero. */
    public static Rule<Double> nonNegative() {
        return new Rule<>(v -> v >= 0 && Double.isFinite(v), "a finite number >= 0");
    }

    /** A number in [0, 1). */
    public static Rule<Double> fraction() {
        return new Rule<>(v -> v >= 0 && v < 1, "in [0, 1)");
    }

    /** This rule with another wording. */
    public Rule<T> worded(String other) {
        return new Rule<>(test, other);
    }
}
