package org.cryoetgan.cli;

import java.util.Locale;

/**
 * Checks of option values made before a command starts any work; each failure names the option, the value and
 * what is allowed.
 */
final class OptionChecks {

    /** The largest box edge a command accepts: a 1024³ float32 volume is 4 GiB. */
    static final int MAX_BOX = 1024;

    private OptionChecks() {
    }

    /** {@code value >= min}. */
    static void atLeast(String option, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
        }
    }

    /** {@code min <= value <= max}. */
    static void between(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    /** A finite number {@code > 0}. */
    static void positive(String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(option + " must be a number > 0, got " + text(value));
        }
    }

    /** A finite number {@code >= 0}. */
    static void nonNegative(String option, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(option + " must be a number >= 0, got " + text(value));
        }
    }

    /** A finite number in {@code [min, max]}. */
    static void between(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(option + " must be between " + text(min) + " and " + text(max)
                    + ", got " + text(value));
        }
    }

    /** A finite number. */
    static void finite(String option, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(option + " must be a finite number, got " + text(value));
        }
    }

    private static String text(double v) {
        return v == Math.rint(v) && Double.isFinite(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
