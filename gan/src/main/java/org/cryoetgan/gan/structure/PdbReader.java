package org.cryoetgan.gan.structure;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A fixed-column PDB reader: ATOM/HETATM records of the first model (waters and alternate locations other than
 * the first are skipped), element from columns 77–78 or, when the line is shorter (some files trim it to 78 or
 * fewer columns) or the field is blank, from the atom name; and REMARK 350 BIOMT biological assemblies.
 */
final class PdbReader {

    private PdbReader() {
    }

    static AtomModel read(BufferedReader in, String name) throws IOException {
        AtomListBuilder atoms = new AtomListBuilder();
        AssemblyParser assemblies = new AssemblyParser();
        boolean inFirstModel = true;
        boolean sawModel = false;
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.startsWith("MODEL")) {
                if (sawModel) {
                    inFirstModel = false;
                }
                sawModel = true;
            } else if (line.startsWith("ENDMDL")) {
                inFirstModel = false;
            } else if (line.startsWith("REMARK 350")) {
                assemblies.accept(line);
            } else if (inFirstModel && (line.startsWith("ATOM  ") || line.startsWith("HETATM"))) {
                parseAtom(line, lineNo, name, atoms);
            }
        }
        if (atoms.size() == 0) {
            throw new IOException(name + ": no ATOM or HETATM records found");
        }
        return atoms.build(name, assemblies.result());
    }

    private static void parseAtom(String line, int lineNo, String name, AtomListBuilder atoms) throws IOException {
        if (line.length() < 54) {
            throw new IOException(name + " line " + lineNo + ": atom record is " + line.length()
                    + " columns, too short for coordinates (needs 54)");
        }
        char alt = line.charAt(16);
        if (alt != ' ' && alt != 'A' && alt != '1') {
            return;
        }
        if (AtomListBuilder.isWater(line.substring(17, 20))) {
            return;
        }
        double x;
        double y;
        double z;
        try {
            x = Double.parseDouble(line.substring(30, 38).strip());
            y = Double.parseDouble(line.substring(38, 46).strip());
            z = Double.parseDouble(line.substring(46, 54).strip());
        } catch (NumberFormatException e) {
            throw new IOException(name + " line " + lineNo + ": bad coordinates in '" + line + "'", e);
        }
        String symbol = line.length() >= 78 ? line.substring(76, 78).strip()
                : line.length() > 76 ? line.substring(76).strip() : "";
        Element el = symbol.isEmpty() ? Element.fromAtomName(line.substring(12, 16)) : Element.of(symbol);
        atoms.add(x, y, z, el, String.valueOf(line.charAt(21)).strip());
    }

    /** Collects REMARK 350 lines into assemblies. */
    private static final class AssemblyParser {
        private final List<BiologicalAssembly> done = new ArrayList<>();
        private String id;
        private final List<BiologicalAssembly.Generator> generators = new ArrayList<>();
        private Set<String> chains = new LinkedHashSet<>();
        private final List<RigidTransform> transforms = new ArrayList<>();
        private final double[][] rows = new double[3][4];
        private boolean chainsOpen;

        void accept(String line) {
            String body = line.length() > 10 ? line.substring(10).strip() : "";
            if (body.startsWith("BIOMOLECULE:")) {
                flushAssembly();
                id = body.substring("BIOMOLECULE:".length()).strip();
            } else if (body.startsWith("APPLY THE FOLLOWING TO CHAINS:")) {
                flushGenerator();
                addChains(body.substring("APPLY THE FOLLOWING TO CHAINS:".length()));
                chainsOpen = true;
            } else if (body.startsWith("AND CHAINS:") && chainsOpen) {
                addChains(body.substring("AND CHAINS:".length()));
            } else if (body.startsWith("BIOMT")) {
                chainsOpen = false;
                String[] t = body.split("\\s+");
                int row = body.charAt(5) - '1';
                if (t.length >= 6 && row >= 0 && row < 3) {
                    for (int c = 0; c < 4; c++) {
                        rows[row][c] = Double.parseDouble(t[2 + c]);
                    }
                    if (row == 2) {
                        transforms.add(new RigidTransform(
                                new double[] {rows[0][0], rows[0][1], rows[0][2], rows[1][0], rows[1][1], rows[1][2],
                                    rows[2][0], rows[2][1], rows[2][2]},
                                new double[] {rows[0][3], rows[1][3], rows[2][3]}));
                    }
                }
            }
        }

        private void addChains(String list) {
            for (String c : list.split(",")) {
                if (!c.isBlank()) {
                    chains.add(c.strip());
                }
            }
        }

        private void flushGenerator() {
            if (!chains.isEmpty() && !transforms.isEmpty()) {
                generators.add(new BiologicalAssembly.Generator(chains, transforms));
            }
            chains = new LinkedHashSet<>();
            transforms.clear();
        }

        private void flushAssembly() {
            flushGenerator();
            if (id != null && !generators.isEmpty()) {
                done.add(new BiologicalAssembly(id, generators));
            }
            generators.clear();
        }

        List<BiologicalAssembly> result() {
            flushAssembly();
            id = null;
            return List.copyOf(done);
        }
    }
}
