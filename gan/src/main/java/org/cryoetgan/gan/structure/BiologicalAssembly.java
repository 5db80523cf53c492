package org.cryoetgan.gan.structure;

import java.util.List;
import java.util.Set;

/**
 * A biological assembly: for each generator, the chains it applies to and the transforms to apply
 * (PDB REMARK 350 BIOMT, or mmCIF {@code pdbx_struct_assembly_gen} with {@code pdbx_struct_oper_list}).
 *
 * @param id         the assembly id ("1" for the first)
 * @param generators one entry per "apply to chains" block
 */
public record BiologicalAssembly(String id, List<Generator> generators) {

    public BiologicalAssembly {
        generators = List.copyOf(generators);
    }

    /**
     * Transforms applied to a set of chains.
     *
     * @param chains     chain ids (PDB chain ids, or mmCIF {@code label_asym_id}s)
     * @param transforms the copies to make
     */
    public record Generator(Set<String> chains, List<RigidTransform> transforms) {
        public Generator {
            chains = Set.copyOf(chains);
            transforms = List.copyOf(transforms);
        }
    }

    /** Number of atoms in the assembly of {@code model}. */
    public long atomCount(AtomModel model) {
        long n = 0;
        for (Generator g : generators) {
            for (int i = 0; i < model.size(); i++) {
                if (g.chains().contains(model.chain(i))) {
                    n += g.transforms().size();
                }
            }
        }
        return n;
    }
}
