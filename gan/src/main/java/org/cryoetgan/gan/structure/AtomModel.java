package org.cryoetgan.gan.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The atoms of one model of a structure (the first model of an NMR or multi-model file), as parallel arrays:
 * coordinates in Å, elements and chain ids, plus the biological assemblies the file declares.
 */
public final class AtomModel {

    private final String name;
    private final double[] xyz;
    private final Element[] elements;
    private final String[] chains;
    private final List<BiologicalAssembly> assemblies;

    /**
     * @param xyz      3 coordinates per atom (Å)
     * @param chains   chain id per atom (PDB chain id, or mmCIF label_asym_id, which assemblies refer to)
     */
    public AtomModel(String name, double[] xyz, Element[] elements, String[] chains, List<BiologicalAssembly> assemblies) {
        if (xyz.length != 3 * elements.length || chains.length != elements.length) {
            throw new IllegalArgumentException("inconsistent atom arrays: " + xyz.length + " coordinates, "
                    + elements.length + " elements, " + chains.length + " chain ids");
        }
        this.name = Objects.requireNonNull(name);
        this.xyz = xyz;
        this.elements = elements;
        this.chains = chains;
        this.assemblies = List.copyOf(assemblies);
    }

    public String name() {
        return name;
    }

    /** Number of atoms. */
    public int size() {
        return elements.length;
    }

    public double x(int i) {
        return xyz[3 * i];
    }

    public double y(int i) {
        return xyz[3 * i + 1];
    }

    public double z(int i) {
        return xyz[3 * i + 2];
    }

    public Element element(int i) {
        return elements[i];
    }

    public String chain(int i) {
        return chains[i];
    }

    /** Distinct chain ids in order of first appearance. */
    public List<String> chainIds() {
        List<String> ids = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String c : chains) {
            if (seen.add(c)) {
                ids.add(c);
            }
        }
        return ids;
    }

    /** The biological assemblies declared in the file (possibly none). */
    public List<BiologicalAssembly> assemblies() {
        return assemblies;
    }

    /** The assembly with this id, if declared. */
    public Optional<BiologicalAssembly> assembly(String id) {
        return assemblies.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Sum of the weights of all atoms. */
    public double totalWeight(Weighting w) {
        double s = 0;
        for (Element e : elements) {
            s += w.weight(e);
        }
        return s;
    }

    /** The weighted centre (Å) of the atoms, e.g. the centre of mass with {@link Weighting#MASS}. */
    public double[] centre(Weighting w) {
        double sx = 0;
        double sy = 0;
        double sz = 0;
        double sw = 0;
        for (int i = 0; i < size(); i++) {
            double wi = w.weight(elements[i]);
            sx += wi * xyz[3 * i];
            sy += wi * xyz[3 * i + 1];
            sz += wi * xyz[3 * i + 2];
            sw += wi;
        }
        return sw == 0 ? new double[3] : new double[] {sx / sw, sy / sw, sz / sw};
    }

    /** Largest distance (Å) of an atom from {@code centre}. */
    public double radius(double[] centre) {
        double r2 = 0;
        for (int i = 0; i < size(); i++) {
            double dx = xyz[3 * i] - centre[0];
            double dy = xyz[3 * i + 1] - centre[1];
            double dz = xyz[3 * i + 2] - centre[2];
            r2 = Math.max(r2, dx * dx + dy * dy + dz * dz);
        }
        return Math.sqrt(r2);
    }

    /** The atoms of an assembly: every generator's transforms applied to its chains. Chain ids get a copy suffix. */
    public AtomModel expand(BiologicalAssembly assembly) {
        long total = assembly.atomCount(this);
        if (total > Integer.MAX_VALUE / 3) {
            throw new IllegalArgumentException("assembly " + assembly.id() + " of " + name + " has " + total + " atoms, too many");
        }
        int n = (int) total;
        double[] out = new double[3 * n];
        Element[] el = new Element[n];
        String[] ch = new String[n];
        int k = 0;
        for (BiologicalAssembly.Generator g : assembly.generators()) {
            for (int t = 0; t < g.transforms().size(); t++) {
                RigidTransform tr = g.transforms().get(t);
                for (int i = 0; i < size(); i++) {
                    if (g.chains().contains(chains[i])) {
                        tr.apply(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], out, 3 * k);
                        el[k] = elements[i];
                        ch[k] = t == 0 ? chains[i] : chains[i] + "-" + (t + 1);
                        k++;
                    }
                }
            }
        }
        return new AtomModel(name + " assembly " + assembly.id(), out, el, ch, List.of());
    }
}
