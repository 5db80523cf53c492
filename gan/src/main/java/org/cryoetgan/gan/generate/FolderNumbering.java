package org.cryoetgan.gan.generate;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cryoetgan.gan.batch.ClassNumbers;
import org.cryoetgan.gan.batch.FolderBookkeeping;
import org.cryoetgan.gan.batch.FolderMutex;
import org.cryoetgan.nn.io.AtomicFiles;

/**
 * The numbers that {@code generate} has handed out in an output folder, kept in
 * {@value FolderBookkeeping#GENERATE_NUMBERS} there: the next sample number (sample j is drawn with the seed
 * {@code mix(seed, j)}), the next map number (the first number of the file names) and the class number of every
 * label. A job claims its block of numbers under the folder's {@link FolderMutex}: a new job starts at 0, a job
 * that appends starts after every block claimed before, so jobs appending to one folder, even at the same time,
 * never share a seed or a file name, and a label keeps its class number.
 */
final class FolderNumbering {

    private static final String NEXT_SAMPLE = "nextSample";
    private static final String NEXT_MAP = "nextMap";
    private static final String CLASS = "class.";

    /** Where a job's numbers start, and the class numbers of its labels. */
    record Block(long firstSample, int firstMap, ClassNumbers classes) {
    }

    private FolderNumbering() {
    }

    /**
     * Claims {@code samples} sample numbers and {@code maps} map numbers in {@code dir} for a job whose maps carry
     * {@code labels}: after those used so far when {@code append}, else from 0 (a new job, or one shard of it; the
     * labels are then numbered afresh).
     */
    static Block claim(Path dir, List<String> labels, int maps, long samples, boolean append) throws IOException {
        return FolderMutex.hold(dir, () -> {
            Path file = dir.resolve(FolderBookkeeping.GENERATE_NUMBERS);
            Properties used = Files.exists(file) ? read(file) : new Properties();
            if (append && !Files.exists(file) && holdsOutputs(dir)) {
                throw new IOException(dir + " holds files but no record of the numbers generate used there ("
                        + file.getFileName() + "): --append continues only a folder that generate wrote; use"
                        + " another --out");
            }
            long nextSample = number(used, NEXT_SAMPLE, file);
            long nextMap = number(used, NEXT_MAP, file);
            Block block = append
                    ? new Block(nextSample, Math.toIntExact(nextMap), classes(used, file).with(labels))
                    : new Block(0, 0, new ClassNumbers(labels));
            write(file, Math.max(nextSample, block.firstSample() + samples),
                    Math.max(nextMap, block.firstMap() + (long) maps), block.classes());
            return block;
        });
    }

    private static boolean holdsOutputs(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> !FolderBookkeeping.isBookkeeping(p.getFileName().toString()));
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not a record of generate's numbers (" + e.getMessage() + ")", e);
        }
        return p;
    }

    private static long number(Properties p, String key, Path file) throws IOException {
        String text = p.getProperty(key, "0");
        try {
            long n = Long.parseLong(text.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IOException(file + ": " + key + " is '" + text + "', not a count");
    }

    private static ClassNumbers classes(Properties p, Path file) throws IOException {
        Map<String, Integer> numbers = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(CLASS)) {
                numbers.put(key.substring(CLASS.length()), Math.toIntExact(number(p, key, file)));
            }
        }
        return ClassNumbers.of(numbers);
    }

    private static void write(Path file, long nextSample, long nextMap, ClassNumbers classes) throws IOException {
        Properties p = new Properties();
        p.setProperty(NEXT_SAMPLE, Long.toString(nextSample));
        p.setProperty(NEXT_MAP, Long.toString(nextMap));
        classes.numbers().forEach((label, n) -> p.setProperty(CLASS + label, Integer.toString(n)));
        StringWriter text = new StringWriter();
        p.store(text, "numbers used by cryoetgan generate in this folder; --append continues after them");
        AtomicFiles.write(file, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
