package io.niows.examples.chat;

import io.niows.HttpHandler;
import io.niows.HttpRequestHead;
import io.niows.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Serves a fixed set of files from class-path resources over plain HTTP, as the server's
 * fallback for requests that are not WebSocket upgrades: the chat page and its assets. Only the
 * paths given are served (there is no path arithmetic to escape from); any other path is 404,
 * any method but {@code GET} is 405. The files are read once, when the handler is built, so
 * answering never blocks the loop.
 *
 * <p>Immutable and thread-safe.
 */
public final class StaticFiles implements HttpHandler {

    /**
     * Security headers for every file: the page loads scripts and styles from this server alone
     * and cannot be framed by another site.
     */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

    private final Map<String, HttpResponse> files;

    private StaticFiles(Map<String, HttpResponse> files) {
        this.files = files;
    }

    /** The chat page at {@code /} and its style sheet and script. */
    public static StaticFiles chatPage() {
        String dir = "/io/niows/examples/chat/web/";
        return builder()
                .file("/", dir + "index.html", "text/html; charset=utf-8")
                .file("/chat.css", dir + "chat.css", "text/css; charset=utf-8")
                .file("/chat.js", dir + "chat.js", "text/javascript; charset=utf-8")
                .build();
    }

    /** A builder for another set of files. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public HttpResponse handle(HttpRequestHead request) {
        HttpResponse file = files.get(request.path());
        if (file == null) {
            return HttpResponse.text(404, "not found");
        }
        if (!request.method().equals("GET")) {
            return HttpResponse.text(405, "method not allowed").withHeader("Allow", "GET");
        }
        return file;
    }

    /**
     * Collects the files to serve. Not thread-safe; use it on one thread, then build.
     */
    public static final class Builder {

        private final Map<String, HttpResponse> files = new HashMap<>();

        private Builder() {
        }

        /**
         * Serves a class-path resource at a path.
         *
         * @throws UncheckedIOException if the resource is missing or unreadable: the application
         *     is broken, and should not start
         */
        public Builder file(String path, String resource, String contentType) {
            HttpResponse response = HttpResponse.of(200, contentType, read(resource))
                    .withHeader("Cache-Control", "no-cache")
                    .withHeader("X-Content-Type-Options", "nosniff")
                    .withHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            files.put(path, response);
            return this;
        }

        /** The handler, serving the files collected so far. */
        public StaticFiles build() {
            return new StaticFiles(Map.copyOf(files));
        }

        private static byte[] read(String resource) {
            try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("no class-path resource " + resource);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
