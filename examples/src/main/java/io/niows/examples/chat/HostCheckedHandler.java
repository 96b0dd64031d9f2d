package io.niows.examples.chat;

import io.niows.HttpHandler;
import io.niows.HttpRequestHead;
import io.niows.HttpResponse;
import java.util.Objects;

/**
 * Serves plain HTTP requests addressed to one of the server's {@link OwnHosts own names} and
 * refuses the others with the check's status and one line of plain text, so that the chat page
 * is not served to a site that rebound its name to this server.
 *
 * <p>Immutable and thread-safe, as its parts are.
 */
public final class HostCheckedHandler implements HttpHandler {

    private final OwnHosts hosts;
    private final HttpHandler next;

    /**
     * @param hosts the names and port this server answers to
     * @param next what serves the requests that pass
     */
    public HostCheckedHandler(OwnHosts hosts, HttpHandler next) {
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public HttpResponse handle(HttpRequestHead request) {
        return hosts.check(request)
                .map(refusal -> HttpResponse.text(refusal.status(), refusal.reason()))
                .orElseGet(() -> next.handle(request));
    }
}
