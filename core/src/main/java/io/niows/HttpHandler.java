package io.niows;

/**
 * Answers plain HTTP requests (those that are not WebSocket upgrades), so that one port can serve
 * a web page and its WebSocket. Each answer closes its TCP connection.
 *
 * <p>Called on a loop thread; it must not block. Only the request head is read: a request with a
 * body is refused with 413 before the handler is called.
 */
@FunctionalInterface
public interface HttpHandler {

    /**
     * Answers one request.
     *
     * @param request the request head
     * @return the response; never {@code null}
     */
    HttpResponse handle(HttpRequestHead request);
}
