package io.niows.spectests.report;

import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.Verdict;
import io.niows.spectests.run.CaseResult;
import java.util.List;
import java.util.Map;

/**
 * Static HTML in the manner of Autobahn's report: a summary row ({@link SummaryRow}), then a
 * master table of cases by category, as wide as the page, with each verdict linking to the case
 * page; and per case its description, expectation, outcome, closing behaviour, handshake and wire
 * log (long lines wrap within the page). Stateless; safe from any thread.
 */
public final class HtmlReport {
    private static final String CSS = "body{font-family:sans-serif;font-size:13px}"
            + "table{border-collapse:collapse;width:100%}td,th{padding:2px 8px;border:1px solid #ccc}"
            + ".summary{margin-bottom:12px}.summary th{background:#333;color:#fff;text-align:left}"
            + ".case_ok{background:#0a0;color:#fff}.case_non_strict{background:#9a0;color:#fff}"
            + ".case_failed{background:#900;color:#fff}.case_info{background:#44c;color:#fff}"
            + ".case_almost{background:#6a0;color:#fff}.case_unimplemented{background:#808;color:#fff}"
            + ".case_duration{font-size:0.8em}.cat{background:#333;color:#fff;font-weight:bold}"
            + ".sub{background:#ddd}a{color:inherit}.tx{color:#005}.rx{color:#050}.ev{color:#777}"
            + "pre{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}";

    private HtmlReport() {
    }

    /** The master page. */
    public static String index(String agent, List<CaseResult> results) {
        StringBuilder sb = head("niows-spec-tests report");
        sb.append("<h1>Fuzzing report for ").append(esc(agent)).append("</h1>\n");
        SummaryRow.append(sb, agent, results);
        sb.append("<table>\n");
        String lastCat = null;
        String lastSub = null;
        for (CaseResult r : results) {
            String[] parts = r.id().split("\\.");
            String cat = parts[0];
            String sub = parts[0] + "." + parts[1];
            if (!cat.equals(lastCat)) {
                sb.append("<tr class=cat><td>").append(cat).append(' ')
                        .append(esc(CaseCatalog.CATEGORIES.getOrDefault(cat, "Misc")))
                        .append("</td><td colspan=2>").append(esc(agent)).append("</td></tr>\n");
                lastCat = cat;
            }
            if (!sub.equals(lastSub) && parts.length > 2) {
                sb.append("<tr class=sub><td colspan=3>").append(sub)
                        .append(subcategory(sub)).append("</td></tr>\n");
            }
            lastSub = sub;
            String file = ReportNames.caseBase(agent, r.id()) + ".html";
            sb.append("<tr><td>Case ").append(r.id()).append("</td><td class=").append(css(r.behavior()))
                    .append("><a href=\"").append(file).append("\">").append(r.behavior().label()).append("</a>")
                    .append(detail(r))
                    .append("</td><td class=").append(css(r.behaviorClose())).append('>')
                    .append(r.behaviorClose() == Verdict.OK ? String.valueOf(r.remoteCloseCode()) : r.behaviorClose().label())
                    .append("</td></tr>\n");
        }
        return sb.append("</table>\n</body></html>\n").toString();
    }

    private static String subcategory(String sub) {
        String title = CaseCatalog.SUBCATEGORIES.get(sub);
        return title == null ? "" : " " + esc(title);
    }

    /**
     * Autobahn's line under a timed verdict: the duration and, for groups 12 and 13, the
     * compression ratios {@code [incoming/outgoing]} (compressed over uncompressed octets).
     */
    static String detail(CaseResult r) {
        StringBuilder d = new StringBuilder();
        if (r.reportTime()) {
            d.append(r.durationMillis()).append(" ms");
        }
        if (r.reportCompressionRatio() && r.trafficStats() != null) {
            d.append(" [").append(ratio(r.trafficStats().get("incomingCompressionRatio"))).append('/')
                    .append(ratio(r.trafficStats().get("outgoingCompressionRatio"))).append(']');
        }
        return d.length() == 0 ? "" : "<br><span class=case_duration>" + d + "</span>";
    }

    private static String ratio(Object value) {
        return value instanceof Double v ? String.format(java.util.Locale.ROOT, "%.3f", v) : "-";
    }

    /** One case's page. */
    public static String casePage(CaseResult r) {
        StringBuilder sb = head("Case " + r.id());
        sb.append("<p class=").append(css(r.behavior())).append('>').append(esc(r.agent())).append(" - <b>Case ")
                .append(r.id()).append("</b> : ").append(r.behavior().label()).append(" - <b>")
                .append(r.durationMillis()).append("</b> ms @ ").append(r.started()).append("</p>\n");
        section(sb, "Case Description", r.description());
        section(sb, "Case Expectation", r.expectation());
        Map<String, Object> json = JsonReport.caseReport(r);
        section(sb, "Case Outcome", esc(r.result()) + "<br><br><i>Expected:</i><br>" + esc(String.valueOf(json.get("expected")))
                + "<br><br><i>Observed:</i><br>" + esc(String.valueOf(json.get("received"))));
        section(sb, "Case Closing Behavior", esc(r.resultClose()) + " (" + r.behaviorClose().label() + ")");
        sb.append("<h2>Opening Handshake</h2><pre>").append(esc(r.httpRequest())).append("</pre><pre>")
                .append(esc(r.httpResponse())).append("</pre>\n<h2>Closing Behavior</h2><table>\n");
        for (String key : List.of("isServer", "closedByMe", "failedByMe", "droppedByMe", "wasClean", "wasNotCleanReason",
                "wasServerConnectionDropTimeout", "wasCloseHandshakeTimeout", "localCloseCode", "localCloseReason",
                "remoteCloseCode", "remoteCloseReason")) {
            sb.append("<tr><td>").append(key).append("</td><td>").append(esc(String.valueOf(json.get(key))))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
        if (r.trafficStats() != null) {
            sb.append("<h2>Traffic Statistics</h2><table>\n");
            r.trafficStats().forEach((k, v) -> sb.append("<tr><td>").append(k).append("</td><td>")
                    .append(esc(String.valueOf(v))).append("</td></tr>\n"));
            sb.append("</table>\n");
        }
        sb.append("<h2>Wire Log</h2>\n");
        int i = 0;
        for (List<Object> row : r.wirelog()) {
            String kind = String.valueOf(row.get(0));
            String cls = kind.startsWith("T") && !kind.startsWith("TI") ? "tx" : kind.startsWith("R") ? "rx" : "ev";
            sb.append("<pre class=").append(cls).append('>').append(String.format("%03d ", i++))
                    .append(esc(row.toString())).append("</pre>\n");
        }
        sb.append("<pre>").append(String.format("%03d ", i))
                .append(r.facts() != null && r.facts().droppedByMe() ? "TCP DROPPED BY ME" : "TCP DROPPED BY PEER")
                .append("</pre>\n");
        return sb.append("</body></html>\n").toString();
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title><style>").append(CSS).append("</style></head><body>\n");
    }

    private static void section(StringBuilder sb, String title, String html) {
        sb.append("<p><b>").append(title).append("</b><br><br>").append(html).append("</p>\n");
    }

    static String css(Verdict v) {
        return switch (v) {
            case OK -> "case_ok";
            case NON_STRICT, WRONG_CODE -> "case_non_strict";
            case INFORMATIONAL -> "case_info";
            case FAILED_BY_CLIENT -> "case_almost";
            case UNIMPLEMENTED -> "case_unimplemented";
            default -> "case_failed";
        };
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
