package org.cryoetgan.gan.batch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.cryoetgan.gan.data.LabelTable;

/**
 * A label table on disk (CSV, or STAR by its name) that grows by one row as each volume is written, so that a
 * batch stopped at any point leaves a table listing the volumes it wrote: the header is written when the table is
 * {@linkplain #create created}, and each {@linkplain #add row} is appended and forced to disk at once (write the
 * volume first, then its row). A table {@linkplain #append opened for appending} may be shared with other jobs:
 * its rows are appended under the folder's {@link FolderMutex}, after checking that its columns are these.
 */
public final class LabelFile implements Closeable {

    private final Path file;
    private final LabelTable table;
    private final LabelTable.Format format;
    private final boolean shared;
    private final FileChannel channel;

    private LabelFile(Path file, List<LabelTable.Column> columns, boolean shared) throws IOException {
        this.file = file;
        this.table = new LabelTable(columns);
        this.format = LabelTable.formatOf(file);
        this.shared = shared;
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** A new table in {@code file}, replacing any file of that name: the header, no rows yet. */
    public static LabelFile create(Path file, List<LabelTable.Column> columns) throws IOException {
        writeHeader(file, columns);
        return new LabelFile(file, columns, false);
    }

    private static String writeHeader(Path file, List<LabelTable.Column> columns) throws IOException {
        String header = new LabelTable(columns).header(LabelTable.formatOf(file));
        org.cryoetgan.nn.io.AtomicFiles.write(file, out -> out.write(header.getBytes(StandardCharsets.UTF_8)));
        return header;
    }

    /**
     * The table in {@code file} to append rows to, possibly together with other jobs; created when missing. Throws
     * naming the file when it holds a table of other columns.
     */
    public static LabelFile append(Path file, List<LabelTable.Column> columns) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        return FolderMutex.hold(dir, () -> {
            String header = new LabelTable(columns).header(LabelTable.formatOf(file));
            if (!Files.exists(file) || Files.size(file) == 0) {
                writeHeader(file, columns);
                return new LabelFile(file, columns, true);
            }
            byte[] start;
            try (var in = Files.newInputStream(file)) {
                start = in.readNBytes(header.getBytes(StandardCharsets.UTF_8).length);
            }
            if (!new String(start, StandardCharsets.UTF_8).equals(header)) {
                throw new IOException(file + " is not a label table of the columns "
                        + String.join(", ", columns.stream().map(LabelTable.Column::csvName).toList())
                        + ": cannot append to it");
            }
            LabelFile f = new LabelFile(file, columns, true);
            f.endLastLine();
            return f;
        });
    }

    /** A row cut short (by a crash during its write) is ended, so that the next row starts on a line of its own. */
    private void endLastLine() throws IOException {
        long size = channel.size();
        ByteBuffer last = ByteBuffer.allocate(1);
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            read.read(last, size - 1);
        }
        if (last.get(0) != '\n') {
            write("\n");
        }
    }

    /** Appends a row (numbers with a dot decimal separator) and forces it to disk. */
    public void add(Object... values) throws IOException {
        String line = LabelTable.line(format, table.addRow(values));
        if (shared) {
            FolderMutex.hold(file.toAbsolutePath().getParent(), () -> {
                write(line);
                return null;
            });
        } else {
            write(line);
        }
    }

    private void write(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new IOException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }

    /** The rows this object has added (not those of other jobs sharing the file). */
    public LabelTable table() {
        return table;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
