package org.cryoetgan.gan.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.cryoetgan.gan.evaluate.ReportFiles;
import org.cryoetgan.nn.io.AtomicFiles;

/** Writes a {@link BenchmarkReport} as report.json (everything) and report.md ({@link BenchmarkMarkdown}). */
public final class BenchmarkReportFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchmarkReportFiles() {
    }

    public static void write(Path dir, BenchmarkReport report) throws IOException {
        byte[] json = MAPPER.writeValueAsBytes(report);
        AtomicFiles.write(dir.resolve(ReportFiles.JSON), o -> o.write(json));
        byte[] md = BenchmarkMarkdown.render(report).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(ReportFiles.MARKDOWN), o -> o.write(md));
    }
}
