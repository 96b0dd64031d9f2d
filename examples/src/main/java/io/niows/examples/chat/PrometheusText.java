package io.niows.examples.chat;

import io.niows.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Writes a niows {@link Metrics} snapshot in the Prometheus text exposition format (version
 * 0.0.4): one {@code # HELP} and one {@code # TYPE} line per metric, counters ending in
 * {@code _total}, the close codes and HTTP statuses as labels, the ping round trips as a
 * histogram in seconds. The format is small enough to write by hand; no client library needed.
 *
 * <p>Stateless and thread-safe.
 */
public final class PrometheusText {

    /** The {@code Content-Type} of the format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(2048);
    private final String prefix;

    private PrometheusText(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The snapshot as Prometheus text.
     *
     * @param m the snapshot
     * @param prefix the start of every metric name, such as {@code niows_chat}
     * @return the text, each line ending in {@code \n}
     */
    public static String write(Metrics m, String prefix) {
        PrometheusText t = new PrometheusText(prefix);
        t.gauge("connections_open", "WebSocket connections open now.", m.connectionsOpen());
        t.counter("connections_accepted", "TCP connections accepted.", m.connectionsAccepted());
        t.counter("connections_opened", "WebSocket connections whose opening handshake completed.",
                m.connectionsOpened());
        t.counter("handshakes_refused", "Requests answered with an HTTP error status instead of 101.", "status",
                m.refusedByStatus());
        t.counter("close_frames_sent", "Close frames sent, by close code.", "code", m.closeFramesSent());
        t.counter("close_frames_received", "Close frames received, by close code.", "code",
                m.closeFramesReceived());
        t.counter("protocol_failures", "Connections failed for breaking the protocol, by close code.", "code",
                m.protocolFailures());
        t.counter("messages_received", "Data messages received.", m.messagesIn());
        t.counter("messages_sent", "Data messages queued for sending.", m.messagesOut());
        t.counter("frames_received", "Frames received.", m.framesIn());
        t.counter("frames_sent", "Frames queued for sending.", m.framesOut());
        t.counter("bytes_received", "Bytes read from sockets.", m.bytesIn());
        t.counter("bytes_sent", "Bytes written to sockets.", m.bytesOut());
        t.gauge("queued_bytes", "Bytes waiting in write queues.", m.queuedBytes());
        t.counter("broadcast_evictions", "Members a broadcaster closed for being too slow.",
                m.broadcastEvictions());
        t.counter("broadcast_skips", "Messages a broadcaster skipped for a member.", m.broadcastSkips());
        t.counter("loop_stalls", "Times a selector loop was held past its threshold.", m.loopStalls());
        t.histogram("ping_round_trip_seconds", "Ping round trips.", m);
        return t.out.toString();
    }

    private void head(String name, String help, String type) {
        out.append("# HELP ").append(prefix).append('_').append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(prefix).append('_').append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, String labels, String value) {
        out.append(prefix).append('_').append(name).append(labels).append(' ').append(value).append('\n');
    }

    private void gauge(String name, String help, long value) {
        head(name, help, "gauge");
        sample(name, "", Long.toString(value));
    }

    private void counter(String name, String help, long value) {
        head(name + "_total", help, "counter");
        sample(name + "_total", "", Long.toString(value));
    }

    private void counter(String name, String help, String label, Map<Integer, Long> byKey) {
        head(name + "_total", help, "counter");
        byKey.forEach((key, value) -> sample(name + "_total", "{" + label + "=\"" + key + "\"}", value.toString()));
    }

    /** Prometheus buckets are cumulative: each counts every round trip up to its bound. */
    private void histogram(String name, String help, Metrics m) {
        head(name, help, "histogram");
        List<Duration> bounds = Metrics.pingRoundTripBounds();
        List<Long> counts = m.pingRoundTrips();
        long cumulative = 0;
        for (int i = 0; i < bounds.size(); i++) {
            cumulative += counts.get(i);
            sample(name + "_bucket", "{le=\"" + seconds(bounds.get(i)) + "\"}", Long.toString(cumulative));
        }
        cumulative += counts.get(bounds.size());
        sample(name + "_bucket", "{le=\"+Inf\"}", Long.toString(cumulative));
        sample(name + "_sum", "", seconds(m.pingRoundTripTotal()));
        sample(name + "_count", "", Long.toString(cumulative));
    }

    private static String seconds(Duration d) {
        return Double.toString(d.toNanos() / 1e9);
    }
}
