package org.cryoetgan.gan.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cryoetgan.nn.io.AtomicFiles;

/** Writes an evaluation into a folder: {@value #JSON} (everything) and {@value #MARKDOWN} (the table). */
public final class ReportFiles {
    public static final String JSON = "report.json";
    public static final String MARKDOWN = "report.md";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    /** Writes both files; {@code montages} are file names in {@code dir} linked from the Markdown. */
    public static void write(Path dir, EvaluationReport report, List<String> montages) throws IOException {
        Files.createDirectories(dir);
        byte[] json = MAPPER.writeValueAsBytes(report);
        AtomicFiles.write(dir.resolve(JSON), o -> o.write(json));
        byte[] md = MarkdownReport.render(report, montages).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(MARKDOWN), o -> o.write(md));
    }
}
