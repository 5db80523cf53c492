package org.cryoetgan.gan.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects atoms while a file is parsed, then builds an {@link AtomModel}. */
final class AtomListBuilder {

    private double[] xyz = new double[3 * 1024];
    private final List<Element> elements = new ArrayList<>();
    private final List<String> chains = new ArrayList<>();

    void add(double x, double y, double z, Element e, String chain) {
        int n = elements.size();
        if (3 * n + 3 > xyz.length) {
            xyz = Arrays.copyOf(xyz, xyz.length * 2);
        }
        xyz[3 * n] = x;
        xyz[3 * n + 1] = y;
        xyz[3 * n + 2] = z;
        elements.add(e);
        chains.add(chain.intern());
    }

    int size() {
        return elements.size();
    }

    AtomModel build(String name, List<BiologicalAssembly> assemblies) {
        int n = elements.size();
        return new AtomModel(name, Arrays.copyOf(xyz, 3 * n), elements.toArray(new Element[0]),
                chains.toArray(new String[0]), assemblies);
    }

    /** Waters are left out of density maps: their positions are not part of the particle's own density. */
    static boolean isWater(String residue) {
        String r = residue.strip();
        return r.equals("HOH") || r.equals("WAT") || r.equals("DOD") || r.equals("H2O");
    }
}
