package io.niows.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The chart read back as XML: its heading names the run, each panel has an axis, bars sit on the zero line. */
class SvgChartTest {

    private static final RunLabel LABEL = new RunLabel("pinned (servers on CPU 1, tool on CPU 0)",
            LocalDate.of(2026, 12, 3), "abc1234");
    private static final XPath XPATH = XPathFactory.newInstance().newXPath();

    @Test
    void theHeadingNamesThePlacementTheDateAndTheCommit() throws Exception {
        Document svg = parse(SvgChart.render(summary(3), LABEL));
        assertThat(text(svg, "//*[@class='heading']"))
                .isEqualTo("niows load comparison: pinned (servers on CPU 1, tool on CPU 0) · 2026-12-03 · commit abc1234");
    }

    @Test
    void eachPanelHasAYAxisWithNumberedTicksIncludingZero() throws Exception {
        Document svg = parse(SvgChart.render(summary(3), LABEL));
        NodeList panels = nodes(svg, "//*[@class='panel']");
        assertThat(panels.getLength()).isEqualTo(2);
        for (int i = 0; i < panels.getLength(); i++) {
            Element panel = (Element) panels.item(i);
            assertThat(nodes(panel, ".//*[@class='y-axis']/*[@class='axis']").getLength()).isEqualTo(1);
            NodeList labels = nodes(panel, ".//*[@class='y-axis']/*[@class='tick-label']");
            assertThat(nodes(panel, ".//*[@class='y-axis']/*[@class='tick']").getLength())
                    .isEqualTo(labels.getLength()).isGreaterThanOrEqualTo(3);
            List<Double> values = new ArrayList<>();
            for (int t = 0; t < labels.getLength(); t++) {
                values.add(Double.parseDouble(labels.item(t).getTextContent()));
            }
            assertThat(values).contains(0.0).isSorted();
        }
    }

    @Test
    void aNegativeValueIsABarBelowTheZeroLineAndAPositiveOneABarAboveIt() throws Exception {
        Document svg = parse(SvgChart.render(summary(3), LABEL));
        Element memory = (Element) nodes(svg, "//*[@class='panel']").item(1);
        int zero = attr(first(memory, ".//*[@class='zero']"), "y1");
        Element negative = first(memory, ".//*[@class='bar'][title='java-websocket: -440']");
        assertThat(attr(negative, "y")).isEqualTo(zero);
        assertThat(attr(negative, "height")).isPositive();
        Element positive = first(memory, ".//*[@class='bar'][title='niows: 378']");
        assertThat(attr(positive, "y") + attr(positive, "height")).isEqualTo(zero);
        assertThat(attr(positive, "height")).isPositive();
        Element lowestTick = first(memory, ".//*[@class='y-axis']/*[@class='tick']");
        assertThat(attr(lowestTick, "y1")).isGreaterThanOrEqualTo(attr(negative, "y") + attr(negative, "height"));
    }

    @Test
    void theChartGrowsWiderWithTheWorkloadsAndHoldsEveryBarAndLabel() throws Exception {
        int previous = 0;
        for (int workloads : new int[] {1, 8, 30}) {
            Document svg = parse(SvgChart.render(summary(workloads), LABEL));
            int width = attr(svg.getDocumentElement(), "width");
            assertThat(width).isGreaterThan(previous);
            previous = width;
            NodeList bars = nodes(svg, "//*[@class='bar']");
            assertThat(bars.getLength()).isEqualTo(workloads * 3 + 2 * 3);
            for (int i = 0; i < bars.getLength(); i++) {
                assertThat(attr((Element) bars.item(i), "x") + attr((Element) bars.item(i), "width")).isLessThan(width);
            }
            NodeList labels = nodes(svg, "//*[@class='group-label']");
            assertThat(attr(last(labels), "x")).isLessThan(width);
        }
    }

    /** {@code workloads} echo workloads and the idle one, for niows, netty and java-websocket. */
    private static Summary summary(int workloads) {
        List<RoundResult> rounds = new ArrayList<>();
        double[] rates = {1000, 800, 1200};
        String[] servers = {"niows", "netty", "java-websocket"};
        for (int w = 0; w < workloads; w++) {
            for (int s = 0; s < servers.length; s++) {
                rounds.add(new RoundResult(servers[s], "echo " + (w + 1) + " conn 16 B", 1, rates[s] * (w + 1), 16 * rates[s],
                        50, 100, 200, 0.5, 0.5, 0.9, w + 1, 0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN));
            }
        }
        double[][] memory = {{1274, 378}, {2324, 2182}, {2312, -440}};
        for (int s = 0; s < servers.length; s++) {
            rounds.add(new RoundResult(servers[s], "idle 10000 conn", 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, 10_000, 0, 0, 0, 0, memory[s][0], memory[s][1], 6e8));
        }
        return new Summary(rounds, "niows");
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static NodeList nodes(Object context, String xpath) throws Exception {
        return (NodeList) XPATH.evaluate(xpath, context, XPathConstants.NODESET);
    }

    private static Element first(Object context, String xpath) throws Exception {
        NodeList found = nodes(context, xpath);
        assertThat(found.getLength()).as(xpath).isPositive();
        return (Element) found.item(0);
    }

    private static Element last(NodeList nodes) {
        return (Element) nodes.item(nodes.getLength() - 1);
    }

    private static String text(Object context, String xpath) throws Exception {
        return first(context, xpath).getTextContent();
    }

    private static int attr(Element e, String name) {
        return Integer.parseInt(e.getAttribute(name));
    }
}
