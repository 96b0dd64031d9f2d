package io.niows.examples.chat;

import io.niows.HttpRequestHead;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request heads for unit tests of hooks and handlers, without a server. Stateless. */
final class TestRequests {

    private TestRequests() {
    }

    /** A request head with one value per header. */
    static HttpRequestHead request(String method, String path, Map<String, String> headers) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        headers.forEach((name, value) -> lines.put(name, List.of(value)));
        return requestWithLines(method, path, lines);
    }

    /** A request head whose headers may repeat: every value of a name, in order. */
    static HttpRequestHead requestWithLines(String method, String path, Map<String, List<String>> headers) {
        return new HttpRequestHead() {
            @Override
            public String method() {
                return method;
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public String query() {
                return null;
            }

            @Override
            public String header(String name) {
                List<String> values = headers(name);
                return values.isEmpty() ? null : values.get(0);
            }

            @Override
            public List<String> headers(String name) {
                return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue).findFirst().orElse(List.of());
            }

            @Override
            public Map<String, List<String>> headers() {
                return headers;
            }

            @Override
            public List<String> subprotocols() {
                return List.of();
            }

            @Override
            public InetSocketAddress remoteAddress() {
                return new InetSocketAddress("127.0.0.1", 40000);
            }
        };
    }
}
