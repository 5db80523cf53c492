package org.cryoetgan.gan.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Labels of volumes (file, class, orientation, shift...), kept next to the MRC files as CSV or as a RELION STAR
 * table ({@code data_particles}, one loop). Each column has a CSV name and a STAR name. Written by the batch and
 * generation commands ({@code batch.LabelFile} appends rows as volumes are written) and read back by
 * {@link #readLabels} when a folder of volumes is loaded ({@link VolumeFiles}).
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
    public void add(Object... values) {
        addRow(values);
    }

    /** Adds a row and returns its cells, as {@link #line} writes them. */
    public synchronized String[] addRow(Object... values) {
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
        return row;
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
        Format format = formatOf(file);
        StringBuilder text = new StringBuilder(header(format));
        for (String[] r : rows) {
            text.append(line(format, r));
        }
        org.cryoetgan.nn.io.AtomicFiles.write(file, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** What comes before the rows in a file of this format: the CSV header line, or the STAR block and loop. */
    public String header(Format format) {
        StringBuilder s = new StringBuilder();
        if (format == Format.STAR) {
            s.append("\n# written by cryoetgan\n\ndata_particles\n\nloop_\n");
            for (int i = 0; i < columns.size(); i++) {
                s.append('_').append(columns.get(i).starName()).append(" #").append(i + 1).append('\n');
            }
        } else {
            List<String> head = new ArrayList<>();
            for (Column c : columns) {
                head.add(csv(c.csvName()));
            }
            s.append(String.join(",", head)).append('\n');
        }
        return s.toString();
    }

    /** One row as a line of a file of this format, newline included. */
    public static String line(Format format, String[] row) {
        List<String> cells = new ArrayList<>();
        for (String s : row) {
            cells.add(format == Format.STAR ? star(s) : csv(s));
        }
        return String.join(format == Format.STAR ? "  " : ",", cells) + "\n";
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

    private static String star(String s) {
        return s.isEmpty() ? "\"\"" : s.matches(".*\\s.*") ? "\"" + s + "\"" : s;
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
