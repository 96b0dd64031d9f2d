package io.niows.spectests.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.spectests.cases.Verdict;
import io.niows.spectests.run.CaseResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's master page opens with one summary row and spans the page. */
class HtmlReportTest {

    private static final List<CaseResult> RUN = List.of(
            result("1.1.1", "2026-12-03T07:55:02.120Z", Verdict.OK, Verdict.OK),
            result("1.1.2", "2026-12-03T07:55:01Z", Verdict.OK, Verdict.OK),
            result("6.4.3", "2026-12-03T07:56:10.001Z", Verdict.NON_STRICT, Verdict.OK),
            result("7.1.6", "2026-12-03T07:56:11.500Z", Verdict.INFORMATIONAL, Verdict.INFORMATIONAL),
            result("7.7.8", "2026-12-03T07:56:12.000Z", Verdict.FAILED, Verdict.WRONG_CODE));

    @Test
    void theFirstTableIsTheSummaryRowWithAgentDateAndACountPerVerdict() {
        String html = HtmlReport.index("ws <8.23>", RUN);
        int summary = html.indexOf("<table class=summary>");
        int firstCase = html.indexOf("Case 1.1.1");
        assertThat(summary).isPositive().isEqualTo(html.indexOf("<table")).isLessThan(firstCase);
        String table = html.substring(summary, html.indexOf("</table>", summary));
        assertThat(table).contains("<tr><th>agent</th><th>date</th><th>cases</th><th>OK</th><th>NON-STRICT</th>"
                + "<th>INFORMATIONAL</th><th>UNIMPLEMENTED</th><th>FAILED</th><th>closing behaviour</th></tr>");
        assertThat(table).contains("<tr class=summary-row><td>ws &lt;8.23&gt;</td><td>2026-12-03 07:55 UTC</td><td>5</td>"
                + "<td class=case_ok>2</td><td class=case_non_strict>1</td><td class=case_info>1</td><td>0</td>"
                + "<td class=case_failed>1</td><td>OK 3, INFORMATIONAL 1, WRONG CODE 1</td></tr>");
    }

    @Test
    void theDateIsThatOfTheEarliestCaseNotTheFirstListed() {
        assertThat(SummaryRow.started(RUN)).isEqualTo("2026-12-03 07:55 UTC");
        assertThat(SummaryRow.started(List.of(result("1.1.1", "2026-12-03T23:59:59.999Z", Verdict.OK, Verdict.OK),
                result("1.1.2", "2026-12-04T00:00:00Z", Verdict.OK, Verdict.OK)))).isEqualTo("2026-12-03 23:59 UTC");
        assertThat(SummaryRow.started(List.of())).isEmpty();
    }

    @Test
    void tablesAndWireLogsUseThePageWidth() {
        String html = HtmlReport.index("a", RUN);
        assertThat(html).contains("table{border-collapse:collapse;width:100%}")
                .contains("pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}");
    }

    private static CaseResult result(String id, String started, Verdict behavior, Verdict close) {
        return new CaseResult(id, "a", "description", "expectation", started, 10, false, behavior, close, "result",
                "resultClose", Map.of(), null, List.of(), null, List.of(), Map.of(), Map.of(), "GET /", "HTTP/1.1 101",
                false, null);
    }
}
