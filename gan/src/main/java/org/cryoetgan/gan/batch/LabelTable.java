package org.cryoetgan.gan.batch;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Labels of generated volumes (file, class, orientation, shift...), written next to the MRC files as CSV or as a
 * RELION STAR table ({@code data_particles}, one loop). Each column has a CSV name and a STAR name.
 */
public final class LabelTable {

    /** Output format, chosen from the file name ({@code .star} or anything else for CSV). */
    public enum Format { CSV, STAR }

    /** A column: CSV header and STAR label (without the leading underscore). */
    public record Column(String csvName, String starName) {
    }

    private final List<Column> columns;
    private final List<String[]> rows = new ArrayList<>();

    public LabelTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Add a row; numbers are formatted with a dot decimal separator. */
    public synchronized void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        String[] row = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            row[i] = v instanceof Double || v instanceof Float
                    ? String.format(Locale.ROOT, "%.4f", ((Number) v).doubleValue()) : String.valueOf(v);
        }
        rows.add(row);
    }

    public int size() {
        return rows.size();
    }

    /** The values of the column with CSV name {@code csvName}, row by row. */
    public synchronized List<String> column(String csvName) {
        int c = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).csvName().equals(csvName)) {
                c = i;
            }
        }
        if (c < 0) {
            throw new IllegalArgumentException("no column " + csvName + " in the label table");
        }
        List<String> out = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            out.add(r[c]);
        }
        return out;
    }

    public static Format formatOf(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".star") ? Format.STAR : Format.CSV;
    }

    /** Write atomically in the format the file name implies. */
    public synchronized void write(Path file) throws IOException {
        org.cryoetgan.nn.io.AtomicFiles.write(file, out -> {
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (formatOf(file) == Format.STAR) {
                writeStar(w);
            } else {
                writeCsv(w);
            }
            w.flush();
        });
    }

    private void writeCsv(Writer w) throws IOException {
        List<String> head = new ArrayList<>();
        for (Column c : columns) {
            head.add(csv(c.csvName()));
        }
        w.write(String.join(",", head) + "\n");
        for (String[] r : rows) {
            List<String> cells = new ArrayList<>();
            for (String s : r) {
                cells.add(csv(s));
            }
            w.write(String.join(",", cells) + "\n");
        }
    }

    private void writeStar(Writer w) throws IOException {
        w.write("\n# written by cryoetgan\n\ndata_particles\n\nloop_\n");
        for (int i = 0; i < columns.size(); i++) {
            w.write("_" + columns.get(i).starName() + " #" + (i + 1) + "\n");
        }
        for (String[] r : rows) {
            List<String> cells = new ArrayList<>();
            for (String s : r) {
                cells.add(s.isEmpty() ? "\"\"" : s.matches(".*\\s.*") ? "\"" + s + "\"" : s);
            }
            w.write(String.join("  ", cells) + "\n");
        }
        w.write("\n");
    }

    /**
     * The file → label pairs of the label tables in {@code folder}: {@code labels.csv} together with the
     * {@code labels.shard-i-of-n.csv} of a sharded {@code generate}, else {@code labels.star} (as written by this
     * class); an empty map when there is none.
     */
    public static java.util.Map<String, String> readLabels(Path folder) throws IOException {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        Path starFile = folder.resolve("labels.star");
        List<Path> csvFiles = new ArrayList<>();
        if (Files.isRegularFile(folder.resolve("labels.csv"))) {
            csvFiles.add(folder.resolve("labels.csv"));
        }
        if (Files.isDirectory(folder)) {
            try (java.util.stream.Stream<Path> files = Files.list(folder)) {
                files.filter(p -> p.getFileName().toString().matches("labels\\.shard-\\d+-of-\\d+\\.csv")).sorted()
                        .forEach(csvFiles::add);
            }
        }
        for (Path csvFile : csvFiles) {
            List<String> lines = Files.readAllLines(csvFile, StandardCharsets.UTF_8);
            if (!lines.isEmpty()) {
                List<String> head = List.of(lines.get(0).split(","));
                int f = head.indexOf("file");
                int l = head.indexOf("label");
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = line.split(",");
                    if (f >= 0 && l >= 0 && cells.length > Math.max(f, l)) {
                        out.put(cells[f], cells[l]);
                    }
                }
            }
        }
        if (csvFiles.isEmpty() && Files.isRegularFile(starFile)) {
            List<String> names = new ArrayList<>();
            for (String line : Files.readAllLines(starFile, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.startsWith("_")) {
                    names.add(t.split("\\s+")[0].substring(1));
                } else if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith("data_") && !t.equals("loop_")) {
                    String[] cells = t.split("\\s+");
                    int f = names.indexOf("rlnImageName");
                    int l = names.indexOf("cryoetganLabel");
                    if (f >= 0 && l >= 0 && cells.length > Math.max(f, l)) {
                        out.put(cells[f], cells[l]);
                    }
                }
            }
        }
        return out;
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
