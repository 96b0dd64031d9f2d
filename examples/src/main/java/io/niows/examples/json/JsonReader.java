package io.niows.examples.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON text (RFC 8259) into plain Java values: objects become unmodifiable
 * {@link Map}s in input order, arrays unmodifiable {@link List}s, strings {@link String}s,
 * integers that fit {@link Long}s, other numbers {@link Double}s, {@code true}/{@code false}
 * {@link Boolean}s and {@code null} {@code null}.
 *
 * <p>Strict, because the input comes from strangers: the grammar of RFC 8259 exactly (no
 * comments, no trailing commas, no leading zeros, no single quotes), nothing after the value but
 * whitespace, no duplicate names in an object, no unpaired surrogate in a {@code \\u} escape
 * (it could not be sent on as UTF-8), and at most {@value #MAX_DEPTH} nested arrays and objects
 * so that hostile input cannot exhaust the stack.
 *
 * <p>Stateless and thread-safe; each {@link #parse} call uses its own cursor.
 */
public final class JsonReader {

    /** How deep arrays and objects may nest. */
    public static final int MAX_DEPTH = 32;

    private final String in;
    private int pos;
    private int depth;

    private JsonReader(String in) {
        this.in = in;
    }

    /**
     * @param json one JSON text
     * @return its value
     * @throws JsonException if it is not exactly one valid JSON value
     */
    public static Object parse(String json) {
        JsonReader reader = new JsonReader(json);
        reader.skipWhitespace();
        Object value = reader.readValue();
        reader.skipWhitespace();
        if (reader.pos != json.length()) {
            throw reader.error("unexpected text after the value");
        }
        return value;
    }

    /**
     * Parses a JSON text that must be an object.
     *
     * @throws JsonException if it is not exactly one valid JSON object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String json) {
        Object value = parse(json);
        if (!(value instanceof Map)) {
            throw new JsonException("expected an object", 0);
        }
        return (Map<String, Object>) value;
    }

    private Object readValue() {
        if (pos >= in.length()) {
            throw error("unexpected end of input");
        }
        char c = in.charAt(pos);
        return switch (c) {
            case '{' -> readObject();
            case '[' -> readArray();
            case '"' -> readString();
            case 't' -> readLiteral("true", Boolean.TRUE);
            case 'f' -> readLiteral("false", Boolean.FALSE);
            case 'n' -> readLiteral("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield readNumber();
                }
                throw error("unexpected character " + describe(c));
            }
        };
    }

    private Map<String, Object> readObject() {
        enter();
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return leave(Map.of());
        }
        do {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a name in double quotes");
            }
            int nameAt = pos;
            String name = readString();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = readValue();
            if (map.containsKey(name)) {
                throw new JsonException("duplicate name \"" + name + "\"", nameAt);
            }
            map.put(name, value);
            skipWhitespace();
        } while (!endOfList('}'));
        return leave(Collections.unmodifiableMap(map));
    }

    private List<Object> readArray() {
        enter();
        pos++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return leave(List.of());
        }
        do {
            skipWhitespace();
            list.add(readValue());
            skipWhitespace();
        } while (!endOfList(']'));
        return leave(Collections.unmodifiableList(list));
    }

    /** After an element: consumes {@code ,} (returns false) or the closing bracket (true). */
    private boolean endOfList(char close) {
        char c = peek();
        if (c == ',') {
            pos++;
            return false;
        }
        if (c == close) {
            pos++;
            return true;
        }
        throw error("expected ',' or '" + close + "'");
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
    }

    private <T> T leave(T value) {
        depth--;
        return value;
    }

    private String readString() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= in.length()) {
                throw error("unterminated string");
            }
            char c = in.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("unescaped control character " + describe(c) + " in a string");
            }
            if (c == '\\') {
                readEscape(out);
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    private void readEscape(StringBuilder out) {
        int start = pos;
        pos++;
        if (pos >= in.length()) {
            throw error("unterminated string");
        }
        char c = in.charAt(pos++);
        switch (c) {
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case '/' -> out.append('/');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> readUnicodeEscape(out, start);
            default -> throw new JsonException("invalid escape \\" + describe(c), start);
        }
    }

    /** RFC 8259 §7: a character outside the BMP is escaped as a surrogate pair of two escapes. */
    private void readUnicodeEscape(StringBuilder out, int start) {
        char c = readHex4();
        if (Character.isLowSurrogate(c)) {
            throw new JsonException("unpaired low surrogate", start);
        }
        if (Character.isHighSurrogate(c)) {
            if (!in.startsWith("\\u", pos)) {
                throw new JsonException("unpaired high surrogate", start);
            }
            pos += 2;
            char low = readHex4();
            if (!Character.isLowSurrogate(low)) {
                throw new JsonException("unpaired high surrogate", start);
            }
            out.append(c).append(low);
            return;
        }
        out.append(c);
    }

    private char readHex4() {
        if (pos + 4 > in.length()) {
            throw error("truncated \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = hexValue(in.charAt(pos));
            if (digit < 0) {
                throw error("invalid hex digit in \\u escape");
            }
            value = value * 16 + digit;
            pos++;
        }
        return (char) value;
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private Object readLiteral(String word, Object value) {
        if (!in.startsWith(word, pos)) {
            throw error("invalid literal");
        }
        pos += word.length();
        return value;
    }

    /** RFC 8259 §6: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
    private Object readNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else {
            digits();
        }
        boolean integer = true;
        if (peek() == '.') {
            pos++;
            digits();
            integer = false;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            digits();
            integer = false;
        }
        String text = in.substring(start, pos);
        if (integer) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooBig) {
                return Double.parseDouble(text);
            }
        }
        return Double.parseDouble(text);
    }

    private void digits() {
        int start = pos;
        while (pos < in.length() && in.charAt(pos) >= '0' && in.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw error("expected a digit");
        }
    }

    private void skipWhitespace() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < in.length() ? in.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private JsonException error(String message) {
        return new JsonException(pos >= in.length() && !message.startsWith("unexpected end")
                ? message + " (input ended)" : message, pos);
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
