package io.niows.examples.chat;

import io.niows.HttpHandler;
import io.niows.HttpRequestHead;
import io.niows.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
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
     * Security headers for every file: the page loads scripts and styles from this server alone,
     * connects to this server (and to the {@link ChatPeers peers} it is given) alone, and cannot
     * be framed by another site.
     */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; connect-src 'self'%s; img-src 'self' data:; frame-ancestors 'none'";

    /** Where the page's list of peers goes, filled in when the page is served with peers. */
    private static final String PEERS_META = "<meta name=\"niows-chat-peers\" content=\"";

    private final Map<String, HttpResponse> files;

    private StaticFiles(Map<String, HttpResponse> files) {
        this.files = files;
    }

    /** The chat page at {@code /} and its style sheet and script. */
    public static StaticFiles chatPage() {
        return chatPage(ChatPeers.NONE);
    }

    /**
     * The chat page at {@code /} and its style sheet and script, the page knowing the other nodes
     * of its room: their URLs in its {@code <meta name="niows-chat-peers">}, space-separated, and
     * in its policy's {@code connect-src}, so that it may fail over to them.
     *
     * @param peers the nodes sharing the room, or {@link ChatPeers#NONE}
     */
    public static StaticFiles chatPage(ChatPeers peers) {
        String dir = "/io/niows/examples/chat/web/";
        String page = new String(Builder.read(dir + "index.html"), StandardCharsets.UTF_8);
        if (!page.contains(PEERS_META + "\"")) {
            throw new IllegalStateException("index.html has no empty " + PEERS_META + "\">");
        }
        String list = String.join(" ", peers.urls().stream().map(URI::toString).toList());
        page = page.replace(PEERS_META + "\"", PEERS_META + escapeAttribute(list) + "\"");
        return builder()
                .connectSources(peers.connectSources())
                .content("/", page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8")
                .file("/chat.css", dir + "chat.css", "text/css; charset=utf-8")
                .file("/chat.js", dir + "chat.js", "text/javascript; charset=utf-8")
                .build();
    }

    private static String escapeAttribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
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

        private final Map<String, byte[]> bodies = new HashMap<>();
        private final Map<String, String> types = new HashMap<>();
        private String connectSources = "";

        private Builder() {
        }

        /**
         * Serves a class-path resource at a path.
         *
         * @throws UncheckedIOException if the resource is missing or unreadable: the application
         *     is broken, and should not start
         */
        public Builder file(String path, String resource, String contentType) {
            return content(path, read(resource), contentType);
        }

        /** Serves these bytes at a path. */
        public Builder content(String path, byte[] body, String contentType) {
            bodies.put(path, body.clone());
            types.put(path, contentType);
            return this;
        }

        /**
         * Lets the pages connect to these sources too, besides their own server.
         *
         * @param sources CSP source expressions, such as {@code ws://127.0.0.1:8081}
         */
        public Builder connectSources(List<String> sources) {
            StringBuilder added = new StringBuilder();
            for (String source : sources) {
                if (source.isEmpty() || source.chars().anyMatch(c -> c <= ' ' || c == ';' || c == ',' || c > '~')) {
                    throw new IllegalArgumentException("not a CSP source: " + source);
                }
                added.append(' ').append(source);
            }
            connectSources = added.toString();
            return this;
        }

        /** The handler, serving the files collected so far. */
        public StaticFiles build() {
            String policy = String.format(CONTENT_SECURITY_POLICY, connectSources);
            Map<String, HttpResponse> files = new HashMap<>();
            bodies.forEach((path, body) -> files.put(path, HttpResponse.of(200, types.get(path), body)
                    .withHeader("Cache-Control", "no-cache")
                    .withHeader("X-Content-Type-Options", "nosniff")
                    .withHeader("Content-Security-Policy", policy)));
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
