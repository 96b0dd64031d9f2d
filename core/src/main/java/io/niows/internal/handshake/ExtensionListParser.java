package io.niows.internal.handshake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cursor over one {@code Sec-WebSocket-Extensions} header line (RFC 6455 §9.1, with the list,
 * token and quoted-string rules of RFC 7230 §7 and §3.2.6). Not thread-safe; one per line.
 */
final class ExtensionListParser {

    private final String text;
    private int pos;

    ExtensionListParser(String text) {
        this.text = text;
    }

    /**
     * The list elements of a line: split at every comma outside a quoted string, so that each can
     * be parsed on its own.
     */
    static List<String> elements(String line) {
        List<String> elements = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                elements.add(line.substring(start, i));
                start = i + 1;
            }
        }
        elements.add(line.substring(start));
        return elements;
    }

    /** Appends the offers of the line to {@code offers}; empty list elements are skipped. */
    void parseInto(List<ExtensionOffer> offers) throws HttpError {
        while (true) {
            skipOws();
            if (pos == text.length()) {
                return;
            }
            if (peek() != ',') {
                offers.add(parseOffer());
                skipOws();
                if (pos == text.length()) {
                    return;
                }
                if (peek() != ',') {
                    throw malformed("expected , or ; after an extension");
                }
            }
            pos++;
        }
    }

    private ExtensionOffer parseOffer() throws HttpError {
        String name = token("extension name");
        Map<String, String> params = new LinkedHashMap<>();
        skipOws();
        while (pos < text.length() && peek() == ';') {
            pos++;
            skipOws();
            String key = token("extension parameter");
            skipOws();
            String value = null;
            if (pos < text.length() && peek() == '=') {
                pos++;
                skipOws();
                boolean quoted = pos < text.length() && peek() == '"';
                value = quoted ? quotedToken() : token("parameter value");
                skipOws();
            }
            if (params.containsKey(key)) {
                throw malformed("parameter " + key + " given twice");
            }
            params.put(key, value);
        }
        return new ExtensionOffer(name, params);
    }

    private String token(String what) throws HttpError {
        int start = pos;
        while (pos < text.length() && HttpSyntax.isTchar(peek())) {
            pos++;
        }
        if (pos == start) {
            throw malformed("expected a token as " + what);
        }
        return text.substring(start, pos);
    }

    /** quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE, unescaped, then a token. */
    private String quotedToken() throws HttpError {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length() && peek() != '"') {
            if (peek() == '\\') {
                pos++;
                if (pos == text.length()) {
                    break;
                }
            }
            value.append(peek());
            pos++;
        }
        if (pos == text.length()) {
            throw malformed("unterminated quoted string");
        }
        pos++;
        // RFC 6455 §9.1: "the value after quoted-string unescaping MUST conform to the 'token'
        // ABNF."
        if (!HttpSyntax.isToken(value.toString())) {
            throw malformed("quoted parameter value is not a token");
        }
        return value.toString();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private void skipOws() {
        while (pos < text.length() && HttpSyntax.isOws(peek())) {
            pos++;
        }
    }

    private HttpError malformed(String detail) {
        return new HttpError(400, "malformed Sec-WebSocket-Extensions: " + detail);
    }
}
