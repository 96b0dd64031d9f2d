package io.niows.bench.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a comparison as a hand-written SVG of grouped bars under a heading that names the run
 * ({@link RunLabel}): a panel with one group per throughput workload, each bar a server's median
 * rate relative to the reference server (reference = 1.0); then a panel with one group per idle
 * memory figure (live heap, RSS outside the heap), each bar bytes per connection. Each panel has
 * a y-axis with ticks and a zero line; a negative value (memory can shrink while connections are
 * held) is a bar below that line. The chart grows wider with the number of groups and servers, so
 * no label or bar is cut off.
 *
 * <p>Stateless and thread-safe.
 */
final class SvgChart {

    private static final String[] COLORS = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02"};
    private static final int MIN_GROUP_WIDTH = 130;
    private static final int MIN_BAR_WIDTH = 18;
    private static final int BAR_GAP = 2;
    private static final int GROUP_PADDING = 20;
    private static final int PLOT_HEIGHT = 260;
    private static final int LEFT = 70;
    private static final int HEADING = 40;
    private static final int PANEL_TITLE = 50;
    private static final int GROUP_LABELS = 60;
    private static final int LEGEND_WIDTH = 160;
    /** Width of one character of the 14-15 px bold titles, generously: a title must never be cut. */
    private static final double TITLE_CHAR_WIDTH = 8.5;

    private SvgChart() {
    }

    static String render(Summary summary, RunLabel label) {
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
        String heading = "niows load comparison: " + label.text();
        String speedTitle = "Throughput relative to " + summary.reference() + " (median msg/s; " + summary.reference()
                + " = 1.0, higher is faster)";
        String memoryTitle = "Idle connections: bytes per connection (median; lower is smaller)";

        int groupWidth = Math.max(MIN_GROUP_WIDTH, servers.size() * (MIN_BAR_WIDTH + BAR_GAP) + GROUP_PADDING);
        int plotsRight = LEFT + Math.max(1, Math.max(speed.size(), memory.size())) * groupWidth;
        int width = Math.max(plotsRight + LEGEND_WIDTH, titleRight(heading, speedTitle, memoryTitle));
        int panels = (speed.isEmpty() ? 0 : 1) + (memory.isEmpty() ? 0 : 1);
        int panelHeight = PANEL_TITLE + PLOT_HEIGHT + GROUP_LABELS;
        int height = HEADING + Math.max(1, panels) * panelHeight;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
                width, height));
        svg.append(String.format(Locale.ROOT, "<text class=\"heading\" x=\"%d\" y=\"%d\" font-size=\"15\" "
                + "font-weight=\"bold\">%s</text>\n", 10, 24, escape(heading)));
        int top = HEADING;
        if (!speed.isEmpty()) {
            new Panel(speedTitle, speed, servers, groupWidth, "%.2f").draw(svg, top);
            top += panelHeight;
        }
        if (!memory.isEmpty()) {
            new Panel(memoryTitle, memory, servers, groupWidth, "%.0f").draw(svg, top);
        }
        legend(svg, servers, plotsRight + 20);
        return svg.append("</svg>\n").toString();
    }

    /** Where the longest title ends, so the chart is at least that wide. */
    private static int titleRight(String... titles) {
        int right = 0;
        for (String t : titles) {
            right = Math.max(right, LEFT + (int) Math.ceil(t.length() * TITLE_CHAR_WIDTH) + 20);
        }
        return right;
    }

    /** One panel: title, y-axis with ticks and grid lines, zero line, grouped bars, group labels. */
    private record Panel(String title, Map<String, Map<String, Double>> groups, List<String> servers, int groupWidth,
            String format) {

        void draw(StringBuilder svg, int top) {
            AxisScale scale = AxisScale.of(groups.values().stream().flatMap(m -> m.values().stream())
                    .mapToDouble(Double::doubleValue).toArray());
            int plotTop = top + PANEL_TITLE;
            int plotBottom = plotTop + PLOT_HEIGHT;
            int right = LEFT + groups.size() * groupWidth;
            svg.append(String.format(Locale.ROOT, "<g class=\"panel\">\n<text x=\"%d\" y=\"%d\" font-size=\"14\" "
                    + "font-weight=\"bold\">%s</text>\n", LEFT, top + 30, escape(title)));
            yAxis(svg, scale, plotTop, plotBottom, right);
            int zero = scale.y(0, plotTop, PLOT_HEIGHT);
            int barWidth = (groupWidth - GROUP_PADDING) / Math.max(1, servers.size()) - BAR_GAP;
            int g = 0;
            for (Map.Entry<String, Map<String, Double>> group : groups.entrySet()) {
                int x0 = LEFT + g++ * groupWidth + GROUP_PADDING / 2;
                for (int s = 0; s < servers.size(); s++) {
                    Double v = group.getValue().get(servers.get(s));
                    if (v != null && !Double.isNaN(v)) {
                        bar(svg, s, x0 + s * (barWidth + BAR_GAP), barWidth, zero, scale.y(v, plotTop, PLOT_HEIGHT), v);
                    }
                }
                label(svg, group.getKey(), x0 + (groupWidth - GROUP_PADDING) / 2, plotBottom + 14);
            }
            svg.append(String.format(Locale.ROOT, "<line class=\"zero\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                    + "stroke=\"black\"/>\n</g>\n", LEFT, zero, right, zero));
        }

        private void yAxis(StringBuilder svg, AxisScale scale, int plotTop, int plotBottom, int right) {
            svg.append(String.format(Locale.ROOT, "<g class=\"y-axis\">\n<line class=\"axis\" x1=\"%d\" y1=\"%d\" "
                    + "x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", LEFT, plotTop, LEFT, plotBottom));
            for (double t : scale.ticks()) {
                int y = scale.y(t, plotTop, PLOT_HEIGHT);
                svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                        + "stroke=\"#ddd\"/><line class=\"tick\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>"
                        + "<text class=\"tick-label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
                        LEFT + 1, y, right, y, LEFT - 5, y, LEFT, y, LEFT - 8, y + 4, scale.label(t)));
            }
            svg.append("</g>\n");
        }

        private void bar(StringBuilder svg, int s, int x, int barWidth, int zero, int y, double v) {
            String server = escape(servers.get(s));
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" data-server=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" "
                    + "height=\"%d\" fill=\"%s\"><title>%s: " + format + "</title></rect>\n", server, x, Math.min(y, zero),
                    barWidth, Math.abs(zero - y), COLORS[s % COLORS.length], server, v));
            int textY = v < 0 ? Math.max(y, zero) + 9 : Math.min(y, zero) - 3;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"8\" text-anchor=\"middle\">"
                    + format + "</text>\n", x + barWidth / 2, textY, v));
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
        svg.append(String.format(Locale.ROOT, "<text class=\"group-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s"
                + "</text>\n", x, y, escape(text)));
    }

    private static void legend(StringBuilder svg, List<String> servers, int x) {
        for (int s = 0; s < servers.size(); s++) {
            int y = HEADING + PANEL_TITLE + 20 * s;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>\n", x, y, COLORS[s % COLORS.length], x + 18, y + 10,
                    escape(servers.get(s))));
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
