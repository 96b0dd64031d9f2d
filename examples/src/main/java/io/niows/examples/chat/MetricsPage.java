package io.niows.examples.chat;

import io.niows.HttpHandler;
import io.niows.HttpRequestHead;
import io.niows.HttpResponse;
import io.niows.Metrics;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Answers {@code GET /metrics} with the server's {@link Metrics} in the Prometheus text format
 * and hands every other request to the next handler. A public server would put this path behind
 * a check of its own (or on another port): the counts tell a visitor how busy the server is.
 *
 * <p>Thread-safe if the supplier is: called on the server's loop threads.
 */
public final class MetricsPage implements HttpHandler {

    /** The path Prometheus scrapes. */
    public static final String PATH = "/metrics";

    private final Supplier<Metrics> metrics;
    private final HttpHandler next;

    /**
     * @param metrics the snapshot to serve, read anew for each request; null while there is none
     * @param next what answers every other request
     */
    public MetricsPage(Supplier<Metrics> metrics, HttpHandler next) {
        this.metrics = metrics;
        this.next = next;
    }

    @Override
    public HttpResponse handle(HttpRequestHead request) {
        if (!request.path().equals(PATH)) {
            return next.handle(request);
        }
        if (!request.method().equals("GET")) {
            return HttpResponse.text(405, "method not allowed").withHeader("Allow", "GET");
        }
        Metrics now = metrics.get();
        if (now == null) {
            return HttpResponse.text(503, "starting");
        }
        byte[] body = PrometheusText.write(now, "niows_chat").getBytes(StandardCharsets.UTF_8);
        return HttpResponse.of(200, PrometheusText.CONTENT_TYPE, body).withHeader("Cache-Control", "no-store");
    }
}
