package org.cryoetgan.gan.settings;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A named set of default values: every {@link Setting} has one value per preset. */
public enum Preset {
    /** The paper's settings (Wu et al. 2022). */
    PAPER("paper"),
    /** The public reference implementation's choices. */
    REFERENCE_CODE("reference-code"),
    /** The best recipe measured on the 28³ benchmark on CPUs. */
    CPU("cpu"),
    /** Small and fast, for the built-in demo. */
    DEMO("demo");

    private final String id;

    Preset(String id) {
        this.id = id;
    }

    /** The name users type ({@code --preset reference-code}) and {@code config.json} stores. */
    public String id() {
        return id;
    }

    /** The preset called {@code name} ({@code reference} is accepted for {@code reference-code}). */
    public static Preset named(String name) {
        if ("reference".equals(name)) {
            return REFERENCE_CODE;
        }
        for (Preset p : values()) {
            if (p.id.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + name + "' ("
                + Arrays.stream(values()).map(Preset::id).collect(Collectors.joining(", ")) + ")");
    }
}
