package org.cryoetgan.gan.structure;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads atomic models from PDB or mmCIF files, plain or gzip-compressed. The format comes from the name
 * ({@code .pdb}, {@code .ent}, {@code .cif}, {@code .mmcif}, each optionally {@code .gz}) or, failing that,
 * from the content ({@code data_} starts an mmCIF file).
 */
public final class AtomModels {

    private AtomModels() {
    }

    /** Read the first model of a file. */
    public static AtomModel read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a folder, not a model file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new IOException(file + ": the gzip stream is truncated or corrupt (" + e.getMessage() + ")", e);
        }
    }

    /** Read the first model from a stream; {@code name} gives the format and appears in error messages. */
    public static AtomModel read(InputStream raw, String name) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        InputStream content = b0 == 0x1F && b1 == 0x8B ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16)) : in;
        String base = baseName(name);
        boolean cif = isCifName(name) || (!isPdbName(name) && startsWithDataBlock(content));
        if (cif) {
            return MmcifReader.read(content, base);
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.US_ASCII), 1 << 16);
        return PdbReader.read(reader, base);
    }

    /** The file name without directories, {@code .gz} and the format extension: "3J9I.pdb.gz" gives "3J9I". */
    public static String baseName(String name) {
        String n = Path.of(name).getFileName().toString();
        if (n.toLowerCase(Locale.ROOT).endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        }
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static String stripGz(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
    }

    private static boolean isCifName(String name) {
        String n = stripGz(name);
        return n.endsWith(".cif") || n.endsWith(".mmcif");
    }

    private static boolean isPdbName(String name) {
        String n = stripGz(name);
        return n.endsWith(".pdb") || n.endsWith(".ent");
    }

    private static boolean startsWithDataBlock(InputStream in) throws IOException {
        in.mark(4096);
        byte[] head = in.readNBytes(4096);
        in.reset();
        String s = new String(head, StandardCharsets.US_ASCII);
        for (String line : s.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return t.startsWith("data_");
            }
        }
        return false;
    }
}
