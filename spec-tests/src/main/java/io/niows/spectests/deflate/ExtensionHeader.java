package io.niows.spectests.deflate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a {@code Sec-WebSocket-Extensions} value (RFC 6455 section 9.1):
 *
 * <pre>
 * extension-list  = 1#extension
 * extension       = extension-token *( ";" extension-param )
 * extension-param = token [ "=" (token | quoted-string) ]
 * </pre>
 *
 * Names are compared in lower case, as Autobahn does; a quoted value is unquoted (RFC 7692
 * section 7.1: the value after unescaping must be a token). Anything else is refused with a
 * reason. Stateless; safe from any thread.
 */
public final class ExtensionHeader {

    /** One parameter; {@code value} is null when the parameter has none. */
    public record Param(String name, String value) {
    }

    /** One extension of the list, with its parameters in order. */
    public record Element(String name, List<Param> params) {
        public Element {
            params = List.copyOf(params);
        }
    }

    private final String text;
    private int pos;

    private ExtensionHeader(String text) {
        this.text = text;
    }

    /** Parses a whole header value; an empty or blank value is an empty list. */
    public static List<Element> parse(String value) {
        List<Element> out = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        ExtensionHeader p = new ExtensionHeader(value);
        while (true) {
            p.skipSpace();
            out.add(p.element());
            p.skipSpace();
            if (p.pos == p.text.length()) {
                return out;
            }
            p.expect(',');
        }
    }

    private Element element() {
        String name = token("extension name");
        List<Param> params = new ArrayList<>();
        skipSpace();
        while (pos < text.length() && text.charAt(pos) == ';') {
            pos++;
            skipSpace();
            String key = token("parameter name");
            skipSpace();
            String val = null;
            if (pos < text.length() && text.charAt(pos) == '=') {
                pos++;
                skipSpace();
                val = pos < text.length() && text.charAt(pos) == '"' ? quoted() : token("parameter value");
                skipSpace();
            }
            params.add(new Param(key, val));
        }
        return new Element(name, params);
    }

    private String token(String what) {
        int start = pos;
        while (pos < text.length() && isTchar(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException("expected a " + what + " at offset " + start + " of '" + text + "'");
        }
        return text.substring(start, pos).toLowerCase(Locale.ROOT);
    }

    private String quoted() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                String v = sb.toString();
                if (v.isEmpty() || !v.chars().allMatch(ch -> isTchar((char) ch))) {
                    throw new IllegalArgumentException("quoted value is not a token: \"" + v + "\"");
                }
                return v;
            }
            if (c == '\\') {
                if (pos == text.length()) {
                    break;
                }
                c = text.charAt(pos++);
            }
            sb.append(c);
        }
        throw new IllegalArgumentException("unterminated quoted value in '" + text + "'");
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at offset " + pos + " of '" + text + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    /** RFC 7230 section 3.2.6 tchar. */
    private static boolean isTchar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
