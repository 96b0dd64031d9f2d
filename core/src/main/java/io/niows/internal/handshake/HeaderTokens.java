package io.niows.internal.handshake;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated header values, the {@code #element} lists of RFC 7230 §7: elements
 * separated by commas with optional whitespace, empty elements ignored ("a recipient MUST accept
 * lists that contain empty list elements"). Elements are returned as written, not checked against
 * the token grammar, so that {@code Upgrade: websocket/13} style values can still be compared.
 *
 * <p>Stateless and thread-safe.
 */
public final class HeaderTokens {

    private HeaderTokens() {
    }

    /** The elements of one header value, in order, whitespace trimmed, empty ones dropped. */
    public static List<String> tokens(String value) {
        List<String> tokens = new ArrayList<>();
        if (value == null) {
            return tokens;
        }
        for (String element : value.split(",", -1)) {
            String trimmed = HttpSyntax.trimOws(element);
            if (!trimmed.isEmpty()) {
                tokens.add(trimmed);
            }
        }
        return tokens;
    }

    /**
     * Tells whether any of the header lines lists {@code token}, compared ignoring ASCII case
     * (RFC 6455 §4.2.1 treats "Upgrade" and "websocket" as ASCII case-insensitive values).
     */
    public static boolean containsToken(List<String> headerValues, String token) {
        for (String value : headerValues) {
            for (String element : tokens(value)) {
                if (HttpSyntax.equalsAsciiIgnoreCase(element, token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The elements of every header line, in order. */
    static List<String> allTokens(List<String> headerValues) {
        List<String> all = new ArrayList<>();
        for (String value : headerValues) {
            all.addAll(tokens(value));
        }
        return all;
    }
}
