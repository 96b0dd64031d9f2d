package io.niows.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a comparison as a hand-written SVG of grouped bars: one group per throughput workload,
 * each bar a server's median rate relative to the reference server (reference = 1.0); then one
 * group per idle memory figure (live heap, RSS), each bar bytes per connection.
 *
 * <p>Stateless and thread-safe.
 */
final class SvgChart {

    private static final String[] COLORS = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"};
    private static final int GROUP_WIDTH = 130;
    private static final int BAR_GAP = 2;
    private static final int PLOT_HEIGHT = 260;
    private static final int LEFT = 60;
    private static final int PANEL_TOP = 70;

    private SvgChart() {
    }

    static String render(Summary summary) {
        List<String> servers = new ArrayList<>();
        Map<String, Map<String, Double>> speed = new LinkedHashMap<>();
        Map<String, Map<String, Double>> memory = new LinkedHashMap<>();
        Map<String, Double> refRate = new LinkedHashMap<>();
        for (Summary.Row r : summary.rows()) {
            if (!servers.contains(r.server())) {
                servers.add(r.server());
            }
            if (r.idle()) {
                memory.computeIfAbsent("live heap B/conn", k -> new LinkedHashMap<>()).put(r.server(), r.heapPerConnection());
                memory.computeIfAbsent("RSS outside heap B/conn", k -> new LinkedHashMap<>()).put(r.server(), r.rssPerConnection());
            } else {
                speed.computeIfAbsent(r.workload(), k -> new LinkedHashMap<>()).put(r.server(), r.rate());
                if (r.server().equals(summary.reference())) {
                    refRate.put(r.workload(), r.rate());
                }
            }
        }
        speed.forEach((w, byServer) -> byServer.replaceAll((s, rate) -> rate / refRate.getOrDefault(w, Double.NaN)));
        int width = LEFT + Math.max(speed.size() + memory.size(), 1) * GROUP_WIDTH + 160;
        int height = 2 * (PLOT_HEIGHT + PANEL_TOP + 60);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
                width, height));
        panel(svg, 0, "Throughput relative to " + summary.reference() + " (median msg/s; " + summary.reference()
                + " = 1.0, higher is faster)", speed, servers, "%.2f");
        panel(svg, PLOT_HEIGHT + PANEL_TOP + 60, "Idle connections: bytes per connection (median; lower is smaller)",
                memory, servers, "%.0f");
        legend(svg, servers, width - 150);
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, int top, String title, Map<String, Map<String, Double>> groups,
            List<String> servers, String format) {
        double max = groups.values().stream().flatMap(m -> m.values().stream())
                .filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue).max().orElse(1);
        max = max <= 0 ? 1 : max * 1.1;
        int base = top + PANEL_TOP + PLOT_HEIGHT;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\" font-weight=\"bold\">%s</text>\n",
                LEFT, top + 30, escape(title)));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n",
                LEFT, base, LEFT + groups.size() * GROUP_WIDTH, base));
        int barWidth = (GROUP_WIDTH - 20) / Math.max(1, servers.size()) - BAR_GAP;
        int g = 0;
        for (Map.Entry<String, Map<String, Double>> group : groups.entrySet()) {
            int x0 = LEFT + g++ * GROUP_WIDTH + 10;
            for (int s = 0; s < servers.size(); s++) {
                Double v = group.getValue().get(servers.get(s));
                if (v == null || Double.isNaN(v)) {
                    continue;
                }
                int h = (int) Math.round(Math.max(0, v) / max * PLOT_HEIGHT);
                int x = x0 + s * (barWidth + BAR_GAP);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
                        + "<title>%s: " + format + "</title></rect>\n", x, base - h, barWidth, h,
                        COLORS[s % COLORS.length], escape(servers.get(s)), v));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"8\" text-anchor=\"middle\">"
                        + format + "</text>\n", x + barWidth / 2, base - h - 3, v));
            }
            label(svg, group.getKey(), x0 + (GROUP_WIDTH - 20) / 2, base + 14);
        }
    }

    private static void label(StringBuilder svg, String text, int x, int y) {
        String[] words = text.split(" ");
        StringBuilder line = new StringBuilder();
        int row = 0;
        for (String word : words) {
            if (line.length() + word.length() > 18) {
                centered(svg, line.toString().trim(), x, y + 12 * row++);
                line.setLength(0);
            }
            line.append(word).append(' ');
        }
        centered(svg, line.toString().trim(), x, y + 12 * row);
    }

    private static void centered(StringBuilder svg, String text, int x, int y) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, y,
                escape(text)));
    }

    private static void legend(StringBuilder svg, List<String> servers, int x) {
        for (int s = 0; s < servers.size(); s++) {
            int y = PANEL_TOP + 20 * s;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>\n", x, y, COLORS[s % COLORS.length], x + 18, y + 10,
                    escape(servers.get(s))));
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
