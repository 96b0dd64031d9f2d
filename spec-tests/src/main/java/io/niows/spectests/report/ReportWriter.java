package io.niows.spectests.report;

import io.niows.spectests.run.CaseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run's report directory: {@code index.json}, {@code index.html}, and per case
 * {@code <agent>_case_<id>.json} and {@code .html}. Stateless; safe from any thread (two
 * writers must not share a directory).
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    public static void write(Path dir, String agent, List<CaseResult> results) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("index.json"), JsonWriter.write(JsonReport.index(agent, results)),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("index.html"), HtmlReport.index(agent, results), StandardCharsets.UTF_8);
        for (CaseResult r : results) {
            String base = ReportNames.caseBase(agent, r.id());
            Files.writeString(dir.resolve(base + ".json"), JsonWriter.write(JsonReport.caseReport(r)),
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(base + ".html"), HtmlReport.casePage(r), StandardCharsets.UTF_8);
        }
    }
}
