package org.cryoetgan.gan.structure;

import java.util.Locale;

/**
 * Chemical elements found in macromolecular models, with electron count (atomic number) and atomic mass.
 * {@link #OTHER} stands for anything not listed and is weighted like carbon.
 */
public enum Element {
    H(1, 1.008), C(6, 12.011), N(7, 14.007), O(8, 15.999), F(9, 18.998), NA(11, 22.990), MG(12, 24.305),
    P(15, 30.974), S(16, 32.06), CL(17, 35.45), K(19, 39.098), CA(20, 40.078), MN(25, 54.938), FE(26, 55.845),
    CO(27, 58.933), NI(28, 58.693), CU(29, 63.546), ZN(30, 65.38), SE(34, 78.971), BR(35, 79.904),
    CD(48, 112.41), I(53, 126.90), W(74, 183.84), PT(78, 195.08), AU(79, 196.97), HG(80, 200.59), U(92, 238.03),
    /** Unknown or unlisted element: counted as carbon. */
    OTHER(6, 12.011);

    private final int electrons;
    private final double mass;

    Element(int electrons, double mass) {
        this.electrons = electrons;
        this.mass = mass;
    }

    /** Number of electrons of the neutral atom (the EMAN2 weight). */
    public int electrons() {
        return electrons;
    }

    /** Atomic mass in daltons (the Situs weight). */
    public double mass() {
        return mass;
    }

    /** The element for a symbol such as "C", "Fe" or "FE"; deuterium counts as hydrogen; unknown gives OTHER. */
    public static Element of(String symbol) {
        String s = symbol == null ? "" : symbol.strip().toUpperCase(Locale.ROOT);
        if (s.equals("D")) {
            return H;
        }
        if (s.isEmpty() || s.equals("OTHER")) {
            return OTHER;
        }
        try {
            return valueOf(s);
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }

    /**
     * Guess the element from a PDB atom name (columns 13–16) when the element columns are empty: a name starting
     * in column 13 is a two-letter element ("FE  "), otherwise the first letter after the blank is the element.
     */
    public static Element fromAtomName(String name16) {
        if (name16.length() >= 2 && name16.charAt(0) != ' ' && !Character.isDigit(name16.charAt(0))) {
            Element two = of(name16.substring(0, 2));
            if (two != OTHER) {
                return two;
            }
        }
        String t = name16.strip();
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        return i < t.length() ? of(t.substring(i, i + 1)) : OTHER;
    }
}
