package io.niows.spectests.report;

import java.util.Collection;
import java.util.Map;

/**
 * A minimal JSON writer for maps, collections, strings, numbers, booleans and null, with
 * two-space indentation. Stateless; safe from any thread.
 */
public final class JsonWriter {
    private JsonWriter() {
    }

    /** Serialises a value tree. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            quote(sb, s);
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            writeMap(sb, m, indent);
        } else if (v instanceof Collection<?> c) {
            writeList(sb, c, indent);
        } else {
            quote(sb, v.toString());
        }
    }

    private static void writeMap(StringBuilder sb, Map<?, ?> m, int indent) {
        if (m.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append("{\n");
        int i = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            pad(sb, indent + 1);
            quote(sb, String.valueOf(e.getKey()));
            sb.append(": ");
            write(sb, e.getValue(), indent + 1);
            sb.append(++i < m.size() ? ",\n" : "\n");
        }
        pad(sb, indent);
        sb.append('}');
    }

    private static void writeList(StringBuilder sb, Collection<?> c, int indent) {
        boolean flat = c.stream().noneMatch(x -> x instanceof Map || x instanceof Collection);
        if (c.isEmpty() || flat) {
            sb.append('[');
            int i = 0;
            for (Object x : c) {
                write(sb, x, indent);
                sb.append(++i < c.size() ? ", " : "");
            }
            sb.append(']');
            return;
        }
        sb.append("[\n");
        int i = 0;
        for (Object x : c) {
            pad(sb, indent + 1);
            write(sb, x, indent + 1);
            sb.append(++i < c.size() ? ",\n" : "\n");
        }
        pad(sb, indent);
        sb.append(']');
    }

    private static void pad(StringBuilder sb, int indent) {
        sb.append("  ".repeat(indent));
    }

    /** Appends a JSON string literal. */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20 || (ch >= 0x7f && ch <= 0x9f) || Character.isSurrogate(ch)) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }
}
