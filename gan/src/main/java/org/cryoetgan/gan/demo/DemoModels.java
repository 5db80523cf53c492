package org.cryoetgan.gan.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.cryoetgan.gan.structure.AtomModel;
import org.cryoetgan.gan.structure.AtomModels;
import org.cryoetgan.gan.structure.BiologicalAssembly;

/**
 * Real atomic models bundled in the jar (see {@code demo/PROVENANCE.md} in the resources), so that the training demo
 * and tests can make density maps with no download: structurally distinct complexes such as the T20S proteasome,
 * apoferritin, RuBisCO, p97 and Hsp90. Names are stable identifiers such as {@code "apoferritin"}.
 */
public final class DemoModels {

    private static final String ROOT = "/org/cryoetgan/gan/demo/";
    private static final Map<String, DemoModel> INDEX = loadIndex();

    private DemoModels() {
    }

    /**
     * One bundled model.
     *
     * @param name        stable identifier
     * @param file        resource file name
     * @param pdbId       the wwPDB entry
     * @param assembly    the biological assembly {@link #open} expands, or null to use the atoms as deposited
     * @param description what it is
     */
    public record DemoModel(String name, String file, String pdbId, String assembly, String description) {
    }

    /** The names of the bundled models, in a fixed order. */
    public static List<String> names() {
        return List.copyOf(INDEX.keySet());
    }

    /** Details of one model. */
    public static DemoModel info(String name) {
        DemoModel m = INDEX.get(name);
        if (m == null) {
            throw new NoSuchElementException("no demo model '" + name + "'; available: " + names());
        }
        return m;
    }

    /** The model's biological unit: the deposited atoms, with the listed assembly expanded where there is one. */
    public static AtomModel open(String name) throws IOException {
        DemoModel info = info(name);
        AtomModel atoms = openAsDeposited(name);
        if (info.assembly() == null) {
            return atoms;
        }
        BiologicalAssembly a = atoms.assembly(info.assembly()).orElseThrow(() ->
                new IOException(info.file() + " declares no assembly " + info.assembly()));
        return atoms.expand(a);
    }

    /** The atoms exactly as in the file (first model). */
    public static AtomModel openAsDeposited(String name) throws IOException {
        DemoModel info = info(name);
        try (InputStream in = resource(info.file())) {
            AtomModel m = AtomModels.read(in, info.file());
            return m;
        }
    }

    /** The raw (gzip-compressed) file, for callers who parse it themselves. */
    public static InputStream openStream(String name) throws IOException {
        return resource(info(name).file());
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = DemoModels.class.getResourceAsStream(ROOT + file);
        if (in == null) {
            throw new IOException("bundled resource " + ROOT + file + " is missing from the jar");
        }
        return in;
    }

    private static Map<String, DemoModel> loadIndex() {
        Map<String, DemoModel> index = new LinkedHashMap<>();
        try (InputStream in = resource("models.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
            for (String l : lines) {
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] f = l.split("\t");
                index.put(f[0], new DemoModel(f[0], f[1], f[2], f[3].equals("-") ? null : f[3], f[4]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return index;
    }
}
