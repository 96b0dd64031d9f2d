package io.niows.architecture;

/**
 * Blanks the comments and the string, character and text-block literals of a Java source, keeping
 * every line break, so what is left is code and line numbers still match. A small scanner rather
 * than one regular expression because the two nest: {@code "http://x"} holds no comment, and
 * {@code /* "} holds no string.
 *
 * <p>Stateless; safe to call from any thread.
 */
final class JavaCodeOnly {

    private static final String TEXT_BLOCK_QUOTES = "\"\"\"";

    private JavaCodeOnly() {
    }

    /** The source with comments and literals replaced by spaces (line breaks kept). */
    static String of(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            int end = endOfBlankedPart(source, i);
            if (end == i) {
                out.append(source.charAt(i));
                i++;
            } else {
                for (int j = i; j < end; j++) {
                    out.append(source.charAt(j) == '\n' ? '\n' : ' ');
                }
                i = end;
            }
        }
        return out.toString();
    }

    /** Where the comment or literal starting at {@code i} ends, or {@code i} if none starts there. */
    private static int endOfBlankedPart(String s, int i) {
        if (s.startsWith("//", i)) {
            int newline = s.indexOf('\n', i);
            return newline < 0 ? s.length() : newline;
        }
        if (s.startsWith("/*", i)) {
            int close = s.indexOf("*/", i + 2);
            return close < 0 ? s.length() : close + 2;
        }
        if (s.startsWith(TEXT_BLOCK_QUOTES, i)) {
            return afterClosing(s, i + TEXT_BLOCK_QUOTES.length(), TEXT_BLOCK_QUOTES);
        }
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
            return afterClosing(s, i + 1, String.valueOf(c));
        }
        return i;
    }

    /** The index just past the first unescaped {@code closing} at or after {@code from}. */
    private static int afterClosing(String s, int from, String closing) {
        int j = from;
        while (j < s.length()) {
            if (s.charAt(j) == '\\') {
                j += 2;
            } else if (s.startsWith(closing, j)) {
                return j + closing.length();
            } else {
                j++;
            }
        }
        return s.length();
    }
}
