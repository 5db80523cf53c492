package org.cryoetgan.gan.structure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rcsb.cif.CifIO;
import org.rcsb.cif.model.Column;
import org.rcsb.cif.schema.StandardSchemata;
import org.rcsb.cif.schema.mm.AtomSite;
import org.rcsb.cif.schema.mm.MmCifBlock;
import org.rcsb.cif.schema.mm.MmCifFile;
import org.rcsb.cif.schema.mm.PdbxStructAssemblyGen;
import org.rcsb.cif.schema.mm.PdbxStructOperList;

/**
 * Reads mmCIF with RCSB's ciftools-java: {@code atom_site} of the first model (waters and later alternate locations
 * skipped; chains are {@code label_asym_id}, which can be several characters), and the assemblies of
 * {@code pdbx_struct_assembly_gen} with operator expressions such as {@code 1}, {@code 1,2}, {@code (1-60)} and
 * products {@code (1-5)(6-10)}.
 */
final class MmcifReader {

    private MmcifReader() {
    }

    static AtomModel read(InputStream in, String name) throws IOException {
        MmCifFile file = CifIO.readFromInputStream(in).as(StandardSchemata.MMCIF);
        if (file.getBlocks().isEmpty()) {
            throw new IOException(name + ": no data block in the mmCIF file");
        }
        MmCifBlock block = file.getFirstBlock();
        AtomSite site = block.getAtomSite();
        int n = site.getRowCount();
        if (n == 0 || !site.getCartnX().isDefined()) {
            throw new IOException(name + ": no atom_site coordinates in the mmCIF file");
        }
        AtomListBuilder atoms = new AtomListBuilder();
        boolean hasModel = site.getPdbxPDBModelNum().isDefined();
        int firstModel = hasModel ? site.getPdbxPDBModelNum().get(0) : 0;
        Column<?> chainColumn = site.getLabelAsymId().isDefined() ? site.getLabelAsymId() : site.getAuthAsymId();
        for (int i = 0; i < n; i++) {
            if (hasModel && site.getPdbxPDBModelNum().get(i) != firstModel) {
                continue;
            }
            String alt = text(site.getLabelAltId(), i);
            if (!alt.isEmpty() && !alt.equals("A") && !alt.equals("1")) {
                continue;
            }
            if (AtomListBuilder.isWater(text(site.getLabelCompId(), i))) {
                continue;
            }
            String symbol = text(site.getTypeSymbol(), i);
            Element el = symbol.isEmpty() ? Element.fromAtomName(" " + text(site.getLabelAtomId(), i)) : Element.of(symbol);
            atoms.add(site.getCartnX().get(i), site.getCartnY().get(i), site.getCartnZ().get(i), el, text(chainColumn, i));
        }
        return atoms.build(name, assemblies(block, name));
    }

    private static String text(Column<?> c, int i) {
        if (!c.isDefined()) {
            return "";
        }
        String s = c.getStringData(i);
        return s == null || s.equals(".") || s.equals("?") ? "" : s.strip();
    }

    private static List<BiologicalAssembly> assemblies(MmCifBlock block, String name) throws IOException {
        PdbxStructOperList ops = block.getPdbxStructOperList();
        PdbxStructAssemblyGen gen = block.getPdbxStructAssemblyGen();
        if (!ops.isDefined() || !gen.isDefined()) {
            return List.of();
        }
        Map<String, RigidTransform> operators = new HashMap<>();
        for (int i = 0; i < ops.getRowCount(); i++) {
            double[] m = {ops.getMatrix11().get(i), ops.getMatrix12().get(i), ops.getMatrix13().get(i),
                ops.getMatrix21().get(i), ops.getMatrix22().get(i), ops.getMatrix23().get(i),
                ops.getMatrix31().get(i), ops.getMatrix32().get(i), ops.getMatrix33().get(i)};
            double[] t = {ops.getVector1().get(i), ops.getVector2().get(i), ops.getVector3().get(i)};
            operators.put(ops.getId().get(i), new RigidTransform(m, t));
        }
        Map<String, List<BiologicalAssembly.Generator>> byId = new LinkedHashMap<>();
        for (int i = 0; i < gen.getRowCount(); i++) {
            Set<String> chains = new LinkedHashSet<>();
            for (String c : gen.getAsymIdList().get(i).split(",")) {
                chains.add(c.strip());
            }
            List<RigidTransform> transforms = OperatorExpression.expand(gen.getOperExpression().get(i), operators, name);
            byId.computeIfAbsent(gen.getAssemblyId().get(i), k -> new ArrayList<>())
                    .add(new BiologicalAssembly.Generator(chains, transforms));
        }
        List<BiologicalAssembly> out = new ArrayList<>();
        byId.forEach((id, g) -> out.add(new BiologicalAssembly(id, g)));
        return out;
    }
}
