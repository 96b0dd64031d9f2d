package io.niows.internal.handshake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header fields of an HTTP head: an insertion-ordered multimap whose lookups ignore case, as
 * field names do (RFC 7230 §3.2: "Each header field consists of a case-insensitive field name").
 * Values are kept as received, leading and trailing whitespace removed; several lines with the same
 * name keep their order (RFC 7230 §3.2.2).
 *
 * <p>Immutable and thread-safe.
 */
public final class HttpHeaders {

    private final Map<String, List<String>> byLowerName;
    private final Map<String, List<String>> asReceived;

    private HttpHeaders(Map<String, List<String>> byLowerName,
            Map<String, List<String>> asReceived) {
        this.byLowerName = byLowerName;
        this.asReceived = asReceived;
    }

    /** The first value of the named header, or {@code null} when absent. */
    public String header(String name) {
        List<String> values = byLowerName.get(lower(name));
        return values == null ? null : values.get(0);
    }

    /** Every value of the named header, one per line received, in order; empty when absent. */
    public List<String> headerValues(String name) {
        return byLowerName.getOrDefault(lower(name), List.of());
    }

    /**
     * Every header, in the order first received, keyed by the name as first spelled by the peer.
     * Lookups in this map are case-sensitive; use {@link #headerValues} to ignore case.
     */
    public Map<String, List<String>> headerMap() {
        return asReceived;
    }

    @Override
    public String toString() {
        return asReceived.toString();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Collects the header lines of one head. Not thread-safe. */
    static final class Builder {
        private final Map<String, List<String>> byLowerName = new LinkedHashMap<>();
        private final Map<String, String> spelling = new LinkedHashMap<>();
        private int count;

        void add(String name, String value) {
            String key = lower(name);
            byLowerName.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
            spelling.putIfAbsent(key, name);
            count++;
        }

        int count() {
            return count;
        }

        HttpHeaders build() {
            Map<String, List<String>> lookup = new LinkedHashMap<>();
            Map<String, List<String>> received = new LinkedHashMap<>();
            byLowerName.forEach((key, values) -> {
                List<String> frozen = List.copyOf(values);
                lookup.put(key, frozen);
                received.put(spelling.get(key), frozen);
            });
            return new HttpHeaders(Collections.unmodifiableMap(lookup),
                    Collections.unmodifiableMap(received));
        }
    }
}
