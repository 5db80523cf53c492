package org.cryoetgan.gan.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's metrics as JSON lines ({@code metrics.jsonl}): one object per logged step with the step, every loss
 * and the Wasserstein estimates (means over the steps since the previous line), the learning rate and the mean
 * time per step. Appends, flushing each line, so a killed run keeps its log;
 * on resume, lines past the checkpoint's step are dropped.
 */
public final class MetricsLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final BufferedWriter out;

    private MetricsLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** Opens the log for appending, first dropping entries with a step greater than {@code keepUpToStep}. */
    public static MetricsLog open(Path file, long keepUpToStep) throws IOException {
        if (Files.exists(file)) {
            List<String> kept = new ArrayList<>();
            for (Map<String, Object> row : read(file)) {
                Object step = row.get("step");
                if (step instanceof Number && ((Number) step).longValue() <= keepUpToStep) {
                    kept.add(JSON.writeValueAsString(row));
                }
            }
            Files.write(file, kept, StandardCharsets.UTF_8);
        }
        return new MetricsLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND));
    }

    public Path file() {
        return file;
    }

    public void append(Map<String, ?> row) throws IOException {
        out.write(JSON.writeValueAsString(row));
        out.newLine();
        out.flush();
    }

    /** Every row of a metrics file (insertion-ordered maps). Malformed trailing lines (a killed write) are skipped. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> read(Path file) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                rows.add(JSON.readValue(line, LinkedHashMap.class));
            } catch (IOException e) {
                // a line cut by a kill: ignore it
            }
        }
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
