#!/usr/bin/python3
"""Write the small atomic-model fixtures of the structure tests.

Run from the repository root:  /usr/bin/python3 tools/structure_fixtures.py [path/to/6ZU5.cif.gz]
Output in gan/src/test/resources/org/cryoetgan/gan/structure/:
  6ZU5_extract.cif  the atom_site rows of the first 5 atoms of chains (label_asym_id) A, B, AA and BA of wwPDB
                    6ZU5 (CC0), whose auth_asym_ids have 3 characters (L50, ...), plus a synthetic assembly
                    section: operators 1 (identity), 2 (180 deg about z), 3 (shift +100 A in x); assembly 1 = "1"
                    on all chains, assembly 2 = "(1,2)(3)" on chains A and AA (2 copies each).
  mini.pdb          a synthetic PDB file: 78-column and short atom lines (no element columns), an alternate
                    location, a water, two models, and REMARK 350 with an AND CHAINS continuation.
"""
import gzip
import os
import sys

OUT = "gan/src/test/resources/org/cryoetgan/gan/structure"
WANTED = ("A", "B", "AA", "BA")  # label_asym_ids; AA and BA show multi-character ids (auth ids are L50, L70, LN0, LNN)


def extract_6zu5(src):
    lines = [l.rstrip() for l in gzip.open(src, "rt")]
    start = lines.index("_atom_site.group_PDB")
    header = []
    i = start
    while lines[i].startswith("_atom_site."):
        header.append(lines[i])
        i += 1
    col = {h: k for k, h in enumerate(header)}
    rows, count, order = [], {}, []
    while not lines[i].startswith("#"):
        t = lines[i].split()
        chain = t[col["_atom_site.label_asym_id"]]
        if chain not in count and chain in WANTED:
            order.append(chain)
            count[chain] = 0
        if chain in count and count[chain] < 5:
            count[chain] += 1
            rows.append(lines[i])
        i += 1
    out = ["data_6ZU5", "#", "loop_"] + header + rows + ["#"]
    out += ["loop_", "_pdbx_struct_assembly_gen.assembly_id", "_pdbx_struct_assembly_gen.oper_expression",
            "_pdbx_struct_assembly_gen.asym_id_list", "1 1 " + ",".join(order), "2 '(1,2)(3)' A,AA", "#"]
    names = ["id", "type"] + [f"matrix[{r}][{c}]" for r in (1, 2, 3) for c in (1, 2, 3)] + ["vector[1]", "vector[2]", "vector[3]"]
    out += ["loop_"] + ["_pdbx_struct_oper_list." + n for n in names]
    out += ["1 'identity operation' 1 0 0 0 1 0 0 0 1 0 0 0",
            "2 'point symmetry operation' -1 0 0 0 -1 0 0 0 1 0 0 0",
            "3 'translation' 1 0 0 0 1 0 0 0 1 100 0 0", "#"]
    with open(os.path.join(OUT, "6ZU5_extract.cif"), "w") as f:
        f.write("\n".join(out) + "\n")
    return order


def atom(serial, name, alt, res, chain, seq, x, y, z, element, width=78):
    line = "ATOM  %5d %-4s%1s%3s %1s%4d    %8.3f%8.3f%8.3f%6.2f%6.2f          %2s" % (
        serial, name, alt, res, chain, seq, x, y, z, 1.0, 20.0, element)
    return line[:width]


def mini_pdb():
    rows = [
        "HEADER    SYNTHETIC TEST FILE",
        "REMARK 350 BIOMOLECULE: 1",
        "REMARK 350 APPLY THE FOLLOWING TO CHAINS: A,",
        "REMARK 350                    AND CHAINS: B",
        "REMARK 350   BIOMT1   1  1.000000  0.000000  0.000000        0.00000",
        "REMARK 350   BIOMT2   1  0.000000  1.000000  0.000000        0.00000",
        "REMARK 350   BIOMT3   1  0.000000  0.000000  1.000000        0.00000",
        "REMARK 350   BIOMT1   2 -1.000000  0.000000  0.000000       10.00000",
        "REMARK 350   BIOMT2   2  0.000000 -1.000000  0.000000        0.00000",
        "REMARK 350   BIOMT3   2  0.000000  0.000000  1.000000        0.00000",
        "MODEL        1",
        atom(1, " N", " ", "ALA", "A", 1, 1.0, 2.0, 3.0, "N"),
        atom(2, " CA", " ", "ALA", "A", 1, 2.0, 2.0, 3.0, "C"),
        atom(3, " SG", "A", "CYS", "A", 2, 3.0, 2.0, 3.0, "S"),
        atom(4, " SG", "B", "CYS", "A", 2, 30.0, 2.0, 3.0, "S"),
        atom(5, " O", " ", "HOH", "A", 3, 9.0, 9.0, 9.0, "O").replace("ATOM  ", "HETATM"),
        atom(6, " P", " ", "DA", "B", 1, -1.0, 0.0, 0.0, "P", width=66),
        atom(7, "FE", " ", "HEM", "B", 2, 0.0, -1.0, 0.0, "FE", width=78).replace("ATOM  ", "HETATM")[:60],
        "ENDMDL",
        "MODEL        2",
        atom(8, " N", " ", "ALA", "A", 1, 100.0, 2.0, 3.0, "N"),
        "ENDMDL",
        "END",
    ]
    with open(os.path.join(OUT, "mini.pdb"), "w") as f:
        f.write("\n".join(rows) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    src = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/models/6ZU5.cif.gz"
    print("chains", extract_6zu5(src))
    mini_pdb()


if __name__ == "__main__":
    main()
